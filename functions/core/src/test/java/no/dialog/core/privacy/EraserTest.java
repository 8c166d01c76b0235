package no.dialog.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.Test;

/** An erasure runs every store once, in order, records counts only, and resumes after a crash. */
class EraserTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryLog log = new InMemoryLog();
    private final List<String> calls = new ArrayList<>();

    /** A store holding some items per person; erasing removes them and says how many. */
    private final class Store implements PersonalData {
        final String name;
        final Map<String, Integer> held = new ConcurrentHashMap<>();
        boolean crashOnce;

        Store(String name, String contactId, int items) {
            this.name = name;
            held.put(contactId, items);
        }

        public String store() {
            return name;
        }

        public long erase(TenantId tenant, String contactId) {
            calls.add(name);
            if (crashOnce) {
                crashOnce = false;
                throw new IllegalStateException("the table was throttled");
            }
            Integer items = held.remove(contactId);
            return items == null ? 0 : items;
        }
    }

    @Test
    void everyStoreIsErasedInOrderAndTheReportHoldsCountsOnly() {
        Store contacts = new Store("contacts", "C-1", 1);
        Store enrolments = new Store("enrolments", "C-1", 3);
        Store payments = new Store("payments", "C-2", 5);
        Eraser eraser = new Eraser(List.of(contacts, enrolments, payments), log, clock);
        log.start(Erasure.requested(DEMO, "er-1", "C-1", "staff-7", NOW));

        Erasure done = eraser.run(DEMO, "er-1");

        assertThat(calls).containsExactly("contacts", "enrolments", "payments");
        assertThat(done.erased()).containsExactly(Map.entry("contacts", 1L), Map.entry("enrolments", 3L),
                Map.entry("payments", 0L));
        assertThat(done.finishedAt()).isEqualTo(NOW);
        assertThat(payments.held).containsKey("C-2");
        // Finished: running it again (a redelivery) touches nothing.
        eraser.run(DEMO, "er-1");
        assertThat(calls).hasSize(3);
    }

    @Test
    void aCrashHalfwayIsFinishedByTheRedeliveryWithoutRepeatingDoneSteps() {
        Store contacts = new Store("contacts", "C-1", 1);
        Store enrolments = new Store("enrolments", "C-1", 3);
        Store links = new Store("landing-links", "C-1", 2);
        enrolments.crashOnce = true;
        Eraser eraser = new Eraser(List.of(contacts, enrolments, links), log, clock);
        log.start(Erasure.requested(DEMO, "er-2", "C-1", "register", NOW));

        assertThatThrownBy(() -> eraser.run(DEMO, "er-2")).hasMessageContaining("throttled");
        Erasure halfway = log.find(DEMO, "er-2").orElseThrow();
        assertThat(halfway.erased()).containsOnlyKeys("contacts");
        assertThat(halfway.done()).isFalse();

        Erasure done = eraser.run(DEMO, "er-2");
        assertThat(calls).containsExactly("contacts", "enrolments", "enrolments", "landing-links");
        assertThat(done.erased()).containsEntry("contacts", 1L).containsEntry("enrolments", 3L)
                .containsEntry("landing-links", 2L);
        assertThat(done.done()).isTrue();
    }

    @Test
    void everyStepGetsThePhoneNumbersCapturedBeforeTheContactWasTombstoned() {
        List<ErasureSubject> seen = new ArrayList<>();
        PersonalData byPhone = new PersonalData() {
            public String store() {
                return "giver-candidates";
            }

            public long erase(TenantId tenant, String contactId) {
                throw new AssertionError("a store that knows people by phone is asked with the subject");
            }

            @Override
            public long erase(TenantId tenant, ErasureSubject subject) {
                seen.add(subject);
                return subject.phones().size();
            }
        };
        Store contacts = new Store("contacts", "C-1", 1);
        Eraser eraser = new Eraser(List.of(contacts, byPhone), log, clock);
        log.start(Erasure.requested(DEMO, "er-4", "C-1", "staff-7", NOW));
        ErasureSubject subject = new ErasureSubject("C-1", java.util.Set.of("+4799887766"), java.util.Set.of("a@b.no"));

        assertThatThrownBy(() -> eraser.run(DEMO, "er-4", ErasureSubject.of("C-2")))
                .hasMessageContaining("not the person");
        Erasure done = eraser.run(DEMO, "er-4", subject);

        assertThat(calls).containsExactly("contacts");
        assertThat(seen).containsExactly(subject);
        assertThat(done.erased()).containsEntry("giver-candidates", 1L);
    }

    @Test
    void anUnknownErasureOrTwoStoresWithOneNameAreRefused() {
        Eraser eraser = new Eraser(List.of(new Store("contacts", "C-1", 1)), log, clock);
        assertThatThrownBy(() -> eraser.run(DEMO, "nope")).hasMessage("no erasure nope for the tenant");
        log.start(Erasure.requested(DEMO, "er-3", "C-1", "staff-7", NOW));
        assertThatThrownBy(() -> eraser.run(TenantId.of("other"), "er-3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Eraser(List.of(new Store("contacts", "C-1", 1), new Store("contacts", "C-2", 1)),
                log, clock)).hasMessageContaining("share a name");
    }

    /** The log in memory, keyed by tenant and id like the real one. */
    private static final class InMemoryLog implements ErasureLog {
        final Map<String, Erasure> erasures = new ConcurrentHashMap<>();

        private static String key(TenantId tenant, String id) {
            return tenant.value() + "#" + id;
        }

        public boolean start(Erasure erasure) {
            return erasures.putIfAbsent(key(erasure.tenant(), erasure.erasureId()), erasure) == null;
        }

        public Optional<Erasure> find(TenantId tenant, String erasureId) {
            return Optional.ofNullable(erasures.get(key(tenant, erasureId)));
        }

        public void stepDone(TenantId tenant, String erasureId, String store, long erased) {
            erasures.computeIfPresent(key(tenant, erasureId), (k, e) -> {
                Map<String, Long> counts = new LinkedHashMap<>(e.erased());
                counts.putIfAbsent(store, erased);
                return new Erasure(e.tenant(), e.erasureId(), e.contactId(), e.requestedBy(), e.source(), e.requestedAt(),
                        counts, e.finishedAt());
            });
        }

        public void finish(TenantId tenant, String erasureId, Instant at) {
            erasures.computeIfPresent(key(tenant, erasureId), (k, e) -> new Erasure(e.tenant(), e.erasureId(),
                    e.contactId(), e.requestedBy(), e.source(), e.requestedAt(), e.erased(), at));
        }
    }
}
