package no.dialog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import no.dialog.core.predicted.ModelKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A seconds-long run of {@code infra/bench/run predictions} on 20,000 planted people, so the benchmark keeps
 * working: every model is trained and tested on people with a planted truth (none without), the dropout model
 * beats the RFM baseline and the oracle is ahead of it, and every figure is printed. Timings are not checked.
 */
class PredictionsBenchmarkSmokeTest {

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void everyModelIsTrainedTestedAndPrinted() throws Exception {
        var printed = Printed.capture(() -> PredictionsBenchmark.run(20_000));
        PredictionsBenchmark.Result result = printed.result();
        String why = printed.text();

        assertThat(result.models()).hasSize(ModelKind.values().length);
        for (PredictionsBenchmark.ModelFigures f : result.models()) {
            assertThat(f.mismatches()).as("test people without a planted truth, " + f.kind() + ": " + why).isZero();
            assertThat(f.kept()).as(why).isPositive();
            assertThat(f.evaluation().testSize()).as(why).isPositive();
            assertThat(f.evaluation().testPositives()).as(why).isPositive();
            assertThat(f.evaluation().auc()).as(why).isBetween(0.5, 1.0);
            assertThat(f.oracleAuc()).as(why).isBetween(0.5, 1.0);
            assertThat(f.evaluation().reliability()).as(why).hasSize(10);
            assertThat(f.trainingQuarterCalibrationError()).as(why).isBetween(0.0, 1.0);
        }
        PredictionsBenchmark.ModelFigures dropout = result.models().get(ModelKind.DROPOUT_RISK.ordinal());
        assertThat(dropout.evaluation().auc()).as(why).isGreaterThan(dropout.evaluation().baselineAuc());
        assertThat(dropout.oracleAuc()).as(why).isGreaterThan(dropout.evaluation().baselineAuc());
        assertThat(dropout.publication().published()).as(why).isTrue();
        assertThat(result.withScore()).as(why).isPositive();
        assertThat(result.withBestChannel()).as(why).isPositive();
        assertThat(result.withBestHour()).as(why).isPositive();

        assertThat(why)
                .contains("Predictions: 20,000 contacts")
                .containsPattern("dropoutRisk \\(Regular-giver dropout risk\\)\\n  training: [\\d,]+ eligible")
                .containsPattern("AUC 0\\.\\d{3}, oracle AUC 0\\.\\d{3}, ratio \\d\\.\\d{3} [✓✗] \\(≥ 0\\.95\\); RFM baseline AUC 0\\.\\d{3} [✓✗]")
                .containsPattern("    10  0\\.\\d{3} / 0\\.\\d{3} / [\\d,]+")
                .containsPattern("max calibration error 0\\.\\d{3} [✓✗] \\(≤ 0\\.05 per decile\\); on the training quarter \\(as of 2026-05-05, no drift\\) 0\\.\\d{3}")
                .containsPattern("Training of 20,000 contacts: \\d+\\.\\d s [✓✗] \\(≤ 600 s\\), heap peak [\\d,]+ MiB [✓✗]")
                .containsPattern("Scoring 20,000 contacts as of 2026-11-01 with \\d published models: \\d+\\.\\d s [✓✗]");
        for (ModelKind kind : ModelKind.values()) {
            assertThat(why).contains(kind.field() + " (" + kind.labelEn() + ")");
        }
    }
}
