package no.dialog.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.dialog.core.contact.WriteOutcome;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.observability.Metrics;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.InMemoryContactStore;
import no.dialog.core.time.OsloTime;
import org.junit.jupiter.api.Test;

class ContactChangesTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), OsloTime.ZONE);
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final List<String> replays = new ArrayList<>();
    private final TenantDirectory tenants = new TenantDirectory() {
        @Override public Optional<Tenant> find(TenantId id) {
            return id.equals(DEMO) ? Optional.of(new Tenant(DEMO, "Demo", clock.instant())) : Optional.empty();
        }
        @Override public boolean createIfAbsent(Tenant tenant) { return false; }
        @Override public java.util.List<TenantId> all() { return java.util.List.of(DEMO); }
    };
    private final ContactChanges changes = new ContactChanges(contacts, tenants, replays::add, Metrics.NONE, clock);

    private static String changed(String tenant, String updatedAt, String firstName) {
        return """
                {"version":"0","id":"e1","detail-type":"ContactChanged","source":"org.system","account":"000000000000",
                 "time":"2026-11-23T12:00:00Z","region":"eu-north-1","resources":[],
                 "detail":{"tenant":"%s","contact":{"id":"M-1","updatedAt":"%s","firstName":"%s","phone":"+4791234567"}}}
                """.formatted(tenant, updatedAt, firstName);
    }

    private static String deleted(String updatedAt) {
        return """
                {"detail-type":"ContactDeleted","source":"org.system",
                 "detail":{"tenant":"demo","contactId":"M-1","updatedAt":"%s"}}
                """.formatted(updatedAt);
    }

    @Test
    void aChangeUpsertsTheContactAndIsReplayedOnce() {
        String event = changed("demo", "2026-11-20T10:00:00Z", "Kari");

        assertThat(changes.apply(event, false)).isEqualTo(WriteOutcome.CREATED);
        assertThat(contacts.find(DEMO, "M-1").orElseThrow().firstName()).isEqualTo("Kari");
        assertThat(replays).containsExactly(event);

        assertThat(changes.apply(event, true)).isEqualTo(WriteOutcome.UNCHANGED);
        assertThat(replays).as("a replay is not replayed again").hasSize(1);
    }

    @Test
    void anOlderChangeArrivingLateIsIgnored() {
        changes.apply(changed("demo", "2026-11-20T10:00:00Z", "Newer"), false);

        assertThat(changes.apply(changed("demo", "2026-11-19T10:00:00Z", "Older"), false)).isEqualTo(WriteOutcome.STALE);
        assertThat(contacts.find(DEMO, "M-1").orElseThrow().firstName()).isEqualTo("Newer");
    }

    @Test
    void aDeletionKeepsAnOlderChangeFromBringingThePersonBack() {
        changes.apply(changed("demo", "2026-11-20T10:00:00Z", "Kari"), false);

        assertThat(changes.apply(deleted("2026-11-21T10:00:00Z"), false)).isEqualTo(WriteOutcome.DELETED);
        assertThat(changes.apply(changed("demo", "2026-11-20T12:00:00Z", "Kari"), false)).isEqualTo(WriteOutcome.STALE);
        assertThat(contacts.find(DEMO, "M-1")).isEmpty();
    }

    @Test
    void unknownTypesUnknownTenantsAndBadContactsArePermanentFailuresThatChangeNothing() {
        assertThatThrownBy(() -> changes.apply("{\"detail-type\":\"ContactMerged\",\"detail\":{\"tenant\":\"demo\"}}", false))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("unknown detail-type 'ContactMerged'");
        assertThatThrownBy(() -> changes.apply(changed("other", "2026-11-20T10:00:00Z", "Kari"), false))
                .isInstanceOf(PermanentFailure.class).hasMessage("no such tenant");
        assertThatThrownBy(() -> changes.apply(changed("demo", "not a time", "Kari"), false))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("updatedAt");
        assertThatThrownBy(() -> changes.apply("not json", false))
                .isInstanceOf(PermanentFailure.class).hasMessage("the event is not valid JSON");
        assertThatThrownBy(() -> changes.apply("{\"detail-type\":\"ContactChanged\"}", false))
                .isInstanceOf(PermanentFailure.class).hasMessage("the event has no detail object");

        assertThat(contacts.count(DEMO)).isZero();
        assertThat(replays).isEmpty();
    }

    @Test
    void theReasonOfABadContactNamesFieldsButNotValues() {
        assertThatThrownBy(() -> changes.apply("""
                {"detail-type":"ContactChanged","detail":{"tenant":"demo","contact":
                 {"id":"M-1","updatedAt":"2026-11-20T10:00:00Z","phone":"+47 555"}}}
                """, false))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("phone")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("555"));
    }
}
