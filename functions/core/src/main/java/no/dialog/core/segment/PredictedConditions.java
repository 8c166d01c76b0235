package no.dialog.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import no.dialog.core.contact.Channel;
import no.dialog.core.predicted.ModelKind;
import no.dialog.core.predicted.Prediction;
import no.dialog.core.predicted.PredictionTable;

/**
 * The rules of predicted conditions ({@code predicted.*}, ADR 0037): what a condition asks of a person's
 * {@link Prediction}. A condition is compiled once into a {@link Test} that judges a {@link Prediction}
 * (one contact at a time) and a {@link PredictionTable} row (the snapshot's column path) by the same
 * primitive value, so the two evaluators cannot disagree.
 *
 * <p>The semantics are those of any number or enum field: a person without a value (not scored, or the
 * model is not published) matches only {@code notExists}; {@code notEquals} needs a value. Probabilities
 * are compared exactly, as the number they are (the float the table holds), with the condition's decimal.
 * <pre>{@code
 * PredictedConditions.Test top = PredictedConditions.compile(condition); // predicted.dropoutRiskDecile > 7
 * top.matches(history.predicted());
 * top.matches(table, row);
 * }</pre>
 */
public final class PredictedConditions {

    private static final Channel[] CHANNELS = Channel.values();

    private PredictedConditions() {}

    /** A compiled predicted condition. */
    public interface Test {
        boolean matches(Prediction prediction);

        boolean matches(PredictionTable table, int row);
    }

    /** Whether the prediction matches a (parsed, valid) predicted condition. */
    public static boolean matches(Criterion.Condition condition, Prediction prediction) {
        return compile(condition).matches(prediction);
    }

    /** Compiles a (parsed, valid) predicted condition. */
    public static Test compile(Criterion.Condition condition) {
        String name = condition.field().substring(SegmentFields.PREDICTED_PREFIX.length());
        Operator op = condition.op();
        JsonNode expected = condition.value();
        if (condition.field().equals(SegmentFields.BEST_CHANNEL)) {
            return channel(op, expected);
        }
        if (condition.field().equals(SegmentFields.BEST_HOUR)) {
            return hour(op, expected);
        }
        if (name.endsWith(SegmentFields.DECILE_SUFFIX)) {
            ModelKind kind = ModelKind.fromField(name.substring(0, name.length() - SegmentFields.DECILE_SUFFIX.length()))
                    .orElseThrow(() -> new IllegalArgumentException("not a predicted field"));
            return decile(kind, op, expected);
        }
        ModelKind kind = ModelKind.fromField(name).orElseThrow(() -> new IllegalArgumentException("not a predicted field"));
        return probability(kind, op, expected);
    }

    /** Small whole numbers (deciles, hours): each possible value decided once, as any number field decides it. */
    private static boolean[] smallNumbers(int max, Operator op, JsonNode expected) {
        boolean[] match = new boolean[max + 1];
        for (int v = 0; v <= max; v++) {
            match[v] = op == Operator.EXISTS
                    || op != Operator.NOT_EXISTS && SegmentEvaluator.matchesValue(FieldType.NUMBER, op, (long) v, expected, null);
        }
        return match;
    }

    private static Test decile(ModelKind kind, Operator op, JsonNode expected) {
        boolean[] match = smallNumbers(10, op, expected);
        boolean absent = op == Operator.NOT_EXISTS;
        return new Test() {
            @Override
            public boolean matches(Prediction prediction) {
                return prediction.score(kind).map(s -> match[s.decile()]).orElse(absent);
            }

            @Override
            public boolean matches(PredictionTable table, int row) {
                int decile = table.decile(kind, row);
                return decile == 0 ? absent : match[decile];
            }
        };
    }

    private static Test hour(Operator op, JsonNode expected) {
        boolean[] match = smallNumbers(23, op, expected);
        boolean absent = op == Operator.NOT_EXISTS;
        return new Test() {
            @Override
            public boolean matches(Prediction prediction) {
                return prediction.bestHour().map(h -> match[h]).orElse(absent);
            }

            @Override
            public boolean matches(PredictionTable table, int row) {
                int hour = table.bestHour(row);
                return hour < 0 ? absent : match[hour];
            }
        };
    }

    private static Test channel(Operator op, JsonNode expected) {
        boolean[] match = new boolean[CHANNELS.length];
        for (Channel channel : CHANNELS) {
            match[channel.ordinal()] = op == Operator.EXISTS || op != Operator.NOT_EXISTS
                    && SegmentEvaluator.matchesValue(FieldType.ENUM, op, channel.jsonName(), expected, null);
        }
        boolean absent = op == Operator.NOT_EXISTS;
        return new Test() {
            @Override
            public boolean matches(Prediction prediction) {
                return prediction.bestChannel().map(c -> match[c.ordinal()]).orElse(absent);
            }

            @Override
            public boolean matches(PredictionTable table, int row) {
                Channel channel = table.bestChannel(row);
                return channel == null ? absent : match[channel.ordinal()];
            }
        };
    }

    private static Test probability(ModelKind kind, Operator op, JsonNode expected) {
        ProbabilityTest test = probabilityTest(op, expected);
        boolean absent = op == Operator.NOT_EXISTS;
        return new Test() {
            @Override
            public boolean matches(Prediction prediction) {
                return prediction.score(kind).map(s -> test.matches(s.probability())).orElse(absent);
            }

            @Override
            public boolean matches(PredictionTable table, int row) {
                double p = table.probability(kind, row);
                return Double.isNaN(p) ? absent : test.matches(p);
            }
        };
    }

    private interface ProbabilityTest {
        boolean matches(double probability);
    }

    private static ProbabilityTest probabilityTest(Operator op, JsonNode expected) {
        return switch (op) {
            case EXISTS -> p -> true;
            case NOT_EXISTS -> p -> false;
            case EQUALS -> {
                Threshold t = Threshold.of(expected);
                yield p -> t.compare(p) == 0;
            }
            case NOT_EQUALS -> {
                Threshold t = Threshold.of(expected);
                yield p -> t.compare(p) != 0;
            }
            case IN -> {
                List<Threshold> ts = ConditionValues.elements(expected).stream().map(Threshold::of).toList();
                yield p -> ts.stream().anyMatch(t -> t.compare(p) == 0);
            }
            case LESS_THAN -> {
                Threshold t = Threshold.of(expected);
                yield p -> t.compare(p) < 0;
            }
            case GREATER_THAN -> {
                Threshold t = Threshold.of(expected);
                yield p -> t.compare(p) > 0;
            }
            case BETWEEN -> {
                Threshold lo = Threshold.of(expected.get(0));
                Threshold hi = Threshold.of(expected.get(1));
                yield p -> lo.compare(p) >= 0 && hi.compare(p) <= 0;
            }
            default -> throw new IllegalArgumentException("operator " + op.jsonName() + " does not fit this field");
        };
    }

    /**
     * A condition's decimal, compared exactly with doubles at the cost of one double comparison: the double
     * nearest the decimal splits the doubles, and only that one double needs the exact (BigDecimal) answer.
     * A double below the nearest one is below the decimal too, because the decimal lies at least halfway
     * between the nearest double and the one below it.
     */
    record Threshold(double nearest, int signAtNearest) {
        static Threshold of(JsonNode value) {
            BigDecimal decimal = ConditionValues.number(value);
            double nearest = decimal.doubleValue();
            int sign = Double.isInfinite(nearest) ? 0 : new BigDecimal(nearest).compareTo(decimal);
            return new Threshold(nearest, sign);
        }

        /** The sign of {@code actual − decimal}. */
        int compare(double actual) {
            return actual < nearest ? -1 : actual > nearest ? 1 : signAtNearest;
        }
    }
}
