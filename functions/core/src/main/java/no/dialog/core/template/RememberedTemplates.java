package no.dialog.core.template;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;
import no.dialog.core.tenant.TenantId;

/**
 * A {@link TemplateStore} that remembers the templates it found for a while, for a sender that reads the
 * same template for every queue batch of a campaign (ADR 0012: one read per batch was a tenth of the SMS
 * pipeline's DynamoDB calls). An edit reaches the sends within {@code remembered}; a template that was
 * not found is never remembered, so one created (or fixed) after a failed send is found by the redrive.
 * Writes go to the store and forget what was remembered of that template in this process.
 *
 * <pre>{@code
 * TemplateStore templates = new RememberedTemplates(dynamoDbTemplates, Duration.ofSeconds(30), clock);
 * }</pre>
 */
public final class RememberedTemplates implements TemplateStore {

    private record Remembered(MessageTemplate template, Instant until) {}

    private final TemplateStore store;
    private final Duration remembered;
    private final Clock clock;
    private final Map<String, Remembered> found = new ConcurrentHashMap<>();

    public RememberedTemplates(TemplateStore store, Duration remembered, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.remembered = Objects.requireNonNull(remembered);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Optional<MessageTemplate> find(TenantId tenant, String templateId) {
        String key = tenant.value() + "/" + templateId;
        Instant now = clock.instant();
        Remembered known = found.get(key);
        if (known != null && now.isBefore(known.until())) {
            return Optional.of(known.template());
        }
        Optional<MessageTemplate> read = store.find(tenant, templateId);
        if (read.isPresent()) {
            found.put(key, new Remembered(read.get(), now.plus(remembered)));
        } else {
            found.remove(key);
        }
        return read;
    }

    @Override
    public List<MessageTemplate> list(TenantId tenant) {
        return store.list(tenant);
    }

    @Override
    public Page<MessageTemplate> page(TenantId tenant, PageRequest request) {
        return store.page(tenant, request);
    }

    @Override
    public void save(TenantId tenant, MessageTemplate template) {
        store.save(tenant, template);
        found.remove(tenant.value() + "/" + template.id());
    }

    @Override
    public boolean delete(TenantId tenant, String templateId) {
        found.remove(tenant.value() + "/" + templateId);
        return store.delete(tenant, templateId);
    }
}
