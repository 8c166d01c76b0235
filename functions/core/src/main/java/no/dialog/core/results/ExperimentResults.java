package no.dialog.core.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import no.dialog.core.enrolment.EnrolmentStore.ResultCount;
import no.dialog.core.experiment.ArmReport;
import no.dialog.core.experiment.ArmTotals;
import no.dialog.core.experiment.ExperimentAnalysis;
import no.dialog.core.experiment.ExperimentMetric;
import no.dialog.core.experiment.ExperimentReport;
import no.dialog.core.experiment.ExperimentSpec;
import no.dialog.core.experiment.Guardrail;
import no.dialog.core.experiment.Interval;
import no.dialog.core.experiment.IntervalPoint;
import no.dialog.core.journey.Experiment;
import no.dialog.core.journey.JourneyDefinition;
import no.dialog.core.journey.ResultCounter;

/**
 * A version's experiment as results show it: per arm (variants or split paths, and the holdout) the people,
 * conversions, rate, revenue per person and the lift over the control with its always-valid interval, the
 * decision (ADR 0030), the declared winner, and each treatment's interval per day (cumulative), so the console can
 * draw it narrowing. Built from the engine's {@code ARM_*} counters (ADR 0031); an arm's cost is its variant's
 * cost in the results (0 for the holdout and for split paths, which have no cost of their own).
 */
public final class ExperimentResults {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One arm's counters on one day. */
    private static final class Day {
        long n;
        long conversions;
        long revenueOre;
        long revenueSqKr;
        long optedOut;

        void add(Day other) {
            n += other.n;
            conversions += other.conversions;
            revenueOre += other.revenueOre;
            revenueSqKr += other.revenueSqKr;
            optedOut += other.optedOut;
        }
    }

    private ExperimentResults() {}

    /**
     * The version's experiment, or null when its definition has none.
     *
     * @param counts      the journey's counters (every version; only this version's arm counters are read)
     * @param costByArm   what each arm's sends cost, in øre (arms left out cost nothing)
     * @param winner      the declared winner of the version, or null
     */
    public static ObjectNode of(JourneyDefinition definition, int version, List<ResultCount> counts,
                                Map<String, Long> costByArm, String winner) {
        Experiment experiment = definition.experiment();
        if (experiment == null) {
            return null;
        }
        List<String> arms = experiment.arms(definition);
        Map<String, TreeMap<LocalDate, Day>> byArm = new LinkedHashMap<>();
        arms.forEach(arm -> byArm.put(arm, new TreeMap<>()));
        Set<LocalDate> days = new TreeSet<>();
        for (ResultCount count : counts) {
            if (count.key().version() != version || !experiment.stepId().equals(count.key().stepId())
                    || !byArm.containsKey(count.key().variant()) || count.day() == null) {
                continue;
            }
            Day day = byArm.get(count.key().variant()).computeIfAbsent(count.day(), d -> new Day());
            switch (count.key().counter()) {
                case ARM_ENTERED -> day.n += count.count();
                case ARM_CONVERTED -> day.conversions += count.count();
                case ARM_REVENUE_ORE -> day.revenueOre += count.count();
                case ARM_REVENUE_SQ_KR -> day.revenueSqKr += count.count();
                case ARM_OPTED_OUT -> day.optedOut += count.count();
                default -> {
                    continue;
                }
            }
            days.add(count.day());
        }
        ExperimentSpec spec = spec(experiment, definition);
        ObjectNode node = MAPPER.createObjectNode();
        node.put("step", experiment.stepId());
        node.put("metric", experiment.metric().jsonName());
        node.put("control", spec.control());
        node.put("winner", winner);
        List<List<ArmTotals>> cumulative = new ArrayList<>();
        Map<String, Day> running = new LinkedHashMap<>();
        arms.forEach(arm -> running.put(arm, new Day()));
        try {
            for (LocalDate day : days) {
                List<ArmTotals> look = new ArrayList<>();
                for (String arm : arms) {
                    Day today = byArm.get(arm).get(day);
                    if (today != null) {
                        running.get(arm).add(today);
                    }
                    look.add(totals(arm, running.get(arm), 0));
                }
                cumulative.add(look);
            }
            List<ArmTotals> now = new ArrayList<>();
            for (String arm : arms) {
                now.add(totals(arm, running.get(arm), costByArm.getOrDefault(arm, 0L)));
            }
            ExperimentReport report = ExperimentAnalysis.analyse(spec, now);
            node.put("decision", report.decisionText());
            node.put("recommended", report.winner());
            arms(node.putArray("arms"), report);
            history(node.putArray("history"), ExperimentAnalysis.history(spec, cumulative), new ArrayList<>(days));
        } catch (IllegalArgumentException e) {
            // Counters that cannot belong to one arm's people (a bug, or a counter lost in a crash): say so, decide nothing.
            node.put("decision", "keep collecting");
            node.putNull("recommended");
            node.putArray("arms");
            node.putArray("history");
            node.put("problem", e.getMessage());
        }
        return node;
    }

    private static ArmTotals totals(String arm, Day day, long costOre) {
        return new ArmTotals(arm, day.n, Math.min(day.conversions, day.n), day.n == 0 ? 0 : day.revenueOre,
                day.n == 0 ? 0 : day.revenueSqKr, Math.min(day.optedOut, day.n), day.n == 0 ? 0 : costOre);
    }

    private static ExperimentSpec spec(Experiment experiment, JourneyDefinition definition) {
        ExperimentMetric metric = ExperimentMetric.fromJson(experiment.metric().jsonName());
        Set<Guardrail> guardrails = EnumSet.noneOf(Guardrail.class);
        experiment.guardrails().forEach(g -> guardrails.add(Guardrail.fromJson(g.jsonName())));
        return new ExperimentSpec(experiment.control(definition), metric, guardrails);
    }

    private static void arms(ArrayNode into, ExperimentReport report) {
        for (ArmReport arm : report.arms()) {
            ObjectNode node = into.addObject().put("arm", arm.arm()).put("n", arm.n())
                    .put("conversions", arm.conversions());
            number(node, "rate", arm.n() == 0 ? Double.NaN : arm.rate());
            number(node, "revenuePerPersonOre", arm.n() == 0 ? Double.NaN : arm.revenuePerPersonOre());
            if (arm.lift() == null) {
                node.putNull("lift");
            } else {
                ObjectNode lift = node.putObject("lift");
                interval(lift.putObject("absolute"), arm.lift().absolute());
                if (arm.lift().relative() == null) {
                    lift.putNull("relative");
                } else {
                    interval(lift.putObject("relative"), arm.lift().relative());
                }
            }
        }
    }

    private static void history(ArrayNode into, List<IntervalPoint> points, List<LocalDate> days) {
        for (IntervalPoint point : points) {
            if (point.day() < 0 || point.day() >= days.size()) {
                continue;
            }
            ObjectNode node = into.addObject().put("day", days.get(point.day()).toString()).put("arm", point.arm());
            interval(node, point.interval());
        }
    }

    private static void interval(ObjectNode node, Interval interval) {
        number(node, "estimate", interval.estimate());
        number(node, "low", interval.low());
        number(node, "high", interval.high());
    }

    /** A finite number rounded to 6 significant decimals; null for NaN and infinities (an open bound). */
    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, Math.round(value * 1e6) / 1e6);
        } else {
            node.putNull(name);
        }
    }
}
