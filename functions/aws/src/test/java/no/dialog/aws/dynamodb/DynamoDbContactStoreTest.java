package no.dialog.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.contact.WriteOutcome;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbContactStoreTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final TenantId OTHER = TenantId.of("other");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), OsloTime.ZONE);
    private static final ContactJson JSON = new ContactJson(CLOCK);
    private static DynamoDbContactStore store;
    private static DynamoDbClient dynamoDb;
    private static String table;

    @BeforeAll
    static void createTable() {
        dynamoDb = SharedEmulators.get().dynamoDb();
        table = TestTables.contacts(dynamoDb);
        store = new DynamoDbContactStore(dynamoDb, table, CLOCK, 4);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static Contact contact(String id, String updatedAt, String firstName) {
        return JSON.read("{\"id\":\"%s\",\"updatedAt\":\"%s\",\"firstName\":\"%s\",\"phone\":\"+4791234567\"}"
                .formatted(id, updatedAt, firstName)).contact();
    }

    @Test
    void aConditionalUpsertRefusesOlderDataAndTellsUnchangedFromUpdated() {
        assertThat(store.upsert(DEMO, contact("C-1", "2026-11-20T10:00:00Z", "Kari"))).isEqualTo(WriteOutcome.CREATED);
        assertThat(store.upsert(DEMO, contact("C-1", "2026-11-19T10:00:00Z", "Older"))).isEqualTo(WriteOutcome.STALE);
        assertThat(store.upsert(DEMO, contact("C-1", "2026-11-20T10:00:00Z", "Kari"))).isEqualTo(WriteOutcome.UNCHANGED);
        assertThat(store.upsert(DEMO, contact("C-1", "2026-11-21T10:00:00Z", "Kari"))).isEqualTo(WriteOutcome.UNCHANGED);
        assertThat(store.upsert(DEMO, contact("C-1", "2026-11-22T10:00:00Z", "Karin"))).isEqualTo(WriteOutcome.UPDATED);

        assertThat(store.find(DEMO, "C-1").orElseThrow().firstName()).isEqualTo("Karin");
    }

    @Test
    void anOptOutWithdrawsOneConsentKeepsTheRegistersTimeAndANewerRegisterChangeStillApplies() {
        store.upsert(DEMO, contact("C-OPT", "2026-11-20T10:00:00Z", "Kari"));
        Instant at = Instant.parse("2026-11-23T12:00:00Z");
        no.dialog.core.contact.Consent withdrawn = new no.dialog.core.contact.Consent(false, "sms-reply", at);

        assertThat(store.withdrawConsent(DEMO, "C-OPT", no.dialog.core.contact.Channel.SMS, withdrawn))
                .isEqualTo(no.dialog.core.contact.ConsentWithdrawal.WITHDRAWN);
        assertThat(store.withdrawConsent(DEMO, "C-OPT", no.dialog.core.contact.Channel.SMS, withdrawn))
                .isEqualTo(no.dialog.core.contact.ConsentWithdrawal.ALREADY_WITHDRAWN);
        assertThat(store.withdrawConsent(DEMO, "C-NONE", no.dialog.core.contact.Channel.SMS, withdrawn))
                .isEqualTo(no.dialog.core.contact.ConsentWithdrawal.NO_CONTACT);
        assertThat(store.withdrawConsent(OTHER, "C-OPT", no.dialog.core.contact.Channel.SMS, withdrawn))
                .as("another tenant's person of the same id").isEqualTo(no.dialog.core.contact.ConsentWithdrawal.NO_CONTACT);

        Contact after = store.find(DEMO, "C-OPT").orElseThrow();
        assertThat(after.consents().get(no.dialog.core.contact.Channel.SMS)).isEqualTo(withdrawn);
        assertThat(after.firstName()).isEqualTo("Kari");
        assertThat(after.updatedAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(store.upsert(DEMO, contact("C-OPT", "2026-11-24T10:00:00Z", "Karin"))).isEqualTo(WriteOutcome.UPDATED);
    }

    @Test
    void aTombstoneKeepsALateOlderUpdateFromBringingAContactBack() {
        store.upsert(DEMO, contact("C-2", "2026-11-20T10:00:00Z", "Ola"));

        assertThat(store.delete(DEMO, "C-2", Instant.parse("2026-11-21T10:00:00Z"))).isEqualTo(WriteOutcome.DELETED);
        assertThat(store.find(DEMO, "C-2")).isEmpty();
        assertThat(store.upsert(DEMO, contact("C-2", "2026-11-20T12:00:00Z", "Ola"))).isEqualTo(WriteOutcome.STALE);
        assertThat(store.upsertAll(DEMO, List.of(contact("C-2", "2026-11-20T12:00:00Z", "Ola"))))
                .containsEntry("C-2", WriteOutcome.STALE);
        assertThat(store.find(DEMO, "C-2")).isEmpty();

        assertThat(store.upsert(DEMO, contact("C-2", "2026-11-22T10:00:00Z", "Ola"))).isEqualTo(WriteOutcome.CREATED);
    }

    @Test
    void theBulkPathWritesNewAndNewerRowsAndSkipsTheRest() {
        List<Contact> first = new ArrayList<>();
        for (int i = 0; i < 260; i++) {
            first.add(contact("B-" + i, "2026-11-20T10:00:00Z", "Person" + i));
        }
        Map<String, WriteOutcome> created = store.upsertAll(DEMO, first);
        assertThat(created.values()).containsOnly(WriteOutcome.CREATED).hasSize(260);

        List<Contact> second = new ArrayList<>(first.subList(0, 100));
        second.set(0, contact("B-0", "2026-11-21T10:00:00Z", "Renamed"));
        second.set(1, contact("B-1", "2026-11-19T10:00:00Z", "Older"));
        Map<String, WriteOutcome> outcomes = store.upsertAll(DEMO, second);

        assertThat(outcomes.get("B-0")).isEqualTo(WriteOutcome.UPDATED);
        assertThat(outcomes.get("B-1")).isEqualTo(WriteOutcome.STALE);
        assertThat(outcomes.get("B-50")).isEqualTo(WriteOutcome.UNCHANGED);
        assertThat(store.find(DEMO, "B-0").orElseThrow().firstName()).isEqualTo("Renamed");
        assertThat(store.find(DEMO, "B-1").orElseThrow().firstName()).isEqualTo("Person1");
    }

    @Test
    void findAllReadsManyContactsInBatchesAndLeavesOutUnknownDeletedAndOtherTenantsOnes() {
        List<Contact> many = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            many.add(contact("F-" + i, "2026-11-20T10:00:00Z", "Person" + i));
            ids.add("F-" + i);
        }
        store.upsertAll(DEMO, many);
        store.delete(DEMO, "F-7", Instant.parse("2026-11-21T10:00:00Z"));
        store.upsert(OTHER, contact("F-OTHER", "2026-11-20T10:00:00Z", "Other"));
        ids.add("F-unknown");
        ids.add("F-OTHER");
        ids.add("F-3");

        Map<String, Contact> found = store.findAll(DEMO, ids);

        assertThat(found).hasSize(229).doesNotContainKeys("F-7", "F-unknown", "F-OTHER");
        assertThat(found.get("F-229").firstName()).isEqualTo("Person229");
        assertThat(found.get("F-3").phone()).isEqualTo("+4791234567");
    }

    @Test
    void tenantsNeverSeeEachOthersContacts() {
        store.upsert(OTHER, contact("T-1", "2026-11-20T10:00:00Z", "Other"));
        store.upsert(TenantId.of("third"), contact("T-1", "2026-11-20T10:00:00Z", "Third"));

        assertThat(store.find(OTHER, "T-1").orElseThrow().firstName()).isEqualTo("Other");
        assertThat(store.find(TenantId.of("third"), "T-1").orElseThrow().firstName()).isEqualTo("Third");
        assertThat(store.find(TenantId.of("fourth"), "T-1")).isEmpty();
    }

    @Test
    void countsOnlyLivingContactsOfOneTenant() {
        TenantId counted = TenantId.of("counted");
        List<Contact> batch = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            batch.add(contact("N-" + i, "2026-11-20T10:00:00Z", "P"));
        }
        store.upsertAll(counted, batch);
        store.delete(counted, "N-7", Instant.parse("2026-11-21T10:00:00Z"));
        store.upsert(TenantId.of("uncounted"), contact("N-1", "2026-11-20T10:00:00Z", "P"));

        assertThat(store.count(counted)).isEqualTo(119);
    }

    @Test
    void forEachHandsOverEveryLivingContactOfOneTenantOnce() {
        TenantId listed = TenantId.of("listed");
        List<Contact> batch = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            batch.add(contact("L-" + i, "2026-11-20T10:00:00Z", "P"));
        }
        store.upsertAll(listed, batch);
        store.delete(listed, "L-3", Instant.parse("2026-11-21T10:00:00Z"));
        store.upsert(TenantId.of("unlisted"), contact("L-1", "2026-11-20T10:00:00Z", "Q"));

        List<String> seen = new ArrayList<>();
        store.forEach(listed, c -> seen.add(c.id() + "/" + c.firstName()));

        assertThat(seen).hasSize(249).doesNotHaveDuplicates().doesNotContain("L-3/P").contains("L-1/P", "L-249/P");
    }

    // ------------------------------------------------------------------ the byPhone index

    private static Contact withPhone(String id, String updatedAt, String phone) {
        String phoneField = phone == null ? "" : ",\"phone\":\"" + phone + "\"";
        return JSON.read("{\"id\":\"%s\",\"updatedAt\":\"%s\",\"firstName\":\"Kari\"%s}"
                .formatted(id, updatedAt, phoneField)).contact();
    }

    @Test
    void findByPhoneFindsEveryLivingContactOfTheTenantWithThatNumberFromBothWritePaths() {
        store.upsert(DEMO, withPhone("P-1", "2026-11-20T10:00:00Z", "+4790000101"));
        store.upsert(DEMO, withPhone("P-2", "2026-11-20T10:00:00Z", "900 00 101"));
        store.upsertAll(DEMO, List.of(withPhone("P-3", "2026-11-20T10:00:00Z", "+4790000101"),
                withPhone("P-4", "2026-11-20T10:00:00Z", "+4790000102"), withPhone("P-5", "2026-11-20T10:00:00Z", null)));
        store.upsert(OTHER, withPhone("P-9", "2026-11-20T10:00:00Z", "+4790000101"));

        assertThat(store.findByPhone(DEMO, "+4790000101")).as("a national number is stored in E.164")
                .containsExactly("P-1", "P-2", "P-3");
        assertThat(store.findByPhone(DEMO, "+4790000102")).containsExactly("P-4");
        assertThat(store.findByPhone(OTHER, "+4790000101")).containsExactly("P-9");
        assertThat(store.findByPhone(DEMO, "+4790000199")).isEmpty();
    }

    @Test
    void aNewNumberAMissingNumberOrADeletionTakesTheContactOutOfTheOldNumbersList() {
        store.upsert(DEMO, withPhone("Q-1", "2026-11-20T10:00:00Z", "+4790000201"));
        store.upsert(DEMO, withPhone("Q-2", "2026-11-20T10:00:00Z", "+4790000201"));
        store.upsert(DEMO, withPhone("Q-3", "2026-11-20T10:00:00Z", "+4790000201"));
        store.upsert(DEMO, withPhone("Q-4", "2026-11-20T10:00:00Z", "+4790000201"));
        store.withdrawConsent(DEMO, "Q-4", no.dialog.core.contact.Channel.SMS,
                new no.dialog.core.contact.Consent(false, "sms-reply", Instant.parse("2026-11-23T12:00:00Z")));

        store.upsert(DEMO, withPhone("Q-1", "2026-11-21T10:00:00Z", "+4790000202"));
        store.upsertAll(DEMO, List.of(withPhone("Q-2", "2026-11-21T10:00:00Z", null)));
        store.delete(DEMO, "Q-3", Instant.parse("2026-11-21T10:00:00Z"));

        assertThat(store.findByPhone(DEMO, "+4790000201")).as("an opt-out keeps the number").containsExactly("Q-4");
        assertThat(store.findByPhone(DEMO, "+4790000202")).containsExactly("Q-1");
    }

    @Test
    void aRecordWrittenBeforeTheIndexExistedIsIndexedByTheNextImportOfTheSameData() {
        Contact kari = withPhone("R-1", "2026-11-20T10:00:00Z", "+4790000301");
        store.upsert(DEMO, kari);
        // What an older version of the store wrote: the same record without phoneKey.
        dynamoDb.updateItem(b -> b.tableName(table).key(Map.of("pk", software.amazon.awssdk.services.dynamodb.model
                .AttributeValue.fromS("demo#R-1"))).updateExpression("REMOVE phoneKey"));
        assertThat(store.findByPhone(DEMO, "+4790000301")).isEmpty();

        assertThat(store.upsertAll(DEMO, List.of(kari))).containsEntry("R-1", WriteOutcome.UNCHANGED);

        assertThat(store.findByPhone(DEMO, "+4790000301")).containsExactly("R-1");
    }

    @Test
    void anIndexEntryBehindTheRecordDoesNotCount() {
        store.upsert(DEMO, withPhone("S-1", "2026-11-20T10:00:00Z", "+4790000401"));
        // An index a moment behind: the entry still says the old number while the record has a new one.
        dynamoDb.updateItem(b -> b.tableName(table).key(Map.of("pk", software.amazon.awssdk.services.dynamodb.model
                .AttributeValue.fromS("demo#S-1"))).updateExpression("SET phoneKey = :k")
                .expressionAttributeValues(Map.of(":k", software.amazon.awssdk.services.dynamodb.model
                        .AttributeValue.fromS("demo#+4790000499"))));

        assertThat(store.findByPhone(DEMO, "+4790000499")).isEmpty();
    }
}
