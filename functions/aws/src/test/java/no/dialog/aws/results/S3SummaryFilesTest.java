package no.dialog.aws.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import no.dialog.core.results.ResultsWeek;
import no.dialog.core.results.SummaryFiles.Format;
import no.dialog.core.results.SummaryFiles.StoredSummary;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Weekly summaries written to and listed from S3Proxy: each journey sees its own files only, newest week first. */
class S3SummaryFilesTest {

    private static final String BUCKET = "exports-" + UUID.randomUUID();
    private static final TenantId DEMO = TenantId.of("demo");
    private static final TenantId OTHER = TenantId.of("other");
    private static S3Client s3;

    @BeforeAll
    static void emulators() {
        s3 = SharedEmulators.get().s3();
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @Test
    void writesUnderTheTenantsPrefixAndListsOnlyThatJourneysSummaries() {
        S3SummaryFiles files = new S3SummaryFiles(s3, BUCKET);
        byte[] csv = "row,version\r\n".getBytes(StandardCharsets.UTF_8);
        files.put(DEMO, "welcome", new ResultsWeek(2026, 49), Format.CSV, csv);
        files.put(DEMO, "welcome", new ResultsWeek(2026, 50), Format.CSV, csv);
        files.put(DEMO, "welcome", new ResultsWeek(2026, 50), Format.PDF, "%PDF".getBytes(StandardCharsets.UTF_8));
        files.put(DEMO, "welcome-2", new ResultsWeek(2026, 50), Format.CSV, csv);
        files.put(OTHER, "welcome", new ResultsWeek(2026, 50), Format.CSV, csv);
        // Something else under the prefix is not a summary.
        s3.putObject(b -> b.bucket(BUCKET).key("results/demo/welcome/notes.txt"), RequestBody.fromString("x"));

        assertThat(files.list(DEMO, "welcome")).containsExactly(
                new StoredSummary(new ResultsWeek(2026, 50), Format.CSV, "results/demo/welcome/2026-W50.csv"),
                new StoredSummary(new ResultsWeek(2026, 50), Format.PDF, "results/demo/welcome/2026-W50.pdf"),
                new StoredSummary(new ResultsWeek(2026, 49), Format.CSV, "results/demo/welcome/2026-W49.csv"));
        assertThat(files.list(OTHER, "welcome")).extracting(StoredSummary::key)
                .containsExactly("results/other/welcome/2026-W50.csv");
        assertThat(files.list(OTHER, "nothing")).isEmpty();
        assertThat(s3.headObject(b -> b.bucket(BUCKET).key("results/demo/welcome/2026-W50.pdf")).contentType())
                .isEqualTo("application/pdf");
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("results/demo/welcome/2026-W49.csv")).asByteArray())
                .isEqualTo(csv);
    }
}
