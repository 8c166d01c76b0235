package no.dialog.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import no.dialog.aws.landing.DynamoDbLinkStore;
import no.dialog.aws.landing.DynamoDbPersonLinks;
import no.dialog.aws.run.DynamoDbRunStagings;
import no.dialog.aws.run.DynamoDbRunStore;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.contact.Contact;
import no.dialog.core.enrolment.EnrolmentIds;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.EnrolmentState;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.landing.LinkBinding;
import no.dialog.core.landing.StoredLink;
import no.dialog.core.privacy.export.ContactTombstones;
import no.dialog.core.privacy.export.PersonExport;
import no.dialog.core.run.RunItem;
import no.dialog.core.send.LedgerEntry;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The export's readers of one person's items, against DynamoDB Local: each finds the person's items and no one
 * else's, of the same tenant or of another with the same contact id.
 */
class PersonExportStoresTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final TenantId OTHER = TenantId.of("other");
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static DynamoDbClient dynamoDb;

    @BeforeAll
    static void client() {
        dynamoDb = SharedEmulators.get().dynamoDb();
    }

    private static Enrolment enrolment(TenantId tenant, String contactId) {
        return new Enrolment(tenant, EnrolmentIds.of(tenant, "brev", 1, contactId), "brev", 1, contactId,
                EnrolmentState.DONE, "letter", null, NOW, null, null, Map.of(), Map.of("letter", 1), List.of(), "end", 2);
    }

    private static String key(Enrolment e, String step) {
        return e.tenant().value() + ":" + e.enrolmentId() + ":" + step + ":1";
    }

    @Test
    void ledgerEntriesAreThePersonsOfTheTenantOnly() {
        String table = TestTables.withContactIndex(dynamoDb, "send-ledger");
        DynamoDbSendLedger ledger = new DynamoDbSendLedger(dynamoDb, table, CLOCK);
        ledger.recordIntent("demo:e-1:ask:1", DEMO, SendChannel.SMS, "c-1", NOW.minusSeconds(60));
        ledger.recordIntent("demo:e-1:remind:1", DEMO, SendChannel.EMAIL, "c-1", NOW);
        ledger.recordIntent("demo:e-2:ask:1", DEMO, SendChannel.SMS, "c-2", NOW);
        ledger.recordIntent("other:e-9:ask:1", OTHER, SendChannel.SMS, "c-1", NOW);

        List<LedgerEntry> entries = new DynamoDbPersonMessages(dynamoDb, table).ofContact(DEMO, "c-1");

        assertThat(entries).extracting(LedgerEntry::key).containsExactly("demo:e-1:ask:1", "demo:e-1:remind:1");
    }

    @Test
    void runLinesAreThoseOfThePersonsEnrolmentsInTheirJourneysRuns() {
        String table = TestTables.runFiles(dynamoDb);
        DynamoDbRunStore runs = new DynamoDbRunStore(dynamoDb, table);
        Enrolment hers = enrolment(DEMO, "c-1");
        Enrolment his = enrolment(DEMO, "c-2");
        Enrolment foreign = enrolment(OTHER, "c-1");
        for (Enrolment e : List.of(hers, his, foreign)) {
            runs.stage(new RunItem(e.tenant(), SendChannel.LETTER, "brev", 1, "letter", LocalDate.of(2026, 12, 6),
                    key(e, "letter"), e.contactId(), Map.of("name", "Name of " + e.contactId())), NOW);
        }

        List<PersonExport.StagedRunItem> lines = new DynamoDbRunStagings(dynamoDb, table, runs)
                .ofEnrolments(DEMO, List.of(hers));

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.key()).isEqualTo(key(hers, "letter"));
            assertThat(line.fields()).containsEntry("name", "Name of c-1");
            assertThat(line.runStatus()).isEqualTo("OPEN");
        });
    }

    @Test
    void linksNameTheirSealedValuesWithoutThem() {
        String table = TestTables.withContactIndex(dynamoDb, "landing-links");
        DynamoDbLinkStore links = new DynamoDbLinkStore(dynamoDb, table);
        links.create(new StoredLink("l-1", 1, new LinkBinding(DEMO, "brev", 1, "ask", "e-1", "c-1", "nb",
                NOW.plusSeconds(86_400)), null, null));
        links.create(new StoredLink("l-2", 1, new LinkBinding(OTHER, "brev", 1, "ask", "e-9", "c-1", "nb",
                NOW.plusSeconds(86_400)), null, null));
        links.recordSubmission("l-1", "s-1", NOW, Map.of("fnr", "sealed-text"));

        List<PersonExport.LinkRecord> found = new DynamoDbPersonLinks(dynamoDb, table).ofContact(DEMO, "c-1");

        assertThat(found).singleElement().satisfies(link -> {
            assertThat(link.enrolmentId()).isEqualTo("e-1");
            assertThat(link.submissions()).containsExactly("s-1");
            assertThat(link.firstUsedAt()).isEqualTo(NOW);
            assertThat(link.sealed()).containsExactly(new PersonExport.SealedValue("s-1", "fnr"));
            assertThat(link.toString()).doesNotContain("sealed-text");
        });
    }

    @Test
    void tombstonesTellADeletionFromAnErasure() {
        String table = TestTables.contacts(dynamoDb);
        DynamoDbContactStore contacts = new DynamoDbContactStore(dynamoDb, table, CLOCK, 2);
        for (String id : List.of("c-live", "c-deleted", "c-erased")) {
            contacts.upsert(DEMO, new Contact(id, NOW.minusSeconds(3600), "A", "B", null, null, null, null, null, null,
                    null, null, null, null, null, null));
        }
        contacts.delete(DEMO, "c-deleted", NOW.minusSeconds(60));
        new DynamoDbContactErasure(dynamoDb, table, CLOCK).erase(DEMO, "c-erased");
        DynamoDbContactTombstones tombstones = new DynamoDbContactTombstones(dynamoDb, table);

        assertThat(tombstones.find(DEMO, "c-live")).isEmpty();
        assertThat(tombstones.find(DEMO, "c-unknown")).isEmpty();
        assertThat(tombstones.find(DEMO, "c-deleted"))
                .contains(new ContactTombstones.Tombstone(NOW.minusSeconds(60), null));
        assertThat(tombstones.find(DEMO, "c-erased")).hasValueSatisfying(t -> assertThat(t.erasedAt()).isEqualTo(NOW));
        assertThat(tombstones.find(OTHER, "c-erased")).isEmpty();
    }
}
