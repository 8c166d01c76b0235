package no.dialog.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The closed-form half-width checked against two other readings of the same boundary: the mixture likelihood
 * ratio inverted numerically, and the one-sample asymptotic confidence sequence as Waudby-Smith et al. write it.
 */
class ConfidenceSequenceTest {

    @Test
    void theHalfWidthIsWhereTheMixtureLikelihoodRatioReachesOneOverAlpha() {
        for (long n : new long[] {1_000, 10_000, 123_456}) {
            for (double alpha : new double[] {0.05, 0.01, 0.05 / 3}) {
                double varianceA = 0.09;
                double varianceB = 0.1056;
                double half = ConfidenceSequence.differenceHalfWidth(varianceA, n, varianceB, n + 17, alpha);

                double v = varianceA / n + varianceB / (n + 17);
                double tau2 = ConfidenceSequence.rhoSquared(alpha) * (varianceA + varianceB);
                double found = bisect(d -> mixtureRatio(d, v, tau2) - 1 / alpha, 0, 1);

                assertThat(half).as("n " + n + ", alpha " + alpha).isCloseTo(found, within(1e-9));
            }
        }
    }

    @Test
    void withOneArmItIsTheAsymptoticConfidenceSequenceOfWaudbySmithEtAl() {
        double alpha = 0.05;
        double rho2 = ConfidenceSequence.rhoSquared(alpha);
        for (long t : new long[] {1_000, 10_000, 1_000_000}) {
            double variance = 8_769.0;
            double expected = Math.sqrt(variance)
                    * Math.sqrt(2 * (t * rho2 + 1) / (t * (double) t * rho2) * Math.log(Math.sqrt(t * rho2 + 1) / alpha));

            assertThat(ConfidenceSequence.meanHalfWidth(variance, t, alpha)).isCloseTo(expected, within(expected * 1e-12));
        }
    }

    @Test
    void itIsWiderThanAFixedTimeIntervalAndNarrowsAsPeopleArrive() {
        double previous = Double.POSITIVE_INFINITY;
        for (long n = 1_000; n <= 100_000; n += 1_000) {
            double half = ConfidenceSequence.meanHalfWidth(0.09, n, 0.05);
            assertThat(half).isLessThan(previous).isGreaterThan(1.96 * Math.sqrt(0.09 / n));
            previous = half;
        }
        assertThat(ConfidenceSequence.meanHalfWidth(0, 1_000, 0.05)).as("no spread, no width").isZero();
    }

    private static double mixtureRatio(double difference, double v, double tau2) {
        return Math.sqrt(v / (v + tau2)) * Math.exp(tau2 * difference * difference / (2 * v * (v + tau2)));
    }

    private static double bisect(java.util.function.DoubleUnaryOperator f, double low, double high) {
        for (int i = 0; i < 200; i++) {
            double middle = (low + high) / 2;
            if (f.applyAsDouble(middle) < 0) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }
}
