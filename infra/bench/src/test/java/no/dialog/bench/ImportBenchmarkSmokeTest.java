package no.dialog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A seconds-long run of {@code infra/bench/run import}, so the benchmark keeps working: 500 contacts (after a
 * warm-up of 50) through S3, SQS and the sync function into DynamoDB Local. Every contact arrives once, none is
 * refused, and the figures are printed. Timings are not checked.
 */
class ImportBenchmarkSmokeTest {

    private static final int CONTACTS = 500;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void fiveHundredContactsAreImportedOnceWithNoneRefused() throws Exception {
        var printed = Printed.capture(() -> ImportBenchmark.run(CONTACTS, false, Duration.ofMinutes(2)));
        ImportBenchmark.Result result = printed.result();
        String why = result + "\n" + printed.text();

        assertThat(result.ok()).as(why).isTrue();
        assertThat(result.status()).as(why).isEqualTo("completed");
        assertThat(result.rejected()).as("rows refused: " + why).isZero();
        assertThat(result.lines()).as("rows read (fewer: lost, more: read twice): " + why).isEqualTo(CONTACTS);
        assertThat(result.rowsReported()).as("rows in the report: " + why).isEqualTo(CONTACTS);
        assertThat(result.created() + result.updated() + result.unchanged()).as(why).isEqualTo(CONTACTS);
        assertThat(result.stored()).as("contacts in the table: " + why).isEqualTo(CONTACTS);
        assertThat(result.lost()).as(why).isZero();

        assertThat(printed.text())
                .containsPattern("contacts in file +500 ")
                .containsPattern("contacts stored +500\\b")
                .containsPattern("throughput +[\\d,]+ contacts/s")
                .containsPattern("peak heap, whole JVM +[\\d,]+ MiB")
                .containsPattern("DynamoDB Local alone +[\\d,]+ items/s")
                .containsPattern("pipeline / emulator +\\d+\\.\\d\\d")
                .containsPattern("emulator floor .* [\\d,]+ contacts/s → throughput \\d+\\.\\d\\d of the floor")
                .containsPattern("own CPU per contact +\\d+\\.\\d{3} ms")
                .containsPattern("DynamoDB capacity per contact +\\d+\\.\\d\\d WRU")
                .contains("hottest partition keys")
                .containsPattern("projected AWS cost per 100,000 contacts +\\$\\d+\\.\\d{4}")
                .doesNotContain("fewer contacts stored than generated");
        // The figures come from the run: the sync function wrote each contact, with CPU and DynamoDB writes.
        assertThat(result.cost().functions()).as(why).containsKey("dialog-sync-local");
        assertThat(result.cost().functions().get("dialog-sync-local").cpuNanos()).as(why).isPositive();
        assertThat(result.cost().writeUnitsPerUnit()).as(why).isGreaterThanOrEqualTo(1);
        assertThat(result.floorContactsPerSecond()).as(why).isPositive();
    }
}
