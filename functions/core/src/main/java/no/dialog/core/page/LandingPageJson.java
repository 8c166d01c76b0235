package no.dialog.core.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Problem;

/**
 * A send step's {@code page} in journey JSON, read with a {@link Problem} per mistake (the path names
 * the place, e.g. {@code steps[0].page.questions[1].choices}) and written back in the same shape.
 *
 * <pre>{@code
 * "page": {"title": {"nb": "Er du fortsatt student?", "en": "Are you still a student?"}, "oneTime": true,
 *          "questions": [
 *            {"id": "still-student", "type": "student", "required": true, "settings": {"changeTo": "ordinary"}},
 *            {"id": "continue", "type": "membership", "showIf": {"question": "still-student", "equals": "no"},
 *             "choices": [{"value": "ordinary", "label": {"nb": "Ordinært medlem", "en": "Ordinary member"}}]}]}
 * }</pre>
 */
public final class LandingPageJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    private static final Set<String> PAGE_KEYS = Set.of("title", "intro", "oneTime", "questions");
    private static final Set<String> QUESTION_KEYS = Set.of("id", "type", "required", "label", "help", "choices",
            "showIf", "settings");
    private static final int MAX_QUESTIONS = 20;
    private static final int MAX_TEXT = 500;

    private LandingPageJson() {}

    /** Reads a page, adding what is wrong to {@code problems}; null if anything was. */
    public static LandingPage read(JsonNode node, String path, List<Problem> problems) {
        int before = problems.size();
        if (node == null || !node.isObject()) {
            problems.add(new Problem(path, "must be an object with questions"));
            return null;
        }
        unknownKeys(node, path, PAGE_KEYS, problems);
        Texts title = texts(node.get("title"), join(path, "title"), problems);
        Texts intro = texts(node.get("intro"), join(path, "intro"), problems);
        JsonNode oneTime = node.get("oneTime");
        if (oneTime != null && !oneTime.isBoolean()) {
            problems.add(new Problem(join(path, "oneTime"), "must be true or false"));
        }
        JsonNode list = node.get("questions");
        String listPath = join(path, "questions");
        List<LandingPage.Question> questions = new ArrayList<>();
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add(new Problem(listPath, "must be a non-empty array of questions"));
        } else if (list.size() > MAX_QUESTIONS) {
            problems.add(new Problem(listPath, "may hold at most " + MAX_QUESTIONS + " questions"));
        } else {
            Map<String, LandingPage.Question> earlier = new LinkedHashMap<>();
            for (int i = 0; i < list.size(); i++) {
                LandingPage.Question question = question(list.get(i), listPath + "[" + i + "]", earlier, problems);
                if (question != null) {
                    earlier.put(question.id(), question);
                    questions.add(question);
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new LandingPage(title, intro, oneTime != null && oneTime.asBoolean(), questions);
    }

    private static LandingPage.Question question(JsonNode node, String path, Map<String, LandingPage.Question> earlier,
                                                 List<Problem> problems) {
        int before = problems.size();
        if (!node.isObject()) {
            problems.add(new Problem(path, "must be an object"));
            return null;
        }
        unknownKeys(node, path, QUESTION_KEYS, problems);
        String id = node.path("id").asText("");
        if (!ID.matcher(id).matches()) {
            problems.add(new Problem(join(path, "id"), "must be 1-40 lower-case letters, digits or dashes, starting with a letter"));
        } else if (earlier.containsKey(id)) {
            problems.add(new Problem(join(path, "id"), "is used by another question on the page"));
        }
        QuestionType type = QuestionType.fromJsonName(node.path("type").asText("")).orElse(null);
        if (type == null) {
            problems.add(new Problem(join(path, "type"), "must be one of address, mobile, email, consent, give, "
                    + "regular-donor, membership, event, volunteer, student, tax-id, free-text"));
            return null;
        }
        JsonNode required = node.get("required");
        if (required != null && !required.isBoolean()) {
            problems.add(new Problem(join(path, "required"), "must be true or false"));
        }
        Texts label = texts(node.get("label"), join(path, "label"), problems);
        Texts help = texts(node.get("help"), join(path, "help"), problems);
        Map<String, String> settings = settings(node.get("settings"), join(path, "settings"), problems);
        List<LandingPage.Choice> choices = choices(node.get("choices"), join(path, "choices"), type, problems);
        if (type == QuestionType.CONSENT && Channel.fromJsonName(settings.getOrDefault("channel", "")).isEmpty()) {
            problems.add(new Problem(join(path, "settings.channel"), "must name the channel asked about: sms, email, "
                    + "phone, post, chat or newsletter"));
        }
        LandingPage.ShowIf showIf = showIf(node.get("showIf"), join(path, "showIf"), earlier, problems);
        if (problems.size() > before) {
            return null;
        }
        return new LandingPage.Question(id, type, required != null && required.asBoolean(), label, help, choices,
                showIf, settings);
    }

    private static List<LandingPage.Choice> choices(JsonNode node, String path, QuestionType type, List<Problem> problems) {
        List<LandingPage.Choice> choices = new ArrayList<>();
        if (!type.hasChoices()) {
            if (node != null) {
                problems.add(new Problem(path, "is only for give, regular-donor, membership, event and volunteer"));
            }
            return choices;
        }
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add(new Problem(path, "must be a non-empty array of {value, label}"));
            return choices;
        }
        Set<String> values = new HashSet<>();
        boolean amounts = type == QuestionType.GIVE || type == QuestionType.REGULAR_DONOR;
        for (int i = 0; i < node.size(); i++) {
            JsonNode choice = node.get(i);
            String choicePath = path + "[" + i + "]";
            String value = choice.path("value").asText("");
            if (amounts ? !value.matches("[1-9][0-9]{0,5}") : !VALUE.matcher(value).matches()) {
                problems.add(new Problem(join(choicePath, "value"), amounts
                        ? "must be a whole number of kroner (1-999999)" : "must be 1-40 letters, digits, _ . or -"));
            } else if (!values.add(value)) {
                problems.add(new Problem(join(choicePath, "value"), "repeats another choice"));
            }
            Texts label = texts(choice.get("label"), join(choicePath, "label"), problems);
            if (label.isEmpty() && !amounts) {
                problems.add(new Problem(join(choicePath, "label"), "is required ({\"nb\": .., \"en\": ..})"));
            }
            choices.add(new LandingPage.Choice(value, label));
        }
        return choices;
    }

    private static LandingPage.ShowIf showIf(JsonNode node, String path, Map<String, LandingPage.Question> earlier,
                                             List<Problem> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        String question = node.path("question").asText("");
        String equals = node.path("equals").asText("");
        LandingPage.Question shown = earlier.get(question);
        if (shown == null) {
            problems.add(new Problem(join(path, "question"), "must name a question earlier on the page"));
            return null;
        }
        if (!AnswerValues.possibleValues(shown).contains(equals)) {
            problems.add(new Problem(join(path, "equals"), "must be a value that question can have: "
                    + String.join(", ", AnswerValues.possibleValues(shown))));
            return null;
        }
        return new LandingPage.ShowIf(question, equals);
    }

    private static Texts texts(JsonNode node, String path, List<Problem> problems) {
        if (node == null || node.isNull()) {
            return new Texts(null);
        }
        if (!node.isObject()) {
            problems.add(new Problem(path, "must be an object of texts by language: {\"nb\": .., \"en\": ..}"));
            return new Texts(null);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!Texts.LANGUAGES.contains(field.getKey())) {
                problems.add(new Problem(join(path, field.getKey()), "must be nb or en"));
            } else if (!field.getValue().isTextual() || field.getValue().asText().isBlank()
                    || field.getValue().asText().length() > MAX_TEXT) {
                problems.add(new Problem(join(path, field.getKey()), "must be text of 1-" + MAX_TEXT + " characters"));
            } else {
                texts.put(field.getKey(), field.getValue().asText());
            }
        }
        return new Texts(texts);
    }

    private static Map<String, String> settings(JsonNode node, String path, List<Problem> problems) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return settings;
        }
        if (!node.isObject()) {
            problems.add(new Problem(path, "must be an object of text values"));
            return settings;
        }
        node.fields().forEachRemaining(field -> {
            if (!field.getValue().isTextual() || !VALUE.matcher(field.getValue().asText()).matches()) {
                problems.add(new Problem(join(path, field.getKey()), "must be 1-40 letters, digits, _ . or -"));
            } else {
                settings.put(field.getKey(), field.getValue().asText());
            }
        });
        return settings;
    }

    private static void unknownKeys(JsonNode node, String path, Set<String> allowed, List<Problem> problems) {
        node.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                problems.add(new Problem(join(path, key), "is not a known key"));
            }
        });
    }

    private static String join(String path, String key) {
        return path == null || path.isEmpty() ? key : path + "." + key;
    }

    /** The page as JSON, in the shape {@link #read} takes. */
    public static ObjectNode write(LandingPage page) {
        ObjectNode node = MAPPER.createObjectNode();
        texts(node, "title", page.title());
        texts(node, "intro", page.intro());
        if (page.oneTime()) {
            node.put("oneTime", true);
        }
        ArrayNode questions = node.putArray("questions");
        for (LandingPage.Question question : page.questions()) {
            ObjectNode q = questions.addObject().put("id", question.id()).put("type", question.type().jsonName());
            if (question.required()) {
                q.put("required", true);
            }
            if (question.showIf() != null) {
                q.putObject("showIf").put("question", question.showIf().question())
                        .put("equals", question.showIf().equals());
            }
            texts(q, "label", question.label());
            texts(q, "help", question.help());
            if (!question.choices().isEmpty()) {
                ArrayNode choices = q.putArray("choices");
                for (LandingPage.Choice choice : question.choices()) {
                    ObjectNode c = choices.addObject().put("value", choice.value());
                    texts(c, "label", choice.label());
                }
            }
            if (!question.settings().isEmpty()) {
                ObjectNode settings = q.putObject("settings");
                question.settings().forEach(settings::put);
            }
        }
        return node;
    }

    private static void texts(ObjectNode parent, String key, Texts texts) {
        if (!texts.isEmpty()) {
            ObjectNode node = parent.putObject(key);
            // Norwegian first, then English: the order people write them in, and the canonical one.
            for (String language : List.of("nb", "en")) {
                if (texts.byLanguage().containsKey(language)) {
                    node.put(language, texts.byLanguage().get(language));
                }
            }
        }
    }
}
