package no.dialog.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.contact.WriteOutcome;
import no.dialog.core.enrolment.EnrolmentIds;
import no.dialog.core.enrolment.FrequencyCap;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.EnrolmentState;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The contact and enrolment stores forget a person, against DynamoDB Local, and only that person. */
class DynamoDbErasureTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ContactJson JSON = new ContactJson(CLOCK);
    private static DynamoDbClient dynamoDb;
    private static String contactsTable;
    private static String enrolmentsTable;
    private static DynamoDbContactStore contacts;
    private static DynamoDbEnrolmentStore enrolments;

    @BeforeAll
    static void tables() {
        dynamoDb = SharedEmulators.get().dynamoDb();
        contactsTable = TestTables.contacts(dynamoDb);
        enrolmentsTable = TestTables.enrolments(dynamoDb);
        contacts = new DynamoDbContactStore(dynamoDb, contactsTable, CLOCK, 2);
        enrolments = new DynamoDbEnrolmentStore(dynamoDb, enrolmentsTable, CLOCK);
    }

    private static Contact person(String id, String updatedAt) {
        return JSON.read("""
                {"id":"%s","updatedAt":"%s","firstName":"Unikfrida","lastName":"Slettesen","phone":"+4799887766",
                 "email":"unikfrida@example.no"}""".formatted(id, updatedAt)).contact();
    }

    private static List<Map<String, AttributeValue>> scan(String table) {
        return dynamoDb.scanPaginator(b -> b.tableName(table)).items().stream().toList();
    }

    @Test
    void theContactBecomesATombstoneThatALateRegisterChangeCannotUndo() {
        contacts.upsert(DEMO, person("ER-1", "2026-12-01T10:00:00Z"));
        contacts.upsert(DEMO, person("ER-2", "2026-12-01T10:00:00Z"));
        DynamoDbContactErasure erasure = new DynamoDbContactErasure(dynamoDb, contactsTable, CLOCK);

        assertThat(erasure.erase(DEMO, "ER-1")).isEqualTo(1);
        assertThat(erasure.erase(DEMO, "ER-1")).as("again: nothing left").isZero();
        assertThat(erasure.erase(DEMO, "ER-unknown")).isZero();

        assertThat(contacts.find(DEMO, "ER-1")).isEmpty();
        assertThat(contacts.find(DEMO, "ER-2")).as("someone else").isPresent();
        // A change the register made before the erasure, delivered after it, is stale.
        assertThat(contacts.upsert(DEMO, person("ER-1", "2026-12-05T10:00:00Z"))).isEqualTo(WriteOutcome.STALE);
        Map<String, AttributeValue> tombstone = scan(contactsTable).stream()
                .filter(item -> item.get("pk").s().equals("demo#ER-1")).findFirst().orElseThrow();
        assertThat(tombstone.toString()).doesNotContain("Unikfrida", "Slettesen", "99887766", "unikfrida@");
        assertThat(tombstone).containsKey("erasedAt").doesNotContainKey("expiresAt");
    }

    @Test
    void everyEnrolmentAndCapCounterOfThePersonGoesAndOthersStay() {
        for (String contactId : List.of("ER-3", "ER-4")) {
            for (int entry = 1; entry <= 2; entry++) {
                enrolments.create(new Enrolment(DEMO, EnrolmentIds.of(DEMO, "student", entry, contactId), "student", 1,
                        contactId, EnrolmentState.ACTIVE, "ask", NOW, NOW, null, null, Map.of(), Map.of(), List.of(),
                        null, 0), List.of());
            }
            new DynamoDbSendAllowance(dynamoDb, enrolmentsTable).reserve(DEMO, contactId, SendChannel.SMS, "k-" + contactId,
                    FrequencyCap.DEFAULT, NOW);
        }
        DynamoDbEnrolmentErasure erasure = new DynamoDbEnrolmentErasure(dynamoDb, enrolmentsTable);

        assertThat(erasure.erase(DEMO, "ER-3")).isEqualTo(3);
        assertThat(erasure.erase(DEMO, "ER-3")).isZero();

        assertThat(scan(enrolmentsTable)).noneMatch(item -> item.get("pk").s().equals("demo#ER-3"));
        assertThat(scan(enrolmentsTable).stream().filter(item -> item.get("pk").s().equals("demo#ER-4"))).hasSize(3);
        assertThat(enrolments.latest(DEMO, "ER-3", "student")).isEmpty();
    }

    @Test
    void theSendLedgerAndTheLandingLinksForgetThePersonThroughTheirContactIndex() {
        String ledgerTable = TestTables.withContactIndex(dynamoDb, "send-ledger");
        String linksTable = TestTables.withContactIndex(dynamoDb, "landing-links");
        DynamoDbSendLedger ledger = new DynamoDbSendLedger(dynamoDb, ledgerTable, CLOCK);
        var links = new no.dialog.aws.landing.DynamoDbLinkStore(dynamoDb, linksTable);
        for (String contactId : List.of("ER-5", "ER-6")) {
            for (int i = 1; i <= 2; i++) {
                ledger.recordIntent("demo:" + contactId + ":ask:" + i, DEMO, SendChannel.SMS, contactId, NOW);
                links.create(new no.dialog.core.landing.StoredLink(contactId + "LINK000" + i, 1,
                        new no.dialog.core.landing.LinkBinding(DEMO, "student", 1, "ask", "E-" + contactId, contactId,
                                "nb", NOW.plusSeconds(86400)), java.util.Set.of(), null));
            }
        }
        // The same person id in another organisation is someone else.
        ledger.recordIntent("other:ER-5:ask:1", TenantId.of("other"), SendChannel.SMS, "ER-5", NOW);

        assertThat(new DynamoDbSendLedgerErasure(dynamoDb, ledgerTable).erase(DEMO, "ER-5")).isEqualTo(2);
        assertThat(new no.dialog.aws.landing.DynamoDbLinkErasure(dynamoDb, linksTable).erase(DEMO, "ER-5")).isEqualTo(2);
        assertThat(new DynamoDbSendLedgerErasure(dynamoDb, ledgerTable).erase(DEMO, "ER-5")).isZero();

        assertThat(scan(ledgerTable)).extracting(item -> item.get("pk").s())
                .containsExactlyInAnyOrder("demo:ER-6:ask:1", "demo:ER-6:ask:2", "other:ER-5:ask:1");
        assertThat(scan(linksTable)).extracting(item -> item.get("pk").s())
                .containsExactlyInAnyOrder("link#ER-6LINK0001", "link#ER-6LINK0002");
        assertThat(links.find("ER-5LINK0001")).isEmpty();
    }
}
