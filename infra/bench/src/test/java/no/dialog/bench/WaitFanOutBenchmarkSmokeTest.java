package no.dialog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A seconds-long run of {@code infra/bench/run fanout}, so the benchmark keeps working: 200 enrolments whose wait
 * ends in the same minute, dispatched by the sweep, advanced through the SMS step to the exit. Every enrolment
 * exits, each queues its SMS once (none capped or not sendable), every SMS reaches the LINK sandbox once, and the
 * figures are printed. Timings are not checked.
 */
class WaitFanOutBenchmarkSmokeTest {

    private static final int ENROLMENTS = 200;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void twoHundredEnrolmentsAdvanceToTheExitAndEachSmsGoesOnce() throws Exception {
        var printed = Printed.capture(() -> WaitFanOutBenchmark.run(ENROLMENTS, Duration.ofMinutes(2), true));
        WaitFanOutBenchmark.Result result = printed.result();
        String why = result + "\n" + printed.text();

        assertThat(result.ok()).as(why).isTrue();
        assertThat(result.exited()).as("advanced to the exit: " + why).isEqualTo(ENROLMENTS);
        assertThat(result.lost()).as(why).isZero();
        assertThat(result.notSendable()).as("not sendable: " + why).isZero();
        assertThat(result.capped()).as("capped: " + why).isZero();
        assertThat(result.sendsQueued()).as("sends queued (more: queued twice): " + why).isEqualTo(ENROLMENTS);
        assertThat(result.smsDistinct()).as("SMS at the sandbox: " + why).isEqualTo(ENROLMENTS);
        assertThat(result.secondSends()).as("SMS sent twice: " + why).isZero();

        assertThat(printed.text())
                .contains("seeded 200 contacts and waiting enrolments")
                .containsPattern("enrolments due in the same minute +200\\b")
                .containsPattern("advanced to the exit +200 \\(sends queued: 200\\)")
                .containsPattern("time, clock advance → last exit +\\d+\\.\\d s")
                .containsPattern("throughput +[\\d,]+ enrolments/s")
                .containsPattern("emulator floor .* [\\d,]+ enrolments/s → throughput \\d+\\.\\d\\d of the floor")
                .containsPattern("own CPU per enrolment +\\d+\\.\\d{3} ms")
                .containsPattern("DynamoDB capacity per enrolment +\\d+\\.\\d\\d WRU")
                .contains("hottest partition keys")
                .containsPattern("projected AWS cost per 100,000 enrolments +\\$\\d+\\.\\d{4}")
                .doesNotContain("not every enrolment was advanced");
        // The figures come from the run: the journeys function advanced them, spending CPU and DynamoDB writes.
        assertThat(result.cost().functions()).as(why).containsKey("dialog-journeys-local");
        assertThat(result.cost().functions().get("dialog-journeys-local").cpuNanos()).as(why).isPositive();
        assertThat(result.cost().writeUnitsPerUnit()).as(why).isGreaterThanOrEqualTo(1);
        assertThat(result.floorEnrolmentsPerSecond()).as(why).isPositive();
    }
}
