package no.dialog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A seconds-long run of {@code infra/bench/run landing}, so the benchmark keeps working: the static response,
 * {@code GET} and {@code POST /p/{token}} through the local gateway, one second each at concurrency 1 and 4 over
 * 50 links (the full run: ten seconds at 1, 4, 16 and 32 over 400), after a one-second warm-up per route. Every
 * request is answered with a 2xx (none refused, none without an answer) and the table is printed. Timings are not
 * checked.
 */
class LandingBenchmarkSmokeTest {

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyRequestAtTwoLevelsIsAnsweredWithATwoHundred() throws Exception {
        var printed = Printed.capture(() -> LandingBenchmark.run(1, 1, 50, 1, 4));
        LandingBenchmark.Result result = printed.result();
        String why = result + "\n" + printed.text();

        assertThat(result.levels()).extracting(level -> level.route() + " " + level.concurrency())
                .containsExactly("static 1", "GET 1", "POST 1", "static 4", "GET 4", "POST 4");
        for (LandingBenchmark.Level level : result.levels()) {
            String which = level.route() + " at " + level.concurrency() + ": ";
            assertThat(level.requests()).as(which + "requests sent: " + why).isPositive();
            assertThat(level.refused()).as(which + "answered 3xx-5xx: " + why).isZero();
            assertThat(level.lost()).as(which + "no answer: " + why).isZero();
        }
        assertThat(result.ok()).as(why).isTrue();

        assertThat(printed.text())
                .containsPattern("route +conc +req/s +p50 ms +p99 ms +p99/static")
                .doesNotContain("non-2xx");
        for (String route : new String[] {"static", "GET", "POST"}) {
            for (int level : new int[] {1, 4}) {
                assertThat(printed.text()).containsPattern("(?m)^" + route + " +" + level
                        + " +\\d+ +\\d+\\.\\d\\d +\\d+\\.\\d\\d +\\d+\\.\\d$");
            }
        }
    }
}
