package no.dialog.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A seconds-long run of {@code infra/bench/run segments}, so the benchmark keeps working: 5,000 generated
 * contacts (the full run: 1,000,000), 2 measured runs per segment (the full run: 20), against PostgreSQL 15 on
 * loopback. For every segment the snapshot engine (in memory, end to end cold and warm) and PostgreSQL match the
 * same contacts, none missing and none extra, and the figures are printed. Timings are not checked.
 *
 * <p>Needs PostgreSQL 15's binaries ({@code apt-get install -y postgresql-15}); skipped where they are absent.
 */
class SegmentBenchmarkSmokeTest {

    private static final int CONTACTS = 5_000;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void fiveThousandContactsMatchTheSameIdsAsPostgresqlForEverySegment() throws Exception {
        assumeTrue(Files.isExecutable(LocalPostgres.BIN.resolve("initdb")), "PostgreSQL 15 is not installed at "
                + LocalPostgres.BIN + ": the segments benchmark's smoke run is skipped (apt-get install -y postgresql-15)");

        var printed = Printed.capture(() -> SegmentBenchmark.run(CONTACTS, 2));
        SegmentBenchmark.Result result = printed.result();
        String why = result + "\n" + printed.text();

        assertThat(result.segments()).extracting(SegmentBenchmark.SegmentMatches::segment)
                .containsExactlyElementsOf(BenchSegments.ALL.stream().map(BenchSegments::name).toList());
        for (SegmentBenchmark.SegmentMatches segment : result.segments()) {
            assertThat(segment.matches()).as(segment.segment() + " matches someone: " + why).isPositive();
            assertThat(segment.postgresMatches()).as(segment.segment() + ": " + why).isEqualTo(segment.matches());
            assertThat(segment.sameIds()).as(segment.segment() + ", the same ids as PostgreSQL: " + why).isTrue();
        }

        String text = printed.text();
        assertThat(text)
                .contains("segments benchmark: 5,000 contacts")
                .containsPattern("snapshot file, gzip +[\\d,]+ bytes")
                .containsPattern("PostgreSQL load +\\d+\\.\\d s")
                .contains("matches: the same ids as PostgreSQL for every segment")
                .containsPattern("engine runs, snapshot in memory +[\\d,]+ MiB")
                .containsPattern("engine with delta laid over +\\d")
                .containsPattern("merge into a new snapshot +\\d")
                .containsPattern("cold: [\\d.]+ evaluations/s; emulator floor .* [\\d.]+/s → \\d+\\.\\d\\d of the floor")
                .containsPattern("warm: [\\d.]+ evaluations/s; emulator floor .* [\\d.]+/s → \\d+\\.\\d\\d of the floor")
                .containsPattern("own CPU per evaluation +cold \\d+\\.\\d ms, warm \\d+\\.\\d ms")
                .containsPattern("projected AWS cost per 100,000 evaluations +cold \\$\\d+\\.\\d\\d, warm \\$\\d+\\.\\d\\d")
                .containsPattern("target engine < 100 ms \\(median\\) and heap < 512 MiB: +(met|NOT met)")
                .containsPattern("target end to end ≥ 2x faster than PostgreSQL: +cold (met|NOT met), warm (met|NOT met)");
        for (SegmentBenchmark.SegmentMatches segment : result.segments()) {
            assertThat(text).containsPattern("(?m)^  " + java.util.regex.Pattern.quote(segment.segment())
                    + " +" + String.format("%,d", segment.matches()) + " +\\d");
        }
    }
}
