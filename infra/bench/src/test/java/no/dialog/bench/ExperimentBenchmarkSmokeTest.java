package no.dialog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A seconds-long run of {@code infra/bench/run experiments}, so the benchmark keeps working: 200 simulated
 * experiments per scenario, 20 daily looks, 500 people a day per arm. The run is seeded, so the figures are the
 * same every time; checked are the promises and the ranges, not exact values: in every A/A scenario Dialog's
 * method names a winner in at most 5% of the experiments and less often than the fixed-horizon test peeked daily;
 * with a real lift it never names the wrong arm and finds the 20% conversion lift in most experiments; every figure
 * is printed. Timings are not checked.
 */
class ExperimentBenchmarkSmokeTest {

    private static final int EXPERIMENTS = 200;
    private static final int DAYS = 20;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void equalArmsRarelyNameAWinnerAndRealLiftsAreFound() throws Exception {
        var printed = Printed.capture(() -> ExperimentBenchmark.run(EXPERIMENTS, DAYS, 500));
        ExperimentBenchmark.Result result = printed.result();
        String why = result + "\n" + printed.text();

        assertThat(result.scenarios()).hasSize(6);
        for (ExperimentBenchmark.Figures f : result.scenarios()) {
            assertThat(f.experiments()).isEqualTo(EXPERIMENTS);
            for (double share : new double[] {f.dialogWinner(), f.foundB(), f.wrongWinner(), f.fixedPeeked(), f.fixedOnce(),
                    f.noDifference(), f.guardrailStops()}) {
                assertThat(share).as(why).isBetween(0.0, 1.0);
            }
            assertThat(f.guardrailStops()).as("false guardrail stops: " + why).isLessThanOrEqualTo(ExperimentBenchmark.ALPHA);
            if (f.scenario().lift() == 0) {
                assertThat(f.dialogWinner()).as("A/A winners, " + f.scenario().label() + ": " + why)
                        .isLessThanOrEqualTo(ExperimentBenchmark.ALPHA)
                        .isLessThan(f.fixedPeeked());
                assertThat(f.fixedPeeked()).as("peeking only adds chances: " + why).isGreaterThanOrEqualTo(f.fixedOnce());
            } else {
                assertThat(f.wrongWinner()).as("wrong winners, " + f.scenario().label() + ": " + why).isZero();
                assertThat(f.foundB()).as(why).isPositive();
                assertThat(f.medianDayFound()).as(why).isBetween(1.0, (double) DAYS);
                assertThat(f.fixedPeoplePerArm()).as(why).isPositive().isFinite();
                assertThat(f.averagePeople()).as(why).isBetween(500.0, 500.0 * DAYS);
                assertThat(f.averageRatio()).as(why).isPositive().isFinite();
            }
        }
        ExperimentBenchmark.Figures twentyPercent = result.scenarios().get(4);
        assertThat(twentyPercent.scenario().label()).contains("+20% goal conversion");
        assertThat(twentyPercent.foundB()).as("a 20% conversion lift in 20 days: " + why).isGreaterThan(0.8);
        assertThat(twentyPercent.day80()).as(why).isBetween(1.0, (double) DAYS);
        assertThat(twentyPercent.fixedPeople80()).as(why).isPositive().isLessThan(twentyPercent.fixedPeoplePerArm());

        assertThat(printed.text())
                .contains("Experiments: 200 per scenario, 20 daily looks, 500 people a day per arm")
                .containsPattern("A/A goal conversion[^\\n]*\\n  Dialog \\(always-valid\\), ever named a winner +\\d+\\.\\d% \\(\\d+ of 200\\)")
                .containsPattern("chi-squared +p < 0.05, peeked daily, ever +\\d+\\.\\d%")
                .containsPattern("Welch z +p < 0.05, peeked daily, ever +\\d+\\.\\d%")
                .containsPattern("once on day 20 +\\d+\\.\\d%")
                .containsPattern("no difference likely +\\d+\\.\\d%")
                .containsPattern("B \\+10% goal conversion[^\\n]*\\n  Dialog: found within 20 days +\\d+\\.\\d% \\(wrong winner 0\\.0%\\)")
                .containsPattern("B \\+20% revenue per person[^\\n]*\\n  Dialog: found within 20 days +\\d+\\.\\d%")
                .containsPattern("median day of decision +\\d+ of those found")
                .containsPattern("a fixed test of the same power \\(\\d+\\.\\d%\\) needs [\\d,]+ people per arm")
                .containsPattern("median at decision \\(found\\) +[\\d,]+ people per arm → ratio \\d+\\.\\d\\d")
                .containsPattern("average until decision or day 20 +[\\d,]+ people per arm → ratio \\d+\\.\\d\\d")
                .containsPattern("for 80% power: a fixed test needs [\\d,]+ people per arm; Dialog had found 80% by day \\d+ \\([\\d,]+\\) → ratio \\d+\\.\\d\\d")
                .containsPattern("took \\d+\\.\\d s");
    }
}
