package no.dialog.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.contact.WriteOutcome;
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.Operator;
import no.dialog.core.segment.Preview;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import org.junit.jupiter.api.Test;

class ContactScanPreviewsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:30:00Z"), OsloTime.ZONE);
    private static final TenantId DEMO = TenantId.of("demo");
    private static final TenantId OTHER = TenantId.of("other");
    private static final Criterion NAMED_KARI = Criterion.Condition.of("firstName", Operator.EQUALS, "Kari");

    /** Only forEach is used by previews; it counts how often the store was read. */
    private static final class ScannedStore implements ContactStore {
        final Map<TenantId, List<Contact>> byTenant = new HashMap<>();
        int scans;

        @Override
        public void forEach(TenantId tenant, Consumer<Contact> sink) {
            scans++;
            byTenant.getOrDefault(tenant, List.of()).forEach(sink);
        }

        @Override public Map<String, WriteOutcome> upsertAll(TenantId t, List<Contact> c) { throw new UnsupportedOperationException(); }
        @Override public WriteOutcome upsert(TenantId t, Contact c) { throw new UnsupportedOperationException(); }
        @Override public WriteOutcome delete(TenantId t, String id, Instant at) { throw new UnsupportedOperationException(); }
        @Override public Optional<Contact> find(TenantId t, String id) { throw new UnsupportedOperationException(); }
        @Override public long count(TenantId t) { throw new UnsupportedOperationException(); }
        @Override public no.dialog.core.contact.ConsentWithdrawal withdrawConsent(TenantId t, String id,
                no.dialog.core.contact.Channel c, no.dialog.core.contact.Consent w) { throw new UnsupportedOperationException(); }
    }

    private static List<Contact> people(String prefix, int count, int karis) {
        ContactJson json = new ContactJson(CLOCK);
        List<Contact> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(json.read("{\"id\":\"%s-%d\",\"updatedAt\":\"2026-11-20T10:00:00Z\",\"firstName\":\"%s\"}"
                    .formatted(prefix, i, i < karis ? "Kari" : "Ola")).contact());
        }
        return list;
    }

    @Test
    void countsAcrossChunksAndKeepsOnlyTheSampleSize() {
        ScannedStore store = new ScannedStore();
        store.byTenant.put(DEMO, people("D", 1_234, 777));
        ContactScanPreviews previews = new ContactScanPreviews(store, CLOCK, Duration.ZERO, 10_000, System::nanoTime);

        Preview preview = previews.preview(DEMO, NAMED_KARI, 10);

        assertThat(preview.count()).isEqualTo(777);
        assertThat(preview.sample()).hasSize(10).allMatch(s -> s.firstName().equals("Kari"));
    }

    @Test
    void aSecondPreviewSoonAfterEvaluatesTheKeptContactsAndAnOlderOneReadsAgain() {
        ScannedStore store = new ScannedStore();
        store.byTenant.put(DEMO, people("D", 50, 5));
        store.byTenant.put(OTHER, people("O", 20, 20));
        AtomicLong now = new AtomicLong();
        ContactScanPreviews previews = new ContactScanPreviews(store, CLOCK, Duration.ofSeconds(60), 10_000, now::get);

        assertThat(previews.preview(DEMO, NAMED_KARI, 10).count()).isEqualTo(5);
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(previews.preview(DEMO, new Criterion.Not(NAMED_KARI), 10).count()).isEqualTo(45);
        assertThat(store.scans).isEqualTo(1);

        assertThat(previews.preview(OTHER, NAMED_KARI, 10).count()).as("kept per tenant").isEqualTo(20);
        assertThat(store.scans).isEqualTo(2);

        store.byTenant.put(DEMO, people("D", 50, 6));
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(previews.preview(DEMO, NAMED_KARI, 10).count()).isEqualTo(6);
        assertThat(store.scans).isEqualTo(3);
    }

    @Test
    void aTenantTooLargeToKeepIsReadEveryTime() {
        ScannedStore store = new ScannedStore();
        store.byTenant.put(DEMO, people("D", 101, 1));
        ContactScanPreviews previews = new ContactScanPreviews(store, CLOCK, Duration.ofSeconds(60), 100, () -> 0L);

        previews.preview(DEMO, NAMED_KARI, 10);
        assertThat(previews.preview(DEMO, NAMED_KARI, 10).count()).isEqualTo(1);
        assertThat(store.scans).isEqualTo(2);
    }
}
