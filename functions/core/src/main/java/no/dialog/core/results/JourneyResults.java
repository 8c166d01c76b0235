package no.dialog.core.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.dialog.core.enrolment.EnrolmentStore.ResultCount;
import no.dialog.core.enrolment.ResultKey;
import no.dialog.core.journey.ResultCounter;

/**
 * A journey's result counters as the admin UI shows them: per version, one row per step and variant
 * with every counter (zero when nothing was counted), the version's totals, and its goal conversion
 * rate (goal reached / enrolled). Counts that belong to no step (enrolments) are a row with
 * {@code stepId} and {@code variant} null. Each happening is counted in exactly one row, so a total is
 * the sum of its rows; the same holds across versions for the journey's totals.
 */
public final class JourneyResults {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int RATE_DECIMALS = 4;
    private static final Comparator<Row> ROW_ORDER = Comparator
            .comparing(Row::stepId, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Row::variant, Comparator.nullsFirst(Comparator.<String>naturalOrder()));

    private record Row(String stepId, String variant) {}

    private JourneyResults() {}

    public static ObjectNode of(String journeyId, List<ResultCount> counts) {
        Map<Integer, Map<Row, long[]>> byVersion = new TreeMap<>();
        for (ResultCount count : counts) {
            ResultKey key = count.key();
            byVersion.computeIfAbsent(key.version(), v -> new TreeMap<>(ROW_ORDER))
                    .computeIfAbsent(new Row(key.stepId(), key.variant()), r -> new long[ResultCounter.values().length])
                    [key.counter().ordinal()] += count.count();
        }
        ObjectNode node = MAPPER.createObjectNode().put("journeyId", journeyId);
        long[] journeyTotals = new long[ResultCounter.values().length];
        ArrayNode versions = node.putArray("versions");
        byVersion.forEach((version, rows) -> {
            long[] totals = new long[ResultCounter.values().length];
            ObjectNode entry = versions.addObject().put("version", version);
            ArrayNode steps = entry.putArray("steps");
            rows.forEach((row, values) -> {
                ObjectNode step = steps.addObject();
                // put(String, String) writes a JSON null for a null value: journey-wide rows show as such.
                step.put("stepId", row.stepId());
                step.put("variant", row.variant());
                counters(step, values);
                add(totals, values);
            });
            counters(entry.putObject("totals"), totals);
            rate(entry, totals);
            add(journeyTotals, totals);
        });
        counters(node.putObject("totals"), journeyTotals);
        rate(node, journeyTotals);
        return node;
    }

    /** JSON names of the counters: {@code NOT_SENDABLE} → {@code notSendable}. */
    public static String jsonName(ResultCounter counter) {
        String[] words = counter.name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    private static void counters(ObjectNode node, long[] values) {
        for (ResultCounter counter : ResultCounter.values()) {
            node.put(jsonName(counter), values[counter.ordinal()]);
        }
    }

    /** Null while nobody has enrolled: a rate of nothing is not zero. */
    private static void rate(ObjectNode node, long[] totals) {
        long enrolled = totals[ResultCounter.ENROLLED.ordinal()];
        if (enrolled == 0) {
            node.putNull("goalConversionRate");
            return;
        }
        node.put("goalConversionRate", BigDecimal.valueOf(totals[ResultCounter.GOAL_REACHED.ordinal()])
                .divide(BigDecimal.valueOf(enrolled), RATE_DECIMALS, RoundingMode.HALF_UP));
    }

    private static void add(long[] into, long[] values) {
        for (int i = 0; i < values.length; i++) {
            into[i] += values[i];
        }
    }
}
