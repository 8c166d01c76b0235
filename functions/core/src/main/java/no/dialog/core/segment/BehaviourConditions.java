package no.dialog.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import no.dialog.core.contact.Problem;

/**
 * The rules of behaviour conditions ({@link FieldType#isBehaviour()}): the value shapes the parser
 * accepts, which journeys a condition names, and whether a {@link ContactHistory} matches. Both
 * evaluators call {@link #matches}, so they cannot disagree on what behaviour means.
 *
 * <p>Every behaviour condition names its journey. That keeps the reading bounded: the histories
 * an evaluation needs are those of the journeys its conditions mention, not of every journey.
 */
public final class BehaviourConditions {

    /** Journey ids as the definitions table keys them: no '/' (our separator) and no '#'. */
    static final Pattern JOURNEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Same rule as step ids in journey JSON. */
    static final Pattern STEP_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    static final Pattern QUESTION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final int MAX_ANSWER_LENGTH = 200;

    private static final Map<String, Function<ContactHistory, Set<String>>> JOURNEY_SETS = Map.of(
            "journey.inNow", ContactHistory::inNow,
            "journey.goalReached", ContactHistory::goalReached,
            "journey.opened", ContactHistory::opened,
            "journey.clicked", ContactHistory::clicked,
            "journey.sentStep", ContactHistory::sentSteps);

    private BehaviourConditions() {}

    /** Why one value (or one element of an {@code in} array) does not fit the type; path as given. */
    static Optional<Problem> checkScalar(FieldType type, JsonNode value, String path) {
        return switch (type) {
            case JOURNEY -> value.isTextual() && JOURNEY_ID.matcher(value.asText()).matches() ? Optional.empty()
                    : problem(path, "must be a journey id (letters, digits, . _ -)");
            case JOURNEY_STEP -> checkStep(value, path);
            case ANSWER -> checkAnswer(value, path);
            default -> throw new IllegalArgumentException("not a behaviour type");
        };
    }

    private static Optional<Problem> checkStep(JsonNode value, String path) {
        String rule = "must be \"journeyId/stepId\", e.g. \"student-2026/reminder\"";
        if (!value.isTextual()) {
            return problem(path, rule);
        }
        String text = value.asText();
        int slash = text.indexOf('/');
        if (slash < 0 || !JOURNEY_ID.matcher(text.substring(0, slash)).matches()
                || !STEP_ID.matcher(text.substring(slash + 1)).matches()) {
            return problem(path, rule);
        }
        return Optional.empty();
    }

    private static Optional<Problem> checkAnswer(JsonNode value, String path) {
        if (!value.isObject()) {
            return problem(path, "must be {\"journey\": .., \"question\": .., \"value\": ..} (value may be left out)");
        }
        Optional<Problem> unknown = ConditionValues.onlyKeys(value, Set.of("journey", "question", "value"), path);
        if (unknown.isPresent()) {
            return unknown;
        }
        JsonNode journey = value.get("journey");
        if (journey == null || !journey.isTextual() || !JOURNEY_ID.matcher(journey.asText()).matches()) {
            return problem(path + ".journey", "is required and must be a journey id (letters, digits, . _ -)");
        }
        JsonNode question = value.get("question");
        if (question == null || !question.isTextual() || !QUESTION.matcher(question.asText()).matches()) {
            return problem(path + ".question", "is required and must be a question id (letters, digits, . _ -)");
        }
        JsonNode answer = value.get("value");
        if (answer != null && (!answer.isTextual() || answer.asText().isEmpty()
                || answer.asText().length() > MAX_ANSWER_LENGTH)) {
            return problem(path + ".value", "must be text of 1 to " + MAX_ANSWER_LENGTH + " characters, or left out");
        }
        return Optional.empty();
    }

    /** Whether the history matches a (parsed, valid) behaviour condition: ANY expected value present. */
    public static boolean matches(Criterion.Condition condition, ContactHistory history) {
        if (history.isEmpty()) {
            return false;
        }
        JsonNode expected = condition.value();
        if (condition.op() == Operator.IN) {
            for (JsonNode element : expected) {
                if (matchesOne(condition.field(), element, history)) {
                    return true;
                }
            }
            return false;
        }
        if (condition.op() == Operator.EQUALS) {
            return matchesOne(condition.field(), expected, history);
        }
        throw new IllegalArgumentException("operator " + condition.op().jsonName() + " does not fit this field");
    }

    private static boolean matchesOne(String field, JsonNode expected, ContactHistory history) {
        if (field.equals("journey.answered")) {
            String journey = expected.get("journey").asText();
            String question = expected.get("question").asText();
            JsonNode value = expected.get("value");
            for (ContactHistory.Answer answer : history.answers()) {
                if (answer.journeyId().equals(journey) && answer.question().equals(question)
                        && (value == null || answer.value().equals(value.asText()))) {
                    return true;
                }
            }
            return false;
        }
        Function<ContactHistory, Set<String>> set = JOURNEY_SETS.get(field);
        if (set == null) {
            throw new IllegalArgumentException("not a behaviour field");
        }
        return set.apply(history).contains(expected.asText());
    }

    /** The journeys a (parsed, valid) behaviour condition names, added to {@code into}. */
    static void journeyIds(Criterion.Condition condition, Set<String> into) {
        JsonNode value = condition.value();
        if (value.isArray()) {
            value.forEach(element -> into.add(journeyOf(condition.field(), element)));
        } else {
            into.add(journeyOf(condition.field(), value));
        }
    }

    private static String journeyOf(String field, JsonNode value) {
        if (field.equals("journey.answered")) {
            return value.get("journey").asText();
        }
        String text = value.asText();
        int slash = text.indexOf('/');
        return field.equals("journey.sentStep") && slash >= 0 ? text.substring(0, slash) : text;
    }

    static Set<String> newIdSet() {
        return new LinkedHashSet<>();
    }

    private static Optional<Problem> problem(String path, String reason) {
        return Optional.of(new Problem(path, reason));
    }
}
