package no.dialog.core.journey;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.dialog.core.contact.Problem;

/**
 * The checks before a journey may be activated: every step reachable from the start, no edge to a
 * missing step, loops only through a wait, a template for every send step's channel and variant, a
 * goal. Each problem names the step ({@code steps.remind}, {@code steps.remind.next}).
 *
 * <p>A send step's fallback channel uses the variant's template id plus {@code -<channel>}
 * ({@link Step.Send#fallbackTemplateId}), which must exist for the fallback channel.
 * <pre>{@code
 * List<Problem> problems = JourneyValidation.forActivation(definition, templateStore::exists);
 * }</pre>
 */
public final class JourneyValidation {

    /** Answers whether a template with this id exists for this channel in the tenant. */
    public interface Templates {
        boolean exists(String templateId, SendChannel channel);
    }

    private JourneyValidation() {}

    public static List<Problem> forActivation(JourneyDefinition definition, Templates templates) {
        List<Problem> problems = new ArrayList<>();
        journeyLevel(definition, problems);
        for (Step step : definition.steps().values()) {
            edges(definition, step, problems);
            stepValues(step, templates, problems);
        }
        reachability(definition, problems);
        waitFreeLoops(definition, problems);
        problems.addAll(experiment(definition));
        return problems;
    }

    /**
     * The checks of a definition's experiment block (none when it has none): the journey has a goal (the
     * experiment measures it; revenue is the goal signal's amount), the step exists and is a send with at
     * least two variants or a split with at least two paths (one is enough with a holdout: the journey against
     * nothing, as a retention journey measures its lift), and none of its arms is called
     * {@value Experiment#HOLDOUT}. The reader runs these too, so a bad block is refused when saved.
     */
    static final String MORE_THAN_ONE_ARM = "must name a send step with at least 2 variants, or a split step with at least"
            + " 2 paths (one is enough with holdoutPercent above 0)";

    public static List<Problem> experiment(JourneyDefinition definition) {
        Experiment experiment = definition.experiment();
        if (experiment == null) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        if (definition.goal() == null) {
            problems.add(new Problem("experiment", "needs the journey to have a goal: the experiment measures it"));
        }
        Step step = definition.steps().get(experiment.stepId());
        if (step == null) {
            problems.add(new Problem("experiment.step", "names no step"));
            return problems;
        }
        List<String> arms = Experiment.treatments(step);
        int compared = arms.size() + (experiment.holdoutPercent() > 0 ? 1 : 0);
        if (!(step instanceof Step.Send || step instanceof Step.Split) || arms.isEmpty() || compared < 2) {
            problems.add(new Problem("experiment.step", MORE_THAN_ONE_ARM));
            return problems;
        }
        String list = step instanceof Step.Send ? "variants" : "paths";
        for (int i = 0; i < arms.size(); i++) {
            if (Experiment.HOLDOUT.equals(arms.get(i))) {
                problems.add(new Problem(field(step, list + "[" + i + "].name"),
                        "must not be holdout: that name is the experiment's holdout arm"));
            }
        }
        return problems;
    }

    private static void journeyLevel(JourneyDefinition definition, List<Problem> problems) {
        if (definition.goal() == null) {
            problems.add(new Problem("goal", "is required before activation"));
        } else if (!positive(definition.goal().window())) {
            problems.add(new Problem("goal.window", "must be longer than zero"));
        }
        if (definition.trigger() instanceof Trigger.Recurring recurring && !positive(recurring.every())) {
            problems.add(new Problem("trigger.every", "must be longer than zero"));
        }
        Long max = definition.entry().maxEnrolments();
        if (max != null && max < 1) {
            problems.add(new Problem("entry.maxEnrolments", "must be at least 1 (or null for no cap)"));
        }
        if (definition.steps().isEmpty()) {
            problems.add(new Problem("steps", "must hold at least one step"));
        }
        if (definition.startStepId() == null) {
            problems.add(new Problem("start", "is required"));
        } else if (!definition.steps().containsKey(definition.startStepId())) {
            problems.add(new Problem("start", "names no step"));
        }
    }

    private static void edges(JourneyDefinition definition, Step step, List<Problem> problems) {
        for (StepEdges.Edge edge : StepEdges.of(step)) {
            String field = field(step, edge.field());
            if (edge.target() == null) {
                problems.add(new Problem(field, "is required"));
            } else if (!definition.steps().containsKey(edge.target())) {
                problems.add(new Problem(field, "names no step"));
            }
        }
    }

    private static void stepValues(Step step, Templates templates, List<Problem> problems) {
        if (step instanceof Step.Send send) {
            send(send, templates, problems);
        } else if (step instanceof Step.WaitDuration wait) {
            if (!positive(wait.duration())) {
                problems.add(new Problem(field(step, "duration"), "must be longer than zero"));
            }
        } else if (step instanceof Step.WaitForSignal wait) {
            if (!positive(wait.timeout())) {
                problems.add(new Problem(field(step, "timeout"), "must be longer than zero"));
            }
        } else if (step instanceof Step.WaitUntil wait) {
            if (wait.days().isEmpty()) {
                problems.add(new Problem(field(step, "days"), "must name at least one day"));
            }
        } else if (step instanceof Step.Split split) {
            if (split.paths().isEmpty()) {
                problems.add(new Problem(field(step, "paths"), "must hold at least one path"));
            }
            for (int i = 0; i < split.paths().size(); i++) {
                if (split.paths().get(i).weight() < 1) {
                    problems.add(new Problem(field(step, "paths[" + i + "].weight"), "must be at least 1"));
                }
            }
        }
    }

    private static void send(Step.Send send, Templates templates, List<Problem> problems) {
        if (send.channel() == null) {
            problems.add(new Problem(field(send, "channel"), "is required"));
            return;
        }
        if (send.fallback() == send.channel()) {
            problems.add(new Problem(field(send, "fallback"), "must be another channel than the step's"));
        }
        if (send.variants().isEmpty()) {
            problems.add(new Problem(field(send, "variants"), "must hold at least one variant"));
        }
        boolean single = JourneyJsonWriter.isSingleTemplate(send);
        for (int i = 0; i < send.variants().size(); i++) {
            Step.Variant variant = send.variants().get(i);
            String prefix = single ? "" : "variants[" + i + "].";
            if (!single && variant.weight() < 1) {
                problems.add(new Problem(field(send, prefix + "weight"), "must be at least 1"));
            }
            if (!templates.exists(variant.templateId(), send.channel())) {
                problems.add(new Problem(field(send, prefix + "templateId"),
                        "has no " + send.channel().jsonName() + " template with this id"));
            }
            if (send.fallback() != null && send.fallback() != send.channel()
                    && !templates.exists(Step.Send.fallbackTemplateId(variant.templateId(), send.fallback()),
                            send.fallback())) {
                problems.add(new Problem(field(send, prefix + "templateId"),
                        "has no " + send.fallback().jsonName() + " template <id>-" + send.fallback().jsonName()
                                + " for the fallback"));
            }
        }
    }

    private static void reachability(JourneyDefinition definition, List<Problem> problems) {
        String start = definition.startStepId();
        if (start == null || !definition.steps().containsKey(start)) {
            return; // already reported; every step would look unreachable
        }
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            Step step = definition.steps().get(id);
            if (step == null || !reached.add(id)) {
                continue;
            }
            StepEdges.of(step).forEach(edge -> {
                if (edge.target() != null) {
                    todo.push(edge.target());
                }
            });
        }
        for (String id : definition.steps().keySet()) {
            if (!reached.contains(id)) {
                problems.add(new Problem("steps." + id, "cannot be reached from the start"));
            }
        }
    }

    /**
     * A loop whose steps are all non-waits would run forever within one advance (sending each time
     * round). Finds the strongly connected parts of the graph of non-wait steps and reports each loop
     * once, at its first step in definition order.
     */
    private static void waitFreeLoops(JourneyDefinition definition, List<Problem> problems) {
        Map<String, List<String>> graph = new HashMap<>();
        for (Step step : definition.steps().values()) {
            if (StepEdges.isWait(step)) {
                continue;
            }
            List<String> targets = new ArrayList<>();
            for (StepEdges.Edge edge : StepEdges.of(step)) {
                Step target = edge.target() == null ? null : definition.steps().get(edge.target());
                if (target != null && !StepEdges.isWait(target)) {
                    targets.add(target.id());
                }
            }
            graph.put(step.id(), targets);
        }
        List<String> order = new ArrayList<>(definition.steps().keySet());
        order.retainAll(graph.keySet());
        boolean anyLoop = false;
        for (Set<String> component : new StronglyConnected(graph).components(order)) {
            String first = component.iterator().next();
            boolean loop = component.size() > 1 || graph.get(first).contains(first);
            if (loop) {
                anyLoop = true;
                String others = component.stream().skip(1).collect(Collectors.joining(", "));
                problems.add(new Problem("steps." + first, others.isEmpty()
                        ? "leads back to itself without a wait step"
                        : "is in a loop without a wait step (with " + others + ")"));
            }
        }
        if (!anyLoop) {
            longRuns(graph, order, problems);
        }
    }

    /**
     * Without loops the non-wait steps form a DAG; a chain longer than the engine's per-advance guard
     * would be cut off by it, so it is refused here. Reported at the step where the longest chain starts.
     */
    private static void longRuns(Map<String, List<String>> graph, List<String> order, List<Problem> problems) {
        Map<String, Integer> longest = new HashMap<>();
        int limit = JourneyEngine.MAX_STEPS_PER_ADVANCE - 1; // one entry is left for the wait that ends the run
        for (String id : order) {
            if (chain(id, graph, longest) > limit) {
                problems.add(new Problem("steps." + id,
                        "starts a run of more than " + limit + " steps without a wait step"));
                return;
            }
        }
    }

    private static int chain(String id, Map<String, List<String>> graph, Map<String, Integer> longest) {
        Integer known = longest.get(id);
        if (known != null) {
            return known;
        }
        int length = 1;
        for (String target : graph.get(id)) {
            length = Math.max(length, 1 + chain(target, graph, longest));
        }
        longest.put(id, length);
        return length;
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    private static String field(Step step, String field) {
        return "steps." + step.id() + (field.isEmpty() ? "" : "." + field);
    }

    /** Tarjan's algorithm; components come back with their steps in definition order. */
    private static final class StronglyConnected {
        private final Map<String, List<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final List<Set<String>> found = new ArrayList<>();
        private int counter;

        StronglyConnected(Map<String, List<String>> graph) {
            this.graph = graph;
        }

        List<Set<String>> components(List<String> order) {
            for (String id : order) {
                if (!index.containsKey(id)) {
                    visit(id);
                }
            }
            List<Set<String>> ordered = new ArrayList<>();
            for (Set<String> component : found) {
                Set<String> inOrder = new LinkedHashSet<>();
                order.stream().filter(component::contains).forEach(inOrder::add);
                ordered.add(inOrder);
            }
            ordered.sort((a, b) -> Integer.compare(order.indexOf(a.iterator().next()),
                    order.indexOf(b.iterator().next())));
            return ordered;
        }

        // Recursive: journeys have tens of steps, far from any stack limit.
        private void visit(String id) {
            index.put(id, counter);
            low.put(id, counter);
            counter++;
            stack.push(id);
            onStack.add(id);
            for (String target : graph.get(id)) {
                if (!index.containsKey(target)) {
                    visit(target);
                    low.put(id, Math.min(low.get(id), low.get(target)));
                } else if (onStack.contains(target)) {
                    low.put(id, Math.min(low.get(id), index.get(target)));
                }
            }
            if (low.get(id).equals(index.get(id))) {
                Set<String> component = new HashSet<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.add(member);
                } while (!member.equals(id));
                found.add(component);
            }
        }
    }
}
