package no.dialog.core.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.dialog.core.contact.Problem;

/**
 * The A/B test a library journey suggests: which send step's variants (or which split) to compare, on what
 * primary metric, with which guardrails, how many people to hold out, and whether the winner should take over
 * by itself. It is advice kept beside the journey, not part of its definition: the experiment engine reads
 * this shape when staff switch the experiment on.
 *
 * @param step           a send step with at least two variants, or a split step
 * @param metric         {@code goal-conversion} or {@code revenue-per-person}
 * @param guardrails     some of {@code opt-out-rate}, {@code cost}
 * @param holdoutPercent the share of people who get nothing (0-50)
 */
public record SuggestedExperiment(String step, String metric, List<String> guardrails, int holdoutPercent,
                                  boolean autoWinner) {

    public static final Set<String> METRICS = Set.of("goal-conversion", "revenue-per-person");
    public static final Set<String> GUARDRAILS = Set.of("opt-out-rate", "cost");
    private static final Set<String> KEYS = Set.of("step", "metric", "guardrails", "holdoutPercent", "autoWinner");
    private static final int MOST_HELD_OUT = 50;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public SuggestedExperiment {
        guardrails = List.copyOf(guardrails);
    }

    /** The experiment in {@code node}, adding every problem to {@code problems} (then null). */
    static SuggestedExperiment read(JsonNode node, String path, List<Problem> problems) {
        if (node == null || !node.isObject()) {
            problems.add(new Problem(path, "must be an object"));
            return null;
        }
        int before = problems.size();
        node.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                problems.add(new Problem(path + "." + key, "unknown key"));
            }
        });
        String step = node.path("step").asText("");
        if (step.isBlank()) {
            problems.add(new Problem(path + ".step", "must name a send step with variants or a split"));
        }
        String metric = node.path("metric").asText("");
        if (!METRICS.contains(metric)) {
            problems.add(new Problem(path + ".metric", "must be goal-conversion or revenue-per-person"));
        }
        List<String> guardrails = new ArrayList<>();
        JsonNode list = node.get("guardrails");
        if (list == null || !list.isArray()) {
            problems.add(new Problem(path + ".guardrails", "must be an array"));
        } else {
            list.forEach(g -> {
                if (!GUARDRAILS.contains(g.asText()) || guardrails.contains(g.asText())) {
                    problems.add(new Problem(path + ".guardrails", "may hold opt-out-rate and cost, each once"));
                } else {
                    guardrails.add(g.asText());
                }
            });
        }
        JsonNode holdout = node.get("holdoutPercent");
        if (holdout == null || !holdout.isInt() || holdout.asInt() < 0 || holdout.asInt() > MOST_HELD_OUT) {
            problems.add(new Problem(path + ".holdoutPercent", "must be a whole number from 0 to " + MOST_HELD_OUT));
        }
        JsonNode auto = node.get("autoWinner");
        if (auto == null || !auto.isBoolean()) {
            problems.add(new Problem(path + ".autoWinner", "must be true or false"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new SuggestedExperiment(step, metric, guardrails, holdout.asInt(), auto.asBoolean());
    }

    public ObjectNode toJson() {
        ObjectNode json = MAPPER.createObjectNode().put("step", step).put("metric", metric);
        guardrails.forEach(json.putArray("guardrails")::add);
        return json.put("holdoutPercent", holdoutPercent).put("autoWinner", autoWinner);
    }
}
