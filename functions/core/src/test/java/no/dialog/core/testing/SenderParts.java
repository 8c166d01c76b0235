package no.dialog.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.enrolment.SendQueues;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.template.TemplateStore;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;

/** In-memory collaborators of a {@code OnceSender} for tests of one channel's delivery. */
public final class SenderParts {

    private SenderParts() {}

    public static TenantDirectory tenants(Tenant... known) {
        return new TenantDirectory() {
            @Override
            public Optional<Tenant> find(TenantId id) {
                for (Tenant t : known) {
                    if (t.id().equals(id)) {
                        return Optional.of(t);
                    }
                }
                return Optional.empty();
            }

            @Override
            public boolean createIfAbsent(Tenant tenant) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<TenantId> all() {
                return List.of(known).stream().map(Tenant::id).toList();
            }
        };
    }

    /** One tenant's templates, by id. */
    public static TemplateStore templates(TenantId owner, Map<String, MessageTemplate> templates) {
        return new TemplateStore() {
            @Override
            public Optional<MessageTemplate> find(TenantId tenant, String templateId) {
                return owner.equals(tenant) ? Optional.ofNullable(templates.get(templateId)) : Optional.empty();
            }

            @Override
            public List<MessageTemplate> list(TenantId tenant) {
                return new ArrayList<>(templates.values());
            }

            @Override
            public void save(TenantId tenant, MessageTemplate template) {
                templates.put(template.id(), template);
            }

            @Override
            public boolean delete(TenantId tenant, String templateId) {
                return templates.remove(templateId) != null;
            }
        };
    }

    /** Serves no channel: no fallback is ever taken. */
    public static SendQueues noFallbacks() {
        return new SendQueues() {
            @Override
            public boolean serves(SendChannel channel) {
                return false;
            }

            @Override
            public void enqueue(List<SendRequest> requests) {
                throw new AssertionError("no fallback expected");
            }
        };
    }
}
