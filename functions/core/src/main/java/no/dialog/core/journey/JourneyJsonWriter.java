package no.dialog.core.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.TreeMap;
import java.util.Set;
import no.dialog.core.segment.Criterion;

/**
 * Writes a definition in the canonical JSON form {@link JourneyJsonReader} reads: keys in a fixed order,
 * optional parts left out when empty, whole-day durations as {@code P7D}, a single template A/1 as
 * {@code templateId}, Monday-Friday as {@code "weekdays"} and every day as {@code "any"}.
 */
final class JourneyJsonWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private JourneyJsonWriter() {}

    static ObjectNode write(JourneyDefinition definition) {
        ObjectNode root = NODES.objectNode();
        root.put("name", definition.name());
        root.set("trigger", trigger(definition.trigger()));
        root.set("entry", entry(definition.entry()));
        if (definition.goal() != null) {
            root.set("goal", goal(definition.goal()));
        }
        if (definition.experiment() != null) {
            root.set("experiment", experiment(definition.experiment()));
        }
        root.put("start", definition.startStepId());
        ArrayNode steps = root.putArray("steps");
        definition.steps().values().forEach(step -> steps.add(step(step)));
        return root;
    }

    private static ObjectNode trigger(Trigger trigger) {
        ObjectNode node = NODES.objectNode();
        if (trigger instanceof Trigger.Campaign campaign) {
            node.put("type", "campaign");
            node.put("segmentId", campaign.segmentId());
            node.put("startAt", campaign.startAt() == null ? null : campaign.startAt().toString());
        } else if (trigger instanceof Trigger.OnSignal onSignal) {
            node.put("type", "signal");
            node.set("signal", signalMatch(onSignal.match()));
            if (onSignal.dedupAttribute() != null) {
                node.put("dedupAttribute", onSignal.dedupAttribute());
            }
        } else {
            Trigger.Recurring recurring = (Trigger.Recurring) trigger;
            node.put("type", "recurring");
            node.put("segmentId", recurring.segmentId());
            node.put("every", Durations.format(recurring.every()));
        }
        return node;
    }

    private static ObjectNode entry(EntryRules entry) {
        ObjectNode node = NODES.objectNode();
        node.put("reenterAfterExit", entry.reenterAfterExit());
        node.set("maxEnrolments", entry.maxEnrolments() == null ? NullNode.getInstance() : number(entry.maxEnrolments()));
        return node;
    }

    private static ObjectNode experiment(Experiment experiment) {
        ObjectNode node = NODES.objectNode();
        node.put("step", experiment.stepId());
        node.put("metric", experiment.metric().jsonName());
        if (!experiment.guardrails().isEmpty()) {
            ArrayNode guardrails = node.putArray("guardrails");
            experiment.guardrails().forEach(g -> guardrails.add(g.jsonName()));
        }
        node.put("holdoutPercent", experiment.holdoutPercent());
        node.put("autoWinner", experiment.autoWinner());
        return node;
    }

    private static ObjectNode goal(Goal goal) {
        ObjectNode node = NODES.objectNode();
        node.set("signal", signalMatch(goal.signal()));
        if (!goal.from().isZero()) {
            node.put("from", Durations.format(goal.from()));
        }
        node.put("window", Durations.format(goal.window()));
        node.put("exitOnGoal", goal.exitOnGoal());
        return node;
    }

    private static ObjectNode signalMatch(SignalMatch match) {
        ObjectNode node = NODES.objectNode();
        node.put("type", match.type());
        if (!match.where().isEmpty()) {
            ObjectNode where = node.putObject("where");
            // Sorted, so the same definition always prints the same text.
            new TreeMap<>(match.where()).forEach(where::put);
        }
        node.put("sameJourney", match.sameJourney());
        return node;
    }

    private static ObjectNode step(Step step) {
        ObjectNode node = NODES.objectNode();
        node.put("id", step.id());
        if (step instanceof Step.Send send) {
            node.put("type", "send");
            node.put("channel", send.channel().jsonName());
            if (isSingleTemplate(send)) {
                node.put("templateId", send.variants().get(0).templateId());
            } else {
                ArrayNode variants = node.putArray("variants");
                send.variants().forEach(v -> variants.addObject()
                        .put("name", v.name()).put("templateId", v.templateId()).put("weight", v.weight()));
            }
            if (send.fallback() != null) {
                node.put("fallback", send.fallback().jsonName());
            }
            edge(node, "next", send.next());
            if (send.page() != null) {
                node.set("page", no.dialog.core.page.LandingPageJson.write(send.page()));
            }
        } else if (step instanceof Step.WaitDuration wait) {
            node.put("type", "wait");
            node.put("duration", Durations.format(wait.duration()));
            edge(node, "next", wait.next());
        } else if (step instanceof Step.WaitUntil wait) {
            node.put("type", "waitUntil");
            node.set("days", days(wait.days()));
            node.put("time", HH_MM.format(wait.time()));
            edge(node, "next", wait.next());
        } else if (step instanceof Step.WaitForSignal wait) {
            node.put("type", "waitForSignal");
            node.set("signal", signalMatch(wait.signal()));
            node.put("timeout", Durations.format(wait.timeout()));
            edge(node, "next", wait.next());
            edge(node, "timeoutNext", wait.timeoutNext());
        } else if (step instanceof Step.Branch branch) {
            node.put("type", "branch");
            ArrayNode cases = node.putArray("cases");
            branch.cases().forEach(c -> cases.add(branchCase(c)));
            edge(node, "otherwise", branch.otherwise());
        } else if (step instanceof Step.Split split) {
            node.put("type", "split");
            ArrayNode paths = node.putArray("paths");
            split.paths().forEach(p -> {
                ObjectNode path = paths.addObject().put("name", p.name()).put("weight", p.weight());
                edge(path, "next", p.next());
            });
        } else if (step instanceof Step.Update update) {
            node.put("type", "update");
            node.put("field", update.field());
            node.set("value", update.value() == null ? NullNode.getInstance() : update.value());
            edge(node, "next", update.next());
        } else {
            node.put("type", "exit");
        }
        return node;
    }

    /** The JSON shorthand {@code templateId} stands for exactly one variant named A with weight 1. */
    static boolean isSingleTemplate(Step.Send send) {
        if (send.variants().size() != 1) {
            return false;
        }
        Step.Variant only = send.variants().get(0);
        return only.name().equals("A") && only.weight() == 1;
    }

    private static ObjectNode branchCase(Step.BranchCase branchCase) {
        ObjectNode node = NODES.objectNode();
        if (branchCase.contact() != null) {
            node.set("when", criterion(branchCase.contact()));
        } else if (branchCase.received() != null) {
            node.set("received", signalMatch(branchCase.received()));
        } else {
            node.put("goalReached", true);
        }
        edge(node, "next", branchCase.next());
        return node;
    }

    private static JsonNode days(Set<DayOfWeek> days) {
        if (days.size() == DayOfWeek.values().length) {
            return NODES.textNode("any");
        }
        if (days.equals(WEEKDAYS)) {
            return NODES.textNode("weekdays");
        }
        ArrayNode array = NODES.arrayNode();
        EnumSet.copyOf(days).forEach(day -> array.add(day.name()));
        return array;
    }

    /** The segment JSON form of a criterion, as {@code SegmentDefinitions.parse} reads it. */
    static JsonNode criterion(Criterion criterion) {
        ObjectNode node = NODES.objectNode();
        if (criterion instanceof Criterion.All all) {
            ArrayNode children = node.putArray("all");
            all.children().forEach(c -> children.add(criterion(c)));
        } else if (criterion instanceof Criterion.Any any) {
            ArrayNode children = node.putArray("any");
            any.children().forEach(c -> children.add(criterion(c)));
        } else if (criterion instanceof Criterion.Not not) {
            node.set("not", criterion(not.child()));
        } else {
            Criterion.Condition condition = (Criterion.Condition) criterion;
            node.put("field", condition.field());
            node.put("op", condition.op().jsonName());
            if (condition.value() != null) {
                node.set("value", condition.value());
            }
        }
        return node;
    }

    private static void edge(ObjectNode node, String key, String target) {
        if (target != null) {
            node.put(key, target);
        }
    }

    /** Small numbers as int nodes, as Jackson reads them, so a written definition equals the one read. */
    private static JsonNode number(long value) {
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE
                ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }
}
