package no.dialog.aws.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.run.CallListMaker;
import no.dialog.core.run.CsvWriter;
import no.dialog.core.run.LetterDrop;
import no.dialog.core.run.RunFile;
import no.dialog.core.run.RunFileStore;
import no.dialog.core.run.RunItem;
import no.dialog.core.run.RunRef;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A person leaves the runs they were staged in, against DynamoDB Local and S3Proxy: their letter PDF goes, their
 * rows leave the manifest, the print file and the call list, the merged print PDF goes, their staged items go,
 * and everyone else's stay.
 */
class RunFileErasureTest {

    private static final TenantId TENANT = TenantId.of("union");
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-11-23");
    private static final String BUCKET = "exports-" + UUID.randomUUID();
    private static final String CSV = "text/csv; charset=utf-8";
    private static DynamoDbClient dynamoDb;
    private static S3Client s3;

    @BeforeAll
    static void emulators() {
        dynamoDb = SharedEmulators.get().dynamoDb();
        s3 = SharedEmulators.get().s3();
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    private static RunRef stage(DynamoDbRunStore store, SendChannel channel, String step, String contactId,
                                String name) {
        return store.stage(new RunItem(TENANT, channel, "renewal", 1, step, DAY, key(step, contactId), contactId,
                Map.of("name", name)), AT);
    }

    private static String key(String step, String contactId) {
        return "union:E-" + contactId + ":" + step + ":1";
    }

    private static void put(String key, byte[] content, String type) {
        s3.putObject(b -> b.bucket(BUCKET).key(key).contentType(type), RequestBody.fromBytes(content));
    }

    private static String text(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asString(StandardCharsets.UTF_8);
    }

    private static List<String> keys() {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream().map(S3Object::key).toList();
    }

    @Test
    void thePersonLeavesEveryWrittenFileAndTheStagingAndOthersStay() {
        String table = TestTables.runFiles(dynamoDb);
        DynamoDbRunStore store = new DynamoDbRunStore(dynamoDb, table);
        // A letter run (21Grams drop), a print run and a call list, each with the person and someone else.
        RunRef letters = null;
        RunRef print = null;
        RunRef calls = null;
        for (String contactId : List.of("ER-R1", "ER-R2")) {
            String name = contactId.equals("ER-R1") ? "Unikfrida Slettesen" : "Ola Nordmann";
            letters = stage(store, SendChannel.LETTER, "letter", contactId, name);
            print = stage(store, SendChannel.PRINT, "print", contactId, name);
            calls = stage(store, SendChannel.TELEMARKETING, "call", contactId, name);
        }
        String manifest = LetterDrop.key(letters, "manifest.csv");
        CsvWriter manifestCsv = CsvWriter.forMachines(List.of("file", "recipientName", "postcode", "city", "country",
                "pages", "key", "kid"));
        int number = 0;
        for (String contactId : List.of("ER-R1", "ER-R2")) {
            String file = String.format("%04d.pdf", ++number);
            put(LetterDrop.key(letters, file), ("%PDF letter of " + contactId).getBytes(StandardCharsets.UTF_8),
                    "application/pdf");
            manifestCsv.row(List.of(file, contactId.equals("ER-R1") ? "Unikfrida Slettesen" : "Ola Nordmann", "0155",
                    "Oslo", "NO", "1", key("letter", contactId), ""));
        }
        put(manifest, manifestCsv.toBytes(), CSV);
        store.markClosed(letters, List.of(new RunFile("manifest.csv", manifest, CSV, null, null)), 2, 0, AT);

        String printCsv = RunFileStore.key(print, "print.csv");
        String printPdf = RunFileStore.key(print, "print.pdf");
        put(printCsv, CsvWriter.forPeople(List.of("key", "contactId", "name"))
                .row(List.of(key("print", "ER-R1"), "ER-R1", "Unikfrida Slettesen"))
                .row(List.of(key("print", "ER-R2"), "ER-R2", "Ola Nordmann")).toBytes(), CSV);
        put(printPdf, "%PDF everyone".getBytes(StandardCharsets.UTF_8), "application/pdf");
        store.markClosed(print, List.of(new RunFile("print.csv", printCsv, CSV, null, null),
                new RunFile("print.pdf", printPdf, "application/pdf", null, null)), 2, 0, AT);

        String callList = RunFileStore.key(calls, CallListMaker.FILE_NAME);
        put(callList, CsvWriter.forPeople(List.of("reference", "contactId", "firstName", "lastName", "phone", "script"))
                .row(List.of(key("call", "ER-R2"), "ER-R2", "Ola", "Nordmann", "+4791111111", "Hei Ola"))
                .row(List.of(key("call", "ER-R1"), "ER-R1", "Unikfrida", "Slettesen", "+4799887766",
                        "Hei Unikfrida,\nringer om fornyelse")).toBytes(), CSV);
        store.markClosed(calls, List.of(new RunFile(CallListMaker.FILE_NAME, callList, CSV, null, null)), 2, 0, AT);
        // And an open run (not written yet) with the person in it.
        RunRef open = stage(store, SendChannel.LETTER, "reminder", "ER-R1", "Unikfrida Slettesen");
        RunFileErasure erasure = new RunFileErasure(dynamoDb, table, s3, BUCKET);

        // 4 staged items; the letter PDF and the manifest; print.csv and print.pdf; the call list.
        assertThat(erasure.erase(TENANT, "ER-R1")).isEqualTo(4 + 2 + 2 + 1);
        assertThat(erasure.erase(TENANT, "ER-R1")).as("again: nothing left").isZero();

        assertThat(keys()).doesNotContain(LetterDrop.key(letters, "0001.pdf"), printPdf)
                .contains(LetterDrop.key(letters, "0002.pdf"), manifest, printCsv, callList);
        for (String file : List.of(manifest, printCsv, callList)) {
            assertThat(text(file)).doesNotContain("ER-R1", "Unikfrida", "99887766").contains("ER-R2");
        }
        assertThat(text(manifest)).isEqualTo("file,recipientName,postcode,city,country,pages,key,kid\r\n"
                + "0002.pdf,Ola Nordmann,0155,Oslo,NO,1," + key("letter", "ER-R2") + ",\r\n");
        assertThat(store.items(letters)).extracting(RunItem::contactId).containsExactly("ER-R2");
        assertThat(store.items(print)).extracting(RunItem::contactId).containsExactly("ER-R2");
        assertThat(store.items(calls)).extracting(RunItem::contactId).containsExactly("ER-R2");
        assertThat(store.items(open)).isEmpty();
    }

    @Test
    void aRunBeingWrittenIsLeftForTheRedeliveryAndThenErased() {
        String table = TestTables.runFiles(dynamoDb);
        DynamoDbRunStore store = new DynamoDbRunStore(dynamoDb, table);
        RunRef run = stage(store, SendChannel.TELEMARKETING, "call", "ER-R3", "Unikfrida");
        stage(store, SendChannel.TELEMARKETING, "call", "ER-R4", "Ola");
        // The closer passes the last item time it read: the end of the stager's touch (ADR 0035).
        assertThat(store.startClosing(run, AT.plus(DynamoDbRunStore.TOUCH_LEASE), AT.plusSeconds(600), AT)).isTrue();
        RunFileErasure erasure = new RunFileErasure(dynamoDb, table, s3, BUCKET);

        assertThatThrownBy(() -> erasure.erase(TENANT, "ER-R3")).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("ER-R3");
        assertThat(store.items(run)).hasSize(2);

        String callList = RunFileStore.key(run, CallListMaker.FILE_NAME);
        put(callList, CsvWriter.forPeople(List.of("reference", "contactId", "firstName", "lastName", "phone", "script"))
                .row(List.of(key("call", "ER-R3"), "ER-R3", "Unikfrida", "", "+4799887766", "Hei")).toBytes(), CSV);
        store.markClosed(run, new ArrayList<>(List.of(new RunFile(CallListMaker.FILE_NAME, callList, CSV, null, null))),
                1, 1, AT);
        assertThat(erasure.erase(TENANT, "ER-R3")).isEqualTo(2);
        assertThat(text(callList)).doesNotContain("ER-R3").startsWith("\uFEFFreference,");
        assertThat(store.items(run)).extracting(RunItem::contactId).containsExactly("ER-R4");
    }
}
