package no.dialog.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import no.dialog.core.contact.Contact;
import no.dialog.core.observability.Metrics;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.Fixtures;
import no.dialog.core.testing.InMemoryContactStore;
import no.dialog.core.time.OsloTime;
import org.junit.jupiter.api.Test;

class ContactImporterTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), OsloTime.ZONE);
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final Map<String, byte[]> objects = new HashMap<>();
    private final Map<String, String> reports = new HashMap<>();
    private final Map<String, ImportProgress> checkpoints = new HashMap<>();
    private final List<ImportFile> continuations = new ArrayList<>();

    private final TenantDirectory tenants = new TenantDirectory() {
        @Override public Optional<Tenant> find(TenantId id) {
            return id.equals(DEMO) ? Optional.of(new Tenant(DEMO, "Demo", clock.instant())) : Optional.empty();
        }
        @Override public boolean createIfAbsent(Tenant tenant) { return false; }
        @Override public java.util.List<TenantId> all() { return java.util.List.of(DEMO); }
    };
    private final ImportFiles files = new ImportFiles() {
        @Override public InputStream openFrom(ImportFile file, long offset) {
            byte[] all = objects.get(file.key());
            return new ByteArrayInputStream(all, (int) offset, all.length - (int) offset);
        }
        @Override public void writeReport(ImportFile file, String json) { reports.put(file.reportKey(), json); }
    };
    private final ImportProgressStore progressStore = new ImportProgressStore() {
        @Override public Optional<ImportProgress> load(String id) { return Optional.ofNullable(checkpoints.get(id)); }
        @Override public boolean save(ImportProgress p) { checkpoints.put(p.importId(), p); return true; }
    };
    private final ContactImporter importer = new ContactImporter(contacts, tenants, files, progressStore,
            continuations::add, Metrics.NONE, clock);

    private ImportFile upload(String key, String content, String sequencer) {
        objects.put(key, content.getBytes(StandardCharsets.UTF_8));
        return new ImportFile("imports", key, "etag-" + content.hashCode(), sequencer);
    }

    private JsonNode report(ImportFile file) throws Exception {
        return new ObjectMapper().readTree(reports.get(file.reportKey()));
    }

    @Test
    void importsGoodRowsAndReportsBadOnesWithLineAndReason() throws Exception {
        ImportFile file = upload("demo/contacts/bad.ndjson", Fixtures.read("sync/contacts-with-bad-rows.ndjson"), "1");

        assertThat(importer.run(file, () -> 300_000)).isEqualTo(ContactImporter.Step.COMPLETED);

        assertThat(contacts.count(DEMO)).isEqualTo(2);
        assertThat(contacts.find(DEMO, "M-200007")).isPresent();
        JsonNode report = report(file);
        assertThat(report.get("status").asText()).isEqualTo("completed");
        assertThat(report.get("lines").asLong()).isEqualTo(7);
        assertThat(report.get("created").asLong()).isEqualTo(2);
        assertThat(report.get("rejected").asLong()).isEqualTo(5);
        List<String> lineAndField = new ArrayList<>();
        report.get("errors").forEach(e -> lineAndField.add(e.get("line").asLong() + ":" + e.get("field").asText()));
        assertThat(lineAndField).containsExactly(
                "2:phone", "3:address.postcode", "4:id", "5:shoeSize", "5:memberships[0].status", "6:");
    }

    @Test
    void reimportingTheSameFileChangesNothing() throws Exception {
        String content = Fixtures.read("sync/contacts.ndjson");
        importer.run(upload("demo/contacts/a.ndjson", content, "1"), () -> 300_000);
        Contact before = contacts.find(DEMO, "M-100001").orElseThrow();

        ImportFile again = upload("demo/contacts/a.ndjson", content, "2");
        importer.run(again, () -> 300_000);

        JsonNode report = report(again);
        assertThat(report.get("created").asLong()).isZero();
        assertThat(report.get("updated").asLong()).isZero();
        assertThat(report.get("unchanged").asLong()).isEqualTo(3);
        assertThat(contacts.find(DEMO, "M-100001")).contains(before);
    }

    @Test
    void aRedeliveredNotificationOfAFinishedImportDoesNothing() {
        ImportFile file = upload("demo/contacts/a.ndjson", Fixtures.read("sync/contacts.ndjson"), "1");
        importer.run(file, () -> 300_000);
        int callsBefore = contacts.bulkCalls;

        assertThat(importer.run(file, () -> 300_000)).isEqualTo(ContactImporter.Step.ALREADY_DONE);
        assertThat(contacts.bulkCalls).isEqualTo(callsBefore);
    }

    @Test
    void olderRowsNeverReplaceNewerData() {
        importer.run(upload("demo/contacts/new.ndjson",
                "{\"id\":\"M-1\",\"updatedAt\":\"2026-11-20T00:00:00Z\",\"firstName\":\"New\"}\n", "1"), () -> 300_000);
        importer.run(upload("demo/contacts/old.ndjson",
                "{\"id\":\"M-1\",\"updatedAt\":\"2026-11-01T00:00:00Z\",\"firstName\":\"Old\"}\n", "2"), () -> 300_000);

        assertThat(contacts.find(DEMO, "M-1").orElseThrow().firstName()).isEqualTo("New");
    }

    @Test
    void aLargeFileContinuesInANewInvocationFromItsCheckpointWhenTimeRunsOut() {
        StringBuilder content = new StringBuilder();
        int rows = ContactImporter.CHUNK_ROWS * 2 + 10;
        for (int i = 0; i < rows; i++) {
            content.append("{\"id\":\"M-").append(i).append("\",\"updatedAt\":\"2026-11-20T00:00:00Z\"}\n");
        }
        ImportFile file = upload("demo/contacts/large.ndjson", content.toString(), "1");
        AtomicLong remaining = new AtomicLong(10_000); // less than the safety margin: one chunk per invocation

        assertThat(importer.run(file, remaining::get)).isEqualTo(ContactImporter.Step.CONTINUES_LATER);
        assertThat(continuations).containsExactly(file);
        assertThat(contacts.count(DEMO)).isEqualTo(ContactImporter.CHUNK_ROWS);
        long offsetAfterFirstChunk = checkpoints.get(file.importId()).offset();
        assertThat(offsetAfterFirstChunk).isPositive();

        assertThat(importer.run(file, remaining::get)).isEqualTo(ContactImporter.Step.CONTINUES_LATER);
        assertThat(importer.run(file, remaining::get)).isEqualTo(ContactImporter.Step.COMPLETED);

        assertThat(contacts.count(DEMO)).isEqualTo(rows);
        assertThat(checkpoints.get(file.importId()).lines()).isEqualTo(rows);
        assertThat(checkpoints.get(file.importId()).created())
                .as("no row was written twice as new: each invocation resumed at the checkpoint").isEqualTo(rows);
    }

    @Test
    void aCrashAfterACheckpointResumesThereAndCountsEveryRowOnce() {
        StringBuilder content = new StringBuilder();
        int rows = ContactImporter.CHUNK_ROWS + 5;
        for (int i = 0; i < rows; i++) {
            content.append("{\"id\":\"M-").append(i).append("\",\"updatedAt\":\"2026-11-20T00:00:00Z\"}\n");
        }
        ImportFile file = upload("demo/contacts/crash.ndjson", content.toString(), "1");
        ImportFiles failingOnSecondChunk = new ImportFiles() {
            @Override public InputStream openFrom(ImportFile f, long offset) throws java.io.IOException {
                InputStream real = files.openFrom(f, offset);
                return offset == 0 ? new InputStream() {
                    int read;
                    @Override public int read() throws java.io.IOException {
                        if (++read > content.indexOf("M-" + ContactImporter.CHUNK_ROWS + "\"")) {
                            throw new java.io.IOException("connection reset");
                        }
                        return real.read();
                    }
                } : real;
            }
            @Override public void writeReport(ImportFile f, String json) { files.writeReport(f, json); }
        };
        ContactImporter crashing = new ContactImporter(contacts, tenants, failingOnSecondChunk, progressStore,
                continuations::add, Metrics.NONE, clock);

        try {
            crashing.run(file, () -> 300_000);
        } catch (RuntimeException expected) {
            // the SQS message is redelivered; the next invocation resumes
        }
        assertThat(checkpoints.get(file.importId()).lines()).isEqualTo(ContactImporter.CHUNK_ROWS);

        assertThat(crashing.run(file, () -> 300_000)).isEqualTo(ContactImporter.Step.COMPLETED);
        assertThat(contacts.count(DEMO)).isEqualTo(rows);
        assertThat(checkpoints.get(file.importId()).created()).isEqualTo(rows);
    }

    @Test
    void aFileOfAnUnknownTenantIsRejectedWholeWithAReport() throws Exception {
        ImportFile file = upload("other/contacts/a.ndjson", Fixtures.read("sync/contacts.ndjson"), "1");

        assertThat(importer.run(file, () -> 300_000)).isEqualTo(ContactImporter.Step.REJECTED);
        assertThat(report(file).get("status").asText()).isEqualTo("rejected");
        assertThat(report(file).get("reason").asText()).isEqualTo("no such tenant");
        assertThat(contacts.count(TenantId.of("other"))).isZero();
    }

    @Test
    void theLaterOfTwoRowsForOnePersonWinsWithinAFile() {
        importer.run(upload("demo/contacts/twice.ndjson", """
                {"id":"M-7","updatedAt":"2026-11-20T00:00:00Z","firstName":"Later"}
                {"id":"M-7","updatedAt":"2026-11-10T00:00:00Z","firstName":"Earlier"}
                """, "1"), () -> 300_000);
        assertThat(contacts.find(DEMO, "M-7").orElseThrow().firstName()).isEqualTo("Later");
    }
}
