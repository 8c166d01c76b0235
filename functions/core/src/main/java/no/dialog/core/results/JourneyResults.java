package no.dialog.core.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import no.dialog.core.enrolment.EnrolmentStore.ResultCount;
import no.dialog.core.enrolment.ResultKey;
import no.dialog.core.journey.ResultCounter;
import no.dialog.core.journey.SendChannel;

/**
 * A journey's results as the admin UI, the console and the weekly summary show them. Per version:
 * <ul>
 *   <li>{@code steps}: one row per step, variant and channel with every funnel counter (zero when nothing was
 *       counted) and its cost; counts that belong to no step (enrolments) are a row with {@code stepId},
 *       {@code variant} and {@code channel} null. Each happening is counted in exactly one row, so a total is the
 *       sum of its rows;</li>
 *   <li>{@code totals}, {@code goalConversionRate} (goal reached / enrolled), {@code failures} by class;</li>
 *   <li>{@code economics}: cost (from the {@link PriceList}), revenue (gifts and payments tied to the journey),
 *       ROI ((revenue − cost) / cost), cost per goal and revenue per person enrolled; the same per variant in
 *       {@code variants} (the A/B comparison of money);</li>
 *   <li>{@code funnel}: enrolled → queued → sent → delivered → answered → goal reached;</li>
 *   <li>{@code days}: the counters and cost per day (Europe/Oslo), oldest first.</li>
 * </ul>
 * The experiment counters ({@code ARM_*}) are not rows: {@link ExperimentResults} reads them into the version's
 * {@code experiment}. The same totals,
 * economics and funnel are given for the journey across versions.
 */
public final class JourneyResults {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int RATE_DECIMALS = 4;
    /** The counters rows show: every one but the experiment arms'. */
    static final Set<ResultCounter> FUNNEL_COUNTERS = funnelCounters();
    private static final List<ResultCounter> FUNNEL = List.of(ResultCounter.ENROLLED, ResultCounter.QUEUED,
            ResultCounter.SENT, ResultCounter.DELIVERED, ResultCounter.ANSWERED, ResultCounter.GOAL_REACHED);
    private static final Comparator<Row> ROW_ORDER = Comparator
            .comparing(Row::stepId, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Row::variant, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Row::channel, Comparator.nullsFirst(Comparator.<String>naturalOrder()));

    private record Row(String stepId, String variant, String channel) {}

    /** Counters of one row, version or day; {@code cost} in øre from the price list. */
    private static final class Sums {
        final long[] values = new long[ResultCounter.values().length];
        long cost;

        void add(Sums other) {
            for (int i = 0; i < values.length; i++) {
                values[i] += other.values[i];
            }
            cost += other.cost;
        }

        long get(ResultCounter counter) {
            return values[counter.ordinal()];
        }

        long revenue() {
            return revenueOre(get(ResultCounter.PAID_ORE), get(ResultCounter.GOAL_REVENUE_ORE));
        }
    }

    /**
     * The revenue results show: gifts and payments tied to the journey ({@code paidOre}), which include the goal's
     * own amount; that amount alone ({@code goalRevenueOre}) where nothing was counted as paid.
     */
    public static long revenueOre(long paidOre, long goalRevenueOre) {
        return Math.max(paidOre, goalRevenueOre);
    }

    private JourneyResults() {}

    /** Results without prices: every cost is zero. */
    public static ObjectNode of(String journeyId, List<ResultCount> counts) {
        return of(journeyId, counts, PriceList.NONE);
    }

    /** Results without experiments: each version's {@code experiment} is null. */
    public static ObjectNode of(String journeyId, List<ResultCount> counts, PriceList prices) {
        return of(journeyId, counts, prices, Versions.NONE);
    }

    /** What results need to know of a journey's versions beyond their counters: their experiment and winner. */
    public interface Versions {
        Versions NONE = version -> null;

        /** The version's definition, or null when unknown (then it shows no experiment). */
        no.dialog.core.journey.JourneyDefinition definition(int version);

        /** The arm declared the winner of the version's experiment, or null. */
        default String winner(int version) {
            return null;
        }
    }

    public static ObjectNode of(String journeyId, List<ResultCount> counts, PriceList prices, Versions known) {
        Map<Integer, Map<Row, Sums>> byVersion = new TreeMap<>();
        Map<Integer, Map<LocalDate, Sums>> daysByVersion = new TreeMap<>();
        for (ResultCount count : counts) {
            ResultKey key = count.key();
            Map<Row, Sums> rows = byVersion.computeIfAbsent(key.version(), v -> new TreeMap<>(ROW_ORDER));
            if (!FUNNEL_COUNTERS.contains(key.counter())) {
                // An experiment's counter: its version shows (with its experiment), but it is no row.
                continue;
            }
            Row row = new Row(key.stepId(), key.variant(), key.channel());
            rows.computeIfAbsent(row, r -> new Sums()).values[key.counter().ordinal()] += count.count();
            if (count.day() != null) {
                Sums day = daysByVersion.computeIfAbsent(key.version(), v -> new TreeMap<>())
                        .computeIfAbsent(count.day(), d -> new Sums());
                day.values[key.counter().ordinal()] += count.count();
                day.cost += cost(prices, key.channel(), key.counter(), count.count());
            }
        }
        ObjectNode node = MAPPER.createObjectNode().put("journeyId", journeyId).put("currency", "NOK");
        Sums journeyTotals = new Sums();
        Map<String, Sums> journeyVariants = new TreeMap<>();
        ArrayNode versions = node.putArray("versions");
        byVersion.forEach((version, rows) -> {
            Sums totals = new Sums();
            Map<String, Sums> variants = new TreeMap<>();
            ObjectNode entry = versions.addObject().put("version", version);
            ArrayNode steps = entry.putArray("steps");
            rows.forEach((row, sums) -> {
                sums.cost = rowCost(prices, row.channel(), sums);
                ObjectNode step = steps.addObject();
                // put(String, String) writes a JSON null for a null value: journey-wide rows show as such.
                step.put("stepId", row.stepId());
                step.put("variant", row.variant());
                step.put("channel", row.channel());
                counters(step, sums);
                totals.add(sums);
                if (row.variant() != null) {
                    variants.computeIfAbsent(row.variant(), v -> new Sums()).add(sums);
                }
            });
            summary(entry, totals);
            variants(entry, variants);
            ArrayNode days = entry.putArray("days");
            daysByVersion.getOrDefault(version, Map.of()).forEach((day, sums) -> {
                ObjectNode d = days.addObject().put("day", day.toString());
                counters(d, sums);
            });
            no.dialog.core.journey.JourneyDefinition definition = known.definition(version);
            Map<String, Long> costByArm = new TreeMap<>();
            variants.forEach((name, sums) -> costByArm.put(name, sums.cost));
            ObjectNode experiment = definition == null ? null
                    : ExperimentResults.of(definition, version, counts, costByArm, known.winner(version));
            if (experiment == null) {
                entry.putNull("experiment");
            } else {
                entry.set("experiment", experiment);
            }
            journeyTotals.add(totals);
            variants.forEach((name, sums) -> journeyVariants.computeIfAbsent(name, v -> new Sums()).add(sums));
        });
        summary(node, journeyTotals);
        return node;
    }

    private static void summary(ObjectNode node, Sums totals) {
        counters(node.putObject("totals"), totals);
        rate(node, totals);
        ObjectNode failures = node.putObject("failures");
        failures.put("noConsent", totals.get(ResultCounter.FAILED_NO_CONSENT));
        failures.put("unreachable", totals.get(ResultCounter.FAILED_UNREACHABLE));
        failures.put("optedOut", totals.get(ResultCounter.FAILED_OPTED_OUT));
        failures.put("providerRefused", totals.get(ResultCounter.FAILED_PROVIDER));
        failures.put("expired", totals.get(ResultCounter.FAILED_EXPIRED));
        economics(node.putObject("economics"), totals, true);
        ArrayNode funnel = node.putArray("funnel");
        for (ResultCounter stage : FUNNEL) {
            funnel.addObject().put("stage", jsonName(stage)).put("count", totals.get(stage));
        }
    }

    private static void variants(ObjectNode entry, Map<String, Sums> variants) {
        ArrayNode list = entry.putArray("variants");
        variants.forEach((name, sums) -> {
            ObjectNode variant = list.addObject().put("variant", name)
                    .put("goalReached", sums.get(ResultCounter.GOAL_REACHED));
            economics(variant, sums, false);
        });
    }

    /** Cost, revenue, ROI and cost per goal; revenue per person only where people enter (a version, a journey). */
    private static void economics(ObjectNode node, Sums sums, boolean perPerson) {
        long revenue = sums.revenue();
        node.put("costOre", sums.cost).put("revenueOre", revenue);
        if (sums.cost > 0) {
            node.put("roi", ratio(revenue - sums.cost, sums.cost));
        } else {
            node.putNull("roi");
        }
        long goals = sums.get(ResultCounter.GOAL_REACHED);
        if (goals > 0) {
            node.put("costPerGoalOre", ratio(sums.cost, goals));
        } else {
            node.putNull("costPerGoalOre");
        }
        if (perPerson) {
            long enrolled = sums.get(ResultCounter.ENROLLED);
            if (enrolled > 0) {
                node.put("revenuePerEnrolledOre", ratio(revenue, enrolled));
            } else {
                node.putNull("revenuePerEnrolledOre");
            }
        }
    }

    /** A row's cost: SMS by parts, the others by messages sent, at the row's channel's price. */
    private static long rowCost(PriceList prices, String channel, Sums sums) {
        return SendChannel.fromJsonName(channel).map(c -> prices.cost(c, sums.get(ResultCounter.SENT),
                sums.get(ResultCounter.SMS_PARTS))).orElse(0L);
    }

    /**
     * The cost one count adds, for the per-day sums (which mix rows): the price list prices SMS by parts and the
     * other channels by messages sent, so a count of the other kind costs nothing.
     */
    private static long cost(PriceList prices, String channel, ResultCounter counter, long count) {
        long sent = counter == ResultCounter.SENT ? count : 0;
        long parts = counter == ResultCounter.SMS_PARTS ? count : 0;
        return SendChannel.fromJsonName(channel).map(c -> prices.cost(c, sent, parts)).orElse(0L);
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

    private static void counters(ObjectNode node, Sums sums) {
        for (ResultCounter counter : FUNNEL_COUNTERS) {
            node.put(jsonName(counter), sums.get(counter));
        }
        node.put("costOre", sums.cost);
    }

    /** Null while nobody has enrolled: a rate of nothing is not zero. */
    private static void rate(ObjectNode node, Sums totals) {
        long enrolled = totals.get(ResultCounter.ENROLLED);
        if (enrolled == 0) {
            node.putNull("goalConversionRate");
            return;
        }
        node.put("goalConversionRate", ratio(totals.get(ResultCounter.GOAL_REACHED), enrolled));
    }

    private static BigDecimal ratio(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), RATE_DECIMALS, RoundingMode.HALF_UP);
    }

    private static Set<ResultCounter> funnelCounters() {
        Set<ResultCounter> counters = EnumSet.allOf(ResultCounter.class);
        counters.removeIf(counter -> counter.name().startsWith("ARM_"));
        return counters;
    }
}
