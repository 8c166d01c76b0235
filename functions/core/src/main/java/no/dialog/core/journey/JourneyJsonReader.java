package no.dialog.core.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import no.dialog.core.contact.Problem;
import no.dialog.core.page.LandingPage;
import no.dialog.core.page.LandingPageJson;
import no.dialog.core.segment.Criteria;
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.SegmentDefinitions;

/**
 * Reads one journey definition, collecting every problem instead of stopping at the first. Checks
 * shape and types only: edges may be missing or point nowhere and weights may be zero here, because
 * drafts are saved half-built; {@link JourneyValidation} refuses them at activation. The exception is
 * an {@code experiment} block, checked whole here ({@link JourneyValidation#experiment}). One instance
 * per parse (it holds the problem list).
 */
final class JourneyJsonReader {

    static final Pattern STEP_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final int MAX_NAME = 200;
    private static final int MAX_ID = 100;

    private static final Set<String> TOP = Set.of("name", "trigger", "entry", "goal", "experiment", "start",
            "steps");
    private static final Set<String> EXPERIMENT = Set.of("step", "metric", "guardrails", "holdoutPercent", "autoWinner");
    private static final Set<String> SIGNAL = Set.of("type", "where", "sameJourney");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private final List<Problem> problems = new ArrayList<>();

    JourneyDefinitions.Parsed read(JsonNode root) {
        if (root == null || !root.isObject()) {
            problems.add(new Problem("", "must be a JSON object"));
            return new JourneyDefinitions.Parsed(null, problems);
        }
        onlyKeys(root, "", TOP);
        String name = text(root, "name", "", true, MAX_NAME);
        Trigger trigger = trigger(root.get("trigger"), "trigger");
        EntryRules entry = entry(root.get("entry"), "entry");
        Goal goal = goal(root.get("goal"), "goal");
        String start = text(root, "start", "", false, MAX_ID);
        Map<String, Step> steps = steps(root.get("steps"), "steps");
        Experiment experiment = experiment(root.get("experiment"), "experiment");
        if (!problems.isEmpty()) {
            return new JourneyDefinitions.Parsed(null, problems);
        }
        JourneyDefinition definition = new JourneyDefinition(name, trigger, entry, goal, start, steps, experiment);
        // An experiment only refers to what the same body holds, so a half-built draft can leave the block
        // out until its step exists; one that is there must make sense (it decides who gets what).
        problems.addAll(JourneyValidation.experiment(definition));
        return problems.isEmpty() ? new JourneyDefinitions.Parsed(definition, List.of())
                : new JourneyDefinitions.Parsed(null, problems);
    }

    // ---- experiment ----

    private Experiment experiment(JsonNode node, String path) {
        if (!object(node, path, false)) {
            return null;
        }
        int before = problems.size();
        onlyKeys(node, path, EXPERIMENT);
        String step = text(node, "step", path, true, MAX_ID);
        String metricName = text(node, "metric", path, true, MAX_ID);
        Experiment.Metric metric = null;
        if (metricName != null) {
            metric = Experiment.Metric.fromJsonName(metricName).orElse(null);
            if (metric == null) {
                problems.add(new Problem(join(path, "metric"), "must be goal-conversion or revenue-per-person"));
            }
        }
        List<Experiment.Guardrail> guardrails = guardrails(node.get("guardrails"), join(path, "guardrails"));
        int holdout = 0;
        JsonNode holdoutNode = node.get("holdoutPercent");
        if (present(holdoutNode)) {
            if (!holdoutNode.isIntegralNumber() || !holdoutNode.canConvertToInt() || holdoutNode.asInt() < 0
                    || holdoutNode.asInt() > Experiment.MAX_HOLDOUT_PERCENT) {
                problems.add(new Problem(join(path, "holdoutPercent"),
                        "must be a whole number from 0 to " + Experiment.MAX_HOLDOUT_PERCENT));
            } else {
                holdout = holdoutNode.asInt();
            }
        }
        boolean autoWinner = bool(node, "autoWinner", path, false);
        return problems.size() > before ? null : new Experiment(step, metric, guardrails, holdout, autoWinner);
    }

    private List<Experiment.Guardrail> guardrails(JsonNode node, String path) {
        List<Experiment.Guardrail> guardrails = new ArrayList<>();
        if (!present(node)) {
            return guardrails;
        }
        if (!node.isArray()) {
            problems.add(new Problem(path, "must be an array of opt-out-rate and cost"));
            return guardrails;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String itemPath = path + "[" + i + "]";
            Experiment.Guardrail guardrail = item.isTextual()
                    ? Experiment.Guardrail.fromJsonName(item.asText()).orElse(null) : null;
            if (guardrail == null) {
                problems.add(new Problem(itemPath, "must be opt-out-rate or cost"));
            } else if (guardrails.contains(guardrail)) {
                problems.add(new Problem(itemPath, "is listed twice"));
            } else {
                guardrails.add(guardrail);
            }
        }
        return guardrails;
    }

    // ---- trigger, entry, goal ----

    private Trigger trigger(JsonNode node, String path) {
        if (!object(node, path, true)) {
            return null;
        }
        String type = text(node, "type", path, true, MAX_ID);
        if (type == null) {
            return null;
        }
        switch (type) {
            case "campaign": {
                onlyKeys(node, path, Set.of("type", "segmentId", "startAt"));
                String segmentId = text(node, "segmentId", path, true, MAX_ID);
                Instant startAt = instant(node, "startAt", path);
                return segmentId == null ? null : new Trigger.Campaign(segmentId, startAt);
            }
            case "signal": {
                onlyKeys(node, path, Set.of("type", "signal", "dedupAttribute"));
                SignalMatch match = signalMatch(node.get("signal"), join(path, "signal"), true);
                String dedup = text(node, "dedupAttribute", path, false, MAX_ID);
                return match == null ? null : new Trigger.OnSignal(match, dedup);
            }
            case "recurring": {
                onlyKeys(node, path, Set.of("type", "segmentId", "every"));
                String segmentId = text(node, "segmentId", path, true, MAX_ID);
                Duration every = duration(node, "every", path, true);
                return segmentId == null || every == null ? null : new Trigger.Recurring(segmentId, every);
            }
            default:
                problems.add(new Problem(join(path, "type"), "must be campaign, signal or recurring"));
                return null;
        }
    }

    private EntryRules entry(JsonNode node, String path) {
        if (!object(node, path, false)) {
            return EntryRules.oncePerPerson();
        }
        onlyKeys(node, path, Set.of("reenterAfterExit", "maxEnrolments"));
        boolean reenter = bool(node, "reenterAfterExit", path, false);
        Long max = null;
        JsonNode maxNode = node.get("maxEnrolments");
        if (present(maxNode)) {
            if (maxNode.isIntegralNumber() && maxNode.canConvertToLong()) {
                max = maxNode.asLong();
            } else {
                problems.add(new Problem(join(path, "maxEnrolments"), "must be a whole number or null"));
            }
        }
        return new EntryRules(reenter, max);
    }

    private Goal goal(JsonNode node, String path) {
        if (!object(node, path, false)) {
            return null;
        }
        onlyKeys(node, path, Set.of("signal", "from", "window", "exitOnGoal"));
        SignalMatch signal = signalMatch(node.get("signal"), join(path, "signal"), true);
        Duration from = duration(node, "from", path, false);
        Duration window = duration(node, "window", path, true);
        if (from != null && from.isNegative()) {
            problems.add(new Problem(join(path, "from"), "must not be negative"));
            from = null;
        } else if (from != null && window != null && from.compareTo(window) >= 0) {
            problems.add(new Problem(join(path, "from"), "must be shorter than the window"));
            from = null;
        }
        boolean exitOnGoal = bool(node, "exitOnGoal", path, false);
        return signal == null || window == null ? null : new Goal(signal, from, window, exitOnGoal);
    }

    private SignalMatch signalMatch(JsonNode node, String path, boolean required) {
        if (!object(node, path, required)) {
            return null;
        }
        onlyKeys(node, path, SIGNAL);
        String type = text(node, "type", path, true, MAX_ID);
        Map<String, String> where = new TreeMap<>();
        JsonNode whereNode = node.get("where");
        if (present(whereNode)) {
            if (!whereNode.isObject()) {
                problems.add(new Problem(join(path, "where"), "must be an object of attribute values"));
            } else {
                whereNode.fields().forEachRemaining(entry -> {
                    if (entry.getValue().isTextual()) {
                        where.put(entry.getKey(), entry.getValue().asText());
                    } else {
                        // Signal attributes are text (amounts too, in øre), so a number here would never match.
                        problems.add(new Problem(join(join(path, "where"), entry.getKey()), "must be text"));
                    }
                });
            }
        }
        boolean sameJourney = bool(node, "sameJourney", path, false);
        return type == null ? null : new SignalMatch(type, where, sameJourney);
    }

    // ---- steps ----

    private Map<String, Step> steps(JsonNode node, String path) {
        Map<String, Step> steps = new LinkedHashMap<>();
        if (!present(node)) {
            problems.add(new Problem(path, "is required (an array of steps)"));
            return steps;
        }
        if (!node.isArray()) {
            problems.add(new Problem(path, "must be an array of steps"));
            return steps;
        }
        for (int i = 0; i < node.size(); i++) {
            String stepPath = path + "[" + i + "]";
            Step step = step(node.get(i), stepPath);
            if (step == null) {
                continue;
            }
            if (steps.containsKey(step.id())) {
                problems.add(new Problem(join(stepPath, "id"), "is used by another step"));
            } else {
                steps.put(step.id(), step);
            }
        }
        return steps;
    }

    private Step step(JsonNode node, String path) {
        if (!object(node, path, true)) {
            return null;
        }
        int before = problems.size();
        String id = text(node, "id", path, true, MAX_ID);
        if (id != null && !STEP_ID.matcher(id).matches()) {
            problems.add(new Problem(join(path, "id"),
                    "must be 1-40 lower-case letters, digits or dashes, not starting with a dash"));
        }
        String type = text(node, "type", path, true, MAX_ID);
        if (type == null) {
            return null;
        }
        Step step = stepOfType(type, id, node, path);
        return problems.size() > before ? null : step;
    }

    private Step stepOfType(String type, String id, JsonNode node, String path) {
        switch (type) {
            case "send":
                return send(id, node, path);
            case "wait": {
                onlyKeys(node, path, Set.of("id", "type", "duration", "next"));
                Duration duration = duration(node, "duration", path, true);
                return new Step.WaitDuration(id, duration, edge(node, "next", path));
            }
            case "waitUntil":
                return waitUntil(id, node, path);
            case "waitForSignal": {
                onlyKeys(node, path, Set.of("id", "type", "signal", "timeout", "next", "timeoutNext"));
                SignalMatch signal = signalMatch(node.get("signal"), join(path, "signal"), true);
                Duration timeout = duration(node, "timeout", path, true);
                return new Step.WaitForSignal(id, signal, timeout, edge(node, "next", path),
                        edge(node, "timeoutNext", path));
            }
            case "branch":
                return branch(id, node, path);
            case "split":
                return split(id, node, path);
            case "update":
                return update(id, node, path);
            case "exit":
                onlyKeys(node, path, Set.of("id", "type"));
                return new Step.Exit(id);
            default:
                problems.add(new Problem(join(path, "type"),
                        "must be send, wait, waitUntil, waitForSignal, branch, split, update or exit"));
                return null;
        }
    }

    private Step send(String id, JsonNode node, String path) {
        onlyKeys(node, path, Set.of("id", "type", "channel", "templateId", "variants", "fallback", "next", "page"));
        SendChannel channel = channel(node, "channel", path, true);
        SendChannel fallback = channel(node, "fallback", path, false);
        boolean hasTemplate = present(node.get("templateId"));
        boolean hasVariants = present(node.get("variants"));
        List<Step.Variant> variants = List.of();
        if (hasTemplate && hasVariants) {
            problems.add(new Problem(path, "must have templateId or variants, not both"));
        } else if (hasTemplate) {
            String templateId = text(node, "templateId", path, true, MAX_ID);
            variants = List.of(new Step.Variant("A", templateId, 1));
        } else if (hasVariants) {
            variants = variants(node.get("variants"), join(path, "variants"));
        } else {
            problems.add(new Problem(path, "needs templateId or variants"));
        }
        LandingPage page = null;
        if (present(node.get("page"))) {
            page = LandingPageJson.read(node.get("page"), join(path, "page"), problems);
        }
        return new Step.Send(id, channel, variants, fallback, edge(node, "next", path), page);
    }

    private List<Step.Variant> variants(JsonNode node, String path) {
        List<Step.Variant> variants = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            problems.add(new Problem(path, "must be a non-empty array"));
            return variants;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String variantPath = path + "[" + i + "]";
            JsonNode variant = node.get(i);
            if (!object(variant, variantPath, true)) {
                continue;
            }
            onlyKeys(variant, variantPath, Set.of("name", "templateId", "weight"));
            String name = text(variant, "name", variantPath, true, 32);
            String templateId = text(variant, "templateId", variantPath, true, MAX_ID);
            Integer weight = integer(variant, "weight", variantPath);
            if (name != null && !names.add(name)) {
                problems.add(new Problem(join(variantPath, "name"), "is used by another variant"));
            }
            if (name != null && templateId != null && weight != null) {
                variants.add(new Step.Variant(name, templateId, weight));
            }
        }
        return variants;
    }

    private Step waitUntil(String id, JsonNode node, String path) {
        onlyKeys(node, path, Set.of("id", "type", "days", "time", "next"));
        Set<DayOfWeek> days = days(node.get("days"), join(path, "days"));
        LocalTime time = null;
        String text = text(node, "time", path, true, MAX_ID);
        if (text != null) {
            if (TIME.matcher(text).matches()) {
                time = LocalTime.parse(text);
            } else {
                problems.add(new Problem(join(path, "time"), "must be a time of day as HH:mm (Europe/Oslo)"));
            }
        }
        return new Step.WaitUntil(id, days, time, edge(node, "next", path));
    }

    private Set<DayOfWeek> days(JsonNode node, String path) {
        String rule = "must be \"weekdays\", \"any\" or a non-empty array of days such as \"MONDAY\"";
        if (node != null && node.isTextual()) {
            if (node.asText().equals("weekdays")) {
                return WEEKDAYS;
            }
            if (node.asText().equals("any")) {
                return EnumSet.allOf(DayOfWeek.class);
            }
        }
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add(new Problem(path, rule));
            return Set.of();
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (int i = 0; i < node.size(); i++) {
            DayOfWeek day = node.get(i).isTextual() ? dayOfWeek(node.get(i).asText()) : null;
            if (day == null) {
                problems.add(new Problem(path + "[" + i + "]", "must be a day such as \"MONDAY\""));
            } else if (!days.add(day)) {
                problems.add(new Problem(path + "[" + i + "]", "repeats a day"));
            }
        }
        return days;
    }

    private static DayOfWeek dayOfWeek(String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(name)) {
                return day;
            }
        }
        return null;
    }

    private Step branch(String id, JsonNode node, String path) {
        onlyKeys(node, path, Set.of("id", "type", "cases", "otherwise"));
        String casesPath = join(path, "cases");
        JsonNode casesNode = node.get("cases");
        List<Step.BranchCase> cases = new ArrayList<>();
        if (casesNode == null || !casesNode.isArray() || casesNode.isEmpty()) {
            problems.add(new Problem(casesPath, "must be a non-empty array of cases"));
        } else {
            for (int i = 0; i < casesNode.size(); i++) {
                Step.BranchCase branchCase = branchCase(casesNode.get(i), casesPath + "[" + i + "]");
                if (branchCase != null) {
                    cases.add(branchCase);
                }
            }
        }
        return new Step.Branch(id, cases, edge(node, "otherwise", path));
    }

    private Step.BranchCase branchCase(JsonNode node, String path) {
        if (!object(node, path, true)) {
            return null;
        }
        onlyKeys(node, path, Set.of("when", "received", "goalReached", "next"));
        int conditions = (present(node.get("when")) ? 1 : 0) + (present(node.get("received")) ? 1 : 0)
                + (present(node.get("goalReached")) ? 1 : 0);
        String next = edge(node, "next", path);
        if (conditions != 1) {
            problems.add(new Problem(path, "must have exactly one of when, received or goalReached"));
            return null;
        }
        if (present(node.get("when"))) {
            Criterion criterion = criterion(node.get("when"), join(path, "when"));
            return criterion == null ? null : new Step.BranchCase(criterion, null, false, next);
        }
        if (present(node.get("received"))) {
            SignalMatch received = signalMatch(node.get("received"), join(path, "received"), true);
            return received == null ? null : new Step.BranchCase(null, received, false, next);
        }
        JsonNode goalReached = node.get("goalReached");
        if (!goalReached.isBoolean() || !goalReached.asBoolean()) {
            // "goalReached": false would be the same as otherwise-if-not-reached; say it with order instead.
            problems.add(new Problem(join(path, "goalReached"), "must be true"));
            return null;
        }
        return new Step.BranchCase(null, null, true, next);
    }

    private Criterion criterion(JsonNode node, String path) {
        SegmentDefinitions.Parsed parsed = SegmentDefinitions.parse(node);
        for (Problem problem : parsed.problems()) {
            problems.add(new Problem(join(path, problem.field()), problem.reason()));
        }
        if (parsed.ok() && Criteria.usesBehaviour(parsed.criterion())) {
            // A branch judges the contact alone; the engine has no histories of other journeys.
            problems.add(new Problem(path, "journey.* fields are for segments; a branch can ask about"
                    + " received signals or the goal instead"));
            return null;
        }
        return parsed.ok() ? parsed.criterion() : null;
    }

    private Step split(String id, JsonNode node, String path) {
        onlyKeys(node, path, Set.of("id", "type", "paths"));
        String pathsPath = join(path, "paths");
        JsonNode pathsNode = node.get("paths");
        List<Step.SplitPath> paths = new ArrayList<>();
        if (pathsNode == null || !pathsNode.isArray() || pathsNode.isEmpty()) {
            problems.add(new Problem(pathsPath, "must be a non-empty array of paths"));
            return new Step.Split(id, paths);
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < pathsNode.size(); i++) {
            String onePath = pathsPath + "[" + i + "]";
            JsonNode splitPath = pathsNode.get(i);
            if (!object(splitPath, onePath, true)) {
                continue;
            }
            onlyKeys(splitPath, onePath, Set.of("name", "weight", "next"));
            String name = text(splitPath, "name", onePath, true, 32);
            Integer weight = integer(splitPath, "weight", onePath);
            String next = edge(splitPath, "next", onePath);
            if (name != null && !names.add(name)) {
                problems.add(new Problem(join(onePath, "name"), "is used by another path"));
            }
            if (name != null && weight != null) {
                paths.add(new Step.SplitPath(name, weight, next));
            }
        }
        return new Step.Split(id, paths);
    }

    private Step update(String id, JsonNode node, String path) {
        onlyKeys(node, path, Set.of("id", "type", "field", "value", "next"));
        String field = text(node, "field", path, true, MAX_ID);
        JsonNode value = node.has("value") ? node.get("value") : null;
        if (field != null) {
            UpdatableFields.check(field, value)
                    .ifPresent(p -> problems.add(new Problem(join(path, p.field()), p.reason())));
        }
        return new Step.Update(id, field, value == null ? NullNode.getInstance() : value, edge(node, "next", path));
    }

    // ---- values ----

    /** An edge to another step: optional and unchecked here (validation checks it names a step). */
    private String edge(JsonNode node, String key, String path) {
        return text(node, key, path, false, MAX_ID);
    }

    private SendChannel channel(JsonNode node, String key, String path, boolean required) {
        String name = text(node, key, path, required, MAX_ID);
        if (name == null) {
            return null;
        }
        return SendChannel.fromJsonName(name).orElseGet(() -> {
            problems.add(new Problem(join(path, key),
                    "must be one of sms, chat, email, newsletter, letter, print, telemarketing"));
            return null;
        });
    }

    private String text(JsonNode node, String key, String path, boolean required, int maxLength) {
        JsonNode value = node.get(key);
        if (!present(value)) {
            if (required) {
                problems.add(new Problem(join(path, key), "is required"));
            }
            return null;
        }
        if (!value.isTextual()) {
            problems.add(new Problem(join(path, key), "must be text"));
            return null;
        }
        if (value.asText().isBlank() || value.asText().length() > maxLength) {
            problems.add(new Problem(join(path, key), "must be 1-" + maxLength + " characters"));
            return null;
        }
        return value.asText();
    }

    private boolean bool(JsonNode node, String key, String path, boolean fallback) {
        JsonNode value = node.get(key);
        if (!present(value)) {
            return fallback;
        }
        if (!value.isBoolean()) {
            problems.add(new Problem(join(path, key), "must be true or false"));
            return fallback;
        }
        return value.asBoolean();
    }

    private Integer integer(JsonNode node, String key, String path) {
        JsonNode value = node.get(key);
        if (!present(value)) {
            problems.add(new Problem(join(path, key), "is required"));
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problems.add(new Problem(join(path, key), "must be a whole number"));
            return null;
        }
        return value.asInt();
    }

    private Duration duration(JsonNode node, String key, String path, boolean required) {
        String text = text(node, key, path, required, MAX_ID);
        if (text == null) {
            return null;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(join(path, key), "must be an ISO-8601 duration such as P7D or PT5M"));
            return null;
        }
    }

    private Instant instant(JsonNode node, String key, String path) {
        String text = text(node, key, path, false, MAX_ID);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new Problem(join(path, key), "must be a time with offset such as 2026-09-01T08:00:00Z"));
            return null;
        }
    }

    private boolean object(JsonNode node, String path, boolean required) {
        if (!present(node)) {
            if (required) {
                problems.add(new Problem(path, "is required"));
            }
            return false;
        }
        if (!node.isObject()) {
            problems.add(new Problem(path, "must be an object"));
            return false;
        }
        return true;
    }

    private void onlyKeys(JsonNode node, String path, Set<String> allowed) {
        Set<String> unknown = new LinkedHashSet<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        }
        // Keys are chosen by whoever wrote the JSON, not personal data: naming them points at the typo.
        unknown.forEach(name -> problems.add(new Problem(join(path, name), "unknown property")));
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    private static String join(String path, String key) {
        if (key.isEmpty()) {
            return path;
        }
        return path.isEmpty() ? key : path + "." + key;
    }
}
