package no.dialog.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.SettableClock;
import org.junit.jupiter.api.Test;

class RememberedTemplatesTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final TenantId OTHER = TenantId.of("other");

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T12:00:00Z"));
    private final CountingStore store = new CountingStore();
    private final RememberedTemplates templates = new RememberedTemplates(store, Duration.ofSeconds(30), clock);

    private static MessageTemplate ask(String text) {
        return new MessageTemplate("ask", SendChannel.SMS, "nb", null, text);
    }

    @Test
    void aFoundTemplateIsReadOnceForTheTimeItIsRemembered() {
        store.put(DEMO, ask("Hei!"));

        templates.find(DEMO, "ask");
        clock.advance(Duration.ofSeconds(29));
        Optional<MessageTemplate> again = templates.find(DEMO, "ask");

        assertThat(again.orElseThrow().body()).isEqualTo("Hei!");
        assertThat(store.finds.get()).isEqualTo(1);
    }

    @Test
    void anEditInTheStoreReachesTheSenderOnceTheTimeIsOver() {
        store.put(DEMO, ask("Hei!"));
        templates.find(DEMO, "ask");
        store.put(DEMO, ask("Hallo!"));

        clock.advance(Duration.ofSeconds(30));

        assertThat(templates.find(DEMO, "ask").orElseThrow().body()).isEqualTo("Hallo!");
        assertThat(store.finds.get()).isEqualTo(2);
    }

    @Test
    void aMissingTemplateIsNeverRememberedSoOneCreatedAfterIsFoundAtOnce() {
        assertThat(templates.find(DEMO, "ask")).isEmpty();

        store.put(DEMO, ask("Hei!"));

        assertThat(templates.find(DEMO, "ask")).isPresent();
    }

    @Test
    void eachOrganisationHasItsOwnTemplates() {
        store.put(DEMO, ask("Hei fra Demo!"));

        templates.find(DEMO, "ask");

        assertThat(templates.find(OTHER, "ask")).isEmpty();
    }

    @Test
    void aSaveThroughItForgetsWhatItRemembered() {
        store.put(DEMO, ask("Hei!"));
        templates.find(DEMO, "ask");

        templates.save(DEMO, ask("Hallo!"));

        assertThat(templates.find(DEMO, "ask").orElseThrow().body()).isEqualTo("Hallo!");
    }

    /** Templates in a map, counting reads. */
    private static final class CountingStore implements TemplateStore {
        final Map<String, MessageTemplate> templates = new ConcurrentHashMap<>();
        final AtomicInteger finds = new AtomicInteger();

        void put(TenantId tenant, MessageTemplate template) {
            templates.put(tenant.value() + "/" + template.id(), template);
        }

        @Override
        public Optional<MessageTemplate> find(TenantId tenant, String templateId) {
            finds.incrementAndGet();
            return Optional.ofNullable(templates.get(tenant.value() + "/" + templateId));
        }

        @Override
        public List<MessageTemplate> list(TenantId tenant) {
            return List.copyOf(templates.values());
        }

        @Override
        public void save(TenantId tenant, MessageTemplate template) {
            put(tenant, template);
        }

        @Override
        public boolean delete(TenantId tenant, String templateId) {
            return templates.remove(tenant.value() + "/" + templateId) != null;
        }
    }
}
