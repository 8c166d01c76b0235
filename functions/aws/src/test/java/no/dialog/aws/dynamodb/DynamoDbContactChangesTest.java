package no.dialog.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.segment.snapshot.SnapshotDelta;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The byChange index against DynamoDB Local: every kind of contact write shows, by Dialog's write time. */
class DynamoDbContactChangesTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final TenantId OTHER = TenantId.of("other");
    private static final MovingClock CLOCK = new MovingClock(Instant.parse("2026-12-01T09:00:00Z"));
    private static DynamoDbClient dynamoDb;
    private static DynamoDbContactStore store;
    private static DynamoDbContactChanges changes;
    private static String table;

    @BeforeAll
    static void createTable() {
        dynamoDb = SharedEmulators.get().dynamoDb();
        table = TestTables.contacts(dynamoDb);
        store = new DynamoDbContactStore(dynamoDb, table, CLOCK, 4);
        changes = new DynamoDbContactChanges(dynamoDb, table, store);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** The register's time is a year ago: only Dialog's write time can say the change is new. */
    private static Contact contact(String id, String firstName) {
        return new ContactJson(CLOCK).read("{\"id\":\"%s\",\"updatedAt\":\"%s\",\"firstName\":\"%s\",\"phone\":\"+4791234567\"}"
                .formatted(id, CLOCK.instant().minus(Duration.ofDays(365)), firstName)).contact();
    }

    @Test
    void importsChangeEventsOptOutsAndDeletionsAreFoundByTheirWriteTime() {
        store.upsertAll(DEMO, List.of(contact("C-old", "Old")));
        CLOCK.advance(Duration.ofMinutes(10));
        Instant since = CLOCK.instant();
        store.upsertAll(DEMO, List.of(contact("C-import", "Imported")));
        store.upsert(DEMO, contact("C-event", "Event"));
        store.upsert(OTHER, contact("C-other", "Other tenant"));
        store.upsertAll(DEMO, List.of(contact("C-gone", "Gone")));
        store.delete(DEMO, "C-gone", CLOCK.instant());
        store.upsertAll(DEMO, List.of(contact("C-optout", "Opting out")));

        SnapshotDelta delta = changes.changedSince(DEMO, since, 100).orElseThrow();

        assertThat(delta.upserts()).containsOnlyKeys("C-import", "C-event", "C-optout");
        assertThat(delta.upserts().get("C-event").firstName()).isEqualTo("Event");
        assertThat(delta.deletions()).containsExactly("C-gone");

        CLOCK.advance(Duration.ofMinutes(1));
        Instant later = CLOCK.instant();
        store.withdrawConsent(DEMO, "C-old", Channel.SMS, new Consent(false, "sms-stop", later));
        SnapshotDelta optOut = changes.changedSince(DEMO, later, 100).orElseThrow();
        assertThat(optOut.upserts()).containsOnlyKeys("C-old");
        assertThat(optOut.upserts().get("C-old").consents().get(Channel.SMS).granted()).isFalse();
    }

    @Test
    void moreChangesThanTheLimitAreRefusedSoTheCallerRebuilds() {
        TenantId busy = TenantId.of("busy");
        Instant since = CLOCK.instant();
        for (int i = 0; i < 30; i++) {
            store.upsert(busy, contact("B-" + i, "Busy"));
        }

        assertThat(changes.changedSince(busy, since, 29)).isEqualTo(Optional.empty());
        assertThat(changes.changedSince(busy, since, 30).orElseThrow().size()).isEqualTo(30);
    }

    /** Stands still until the test moves it. */
    static final class MovingClock extends java.time.Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
