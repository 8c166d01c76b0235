package no.dialog.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A seconds-long run of {@code infra/bench/run landing}, so the benchmark keeps working: the static response,
 * {@code GET} and {@code POST /p/{token}} through the local gateway, the load from {@code wrk} in its own process,
 * two seconds each at concurrency 1 and 4 over 50 links (the full run: ten seconds at 1, 4, 16 and 32 over 400),
 * after a one-second warm-up per route. Every request is answered with a 2xx (none refused, none without an
 * answer, as wrk's script counts them), no answer ends in a dead-letter queue, the table is printed, and so is
 * what a GET and a POST cost: the landing function's own CPU, DynamoDB capacity, the API Gateway request and the
 * projected AWS cost. Timings are not checked.
 *
 * <p>Needs {@code wrk} ({@code apt-get install -y wrk}; {@code .ci/run} installs it, and so does the benchmark
 * when it runs as root); skipped where it is absent and cannot be installed, but on CI ({@code CI} set).
 */
class LandingBenchmarkSmokeTest {

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyRequestAtTwoLevelsIsAnsweredWithATwoHundredAndItsCostIsPrinted() throws Exception {
        assumeTrue(Wrk.installed() || Wrk.isRoot() || System.getenv("CI") != null,
                "wrk is not installed: the landing benchmark's smoke run is skipped (apt-get install -y wrk)");

        var printed = Printed.capture(() -> LandingBenchmark.run(2, 1, 50, 1, 4));
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

        String text = printed.text();
        assertThat(text)
                .containsPattern("route +conc +req/s +p50 ms +p99 ms +p99/static")
                .doesNotContain("non-2xx");
        for (String route : new String[] {"static", "GET", "POST"}) {
            for (int level : new int[] {1, 4}) {
                assertThat(text).containsPattern("(?m)^" + route + " +" + level
                        + " +\\d+ +\\d+\\.\\d\\d +\\d+\\.\\d\\d +\\d+\\.\\d$");
            }
        }

        assertThat(result.costs()).extracting(LandingBenchmark.Cost::route).containsExactly("GET", "POST");
        for (LandingBenchmark.Cost cost : result.costs()) {
            String which = cost.route() + ": ";
            assertThat(cost.cost().cpuMsPerUnit()).as(which + "the function's own CPU: " + why).isPositive();
            assertThat(cost.cost().functions()).as(which + why).containsKey("dialog-landing-local");
            assertThat(cost.cost().readUnitsPerUnit()).as(which + "DynamoDB reported capacity: " + why).isPositive();
            assertThat(cost.cost().httpApiRequests()).as(which + why).isEqualTo(cost.cost().units());
            assertThat(cost.cost().costPer100k()).as(which + why).containsKey("API Gateway");
            assertThat(cost.cost().costPer100kTotal()).as(which + why).isPositive();
        }
        // An answer writes: the link's answer and the contact's replica, at least one write unit.
        assertThat(result.costs().get(1).cost().writeUnitsPerUnit()).as(why).isGreaterThanOrEqualTo(1);
        assertThat(text)
                .containsPattern("own CPU per page view +\\d+\\.\\d{3} ms")
                .containsPattern("own CPU per answer +\\d+\\.\\d{3} ms")
                .containsPattern("API Gateway \\(HTTP API\\) requests per page view +1\\.000")
                .containsPattern("projected AWS cost per 100,000 page views +\\$\\d+\\.\\d{4} \\(.*API Gateway \\$")
                .containsPattern("projected AWS cost per 100,000 answers +\\$\\d+\\.\\d{4}")
                .containsPattern("hottest partition keys")
                .containsPattern("target GET ≥ 1,000 req/s: [\\d,]+ req/s, (met|NOT met)")
                .containsPattern("target the landing function's own CPU ≤ 0\\.5 ms per GET: \\d+\\.\\d{3} ms, (met|NOT met)")
                .containsPattern("target the landing function's own CPU ≤ 2\\.0 ms per POST: \\d+\\.\\d{3} ms, (met|NOT met)")
                .contains("dead-letter messages after the run: 0");
        assertThat(result.deadLetters()).as("answers given up on: " + why).isZero();
    }
}
