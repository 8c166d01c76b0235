package no.dialog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A seconds-long run of {@code infra/bench/run coldstart}, so the benchmark keeps working: one round for two
 * functions (an HTTP one and an SQS one), each from its jar in a fresh JVM; both start and serve their
 * sample event, and the table shows their figures.
 */
class ColdStartBenchmarkSmokeTest {

    @Test
    void twoFunctionsStartFromTheirJarsAndServeTheirSampleEvents() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        boolean ok;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            ok = ColdStartBenchmark.run("1", "admin-api", "sync");
        } finally {
            System.setOut(original);
        }
        String table = printed.toString(StandardCharsets.UTF_8);
        original.print(table);
        assertThat(ok).as(table).isTrue();
        assertThat(table).containsPattern("(?m)^admin-api\\s+\\d+\\.\\d\\s+\\d+\\s+\\d+")
                .containsPattern("(?m)^sync\\s+\\d+\\.\\d\\s+\\d+\\s+\\d+");
    }
}
