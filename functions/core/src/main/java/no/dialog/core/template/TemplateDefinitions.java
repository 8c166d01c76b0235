package no.dialog.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import no.dialog.core.contact.Problem;
import no.dialog.core.journey.SendChannel;

/**
 * Reads a message template from the JSON the admin UI sends and checks it completely, so a template
 * that is saved will render:
 * <pre>{@code
 * {"id":"student-ask","channel":"sms","language":"nb","subject":null,
 *  "body":"Hei {{ firstName }}! Svar her: {{ link }}"}
 * }</pre>
 * Rules: {@code id} matches {@code [a-z0-9][a-z0-9-]{0,62}}; {@code channel} is a {@link SendChannel}
 * JSON name; {@code language} is {@code nb} or {@code en} (default {@code nb}); {@code subject} is
 * required (at most 200 characters, one line) for e-mail and must be absent or null for other channels;
 * {@code body} is not blank, at most 10,000 characters (1,600 for SMS and chat); for a newsletter it is
 * the provider's list id and nothing else ({@link NewsletterLists}); body and subject compile and use only
 * known merge fields and the allowed part of the template language.
 * Problems name the key ({@code body}) and a reason that never echoes the value; a reason may name a
 * merge field or filter the template used, which is template text, not a person's data.
 */
public final class TemplateDefinitions {

    public static final int MAX_BODY_CHARS = 10_000;
    /** Ten concatenated GSM-7 parts and then some: longer texts are a mistake, not a message. */
    public static final int MAX_SMS_BODY_CHARS = 1_600;
    public static final int MAX_SUBJECT_CHARS = 200;
    public static final Set<String> LANGUAGES = Set.of("nb", "en");
    public static final String DEFAULT_LANGUAGE = "nb";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Set<String> KEYS = Set.of("id", "channel", "language", "subject", "body");

    private TemplateDefinitions() {}

    /** The outcome: a template when {@link #ok()}, otherwise every problem found. */
    public record Parsed(MessageTemplate template, List<Problem> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static Parsed parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            return new Parsed(null, List.of(new Problem("", "must be a JSON object")));
        }
        List<Problem> problems = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                problems.add(new Problem(name, "unknown key"));
            }
        }
        String id = text(root, "id", problems);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(new Problem("id", "must be 1-63 lower-case letters, digits or '-', starting with a letter or digit"));
        }
        SendChannel channel = channel(root, problems);
        String language = language(root, problems);
        String subject = optionalText(root, "subject", problems);
        String body = text(root, "body", problems);
        if (channel == null || language == null || body == null) {
            return new Parsed(null, problems);
        }
        // Checked even when the id is wrong, so staff see every problem in one round.
        MessageTemplate template = new MessageTemplate(id == null ? "" : id, channel, language, subject, body);
        problems.addAll(check(template));
        return problems.isEmpty() ? new Parsed(template, List.of()) : new Parsed(null, problems);
    }

    /**
     * Checks a template's subject and body against the channel's rules and compiles them. Empty when
     * the template can be saved and rendered.
     */
    public static List<Problem> check(MessageTemplate template) {
        List<Problem> problems = new ArrayList<>();
        if (!LANGUAGES.contains(template.language())) {
            problems.add(new Problem("language", "must be one of " + String.join(", ", sorted(LANGUAGES))));
        }
        checkSubject(template, problems);
        checkBody(template, problems);
        return problems;
    }

    public static ObjectNode toJson(MessageTemplate template) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", template.id());
        node.put("channel", template.channel().jsonName());
        node.put("language", template.language() == null ? DEFAULT_LANGUAGE : template.language());
        if (template.subject() == null) {
            node.putNull("subject");
        } else {
            node.put("subject", template.subject());
        }
        node.put("body", template.body());
        return node;
    }

    private static void checkSubject(MessageTemplate template, List<Problem> problems) {
        String subject = template.subject();
        if (!ChannelFormats.isHtml(template.channel())) {
            if (subject != null) {
                problems.add(new Problem("subject", "must be absent or null for channel "
                        + template.channel().jsonName()));
            }
            return;
        }
        if (subject == null || subject.isBlank()) {
            problems.add(new Problem("subject", "is required for channel " + template.channel().jsonName()));
        } else if (subject.length() > MAX_SUBJECT_CHARS) {
            problems.add(new Problem("subject", "must be at most " + MAX_SUBJECT_CHARS + " characters"));
        } else if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
            problems.add(new Problem("subject", "must be one line"));
        } else {
            compiles("subject", subject, problems);
        }
    }

    private static void checkBody(MessageTemplate template, List<Problem> problems) {
        String body = template.body();
        int max = ChannelFormats.countsSmsParts(template.channel()) ? MAX_SMS_BODY_CHARS : MAX_BODY_CHARS;
        if (body.isBlank()) {
            problems.add(new Problem("body", "must not be empty"));
        } else if (template.channel() == SendChannel.NEWSLETTER) {
            if (NewsletterLists.listId(template).isEmpty()) {
                problems.add(new Problem("body", "must be the newsletter list id: 1-12 digits, not starting with 0"));
            }
        } else if (body.length() > max) {
            problems.add(new Problem("body", "must be at most " + max + " characters for channel "
                    + template.channel().jsonName()));
        } else {
            compiles("body", body, problems);
        }
    }

    private static void compiles(String field, String source, List<Problem> problems) {
        for (String reason : TemplateCompiler.shared().compile(source).problems()) {
            problems.add(new Problem(field, reason));
        }
    }

    private static String text(JsonNode root, String key, List<Problem> problems) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            problems.add(new Problem(key, "is required"));
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new Problem(key, "must be text"));
            return null;
        }
        return node.asText();
    }

    private static String optionalText(JsonNode root, String key, List<Problem> problems) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new Problem(key, "must be text or null"));
            return null;
        }
        return node.asText();
    }

    private static SendChannel channel(JsonNode root, List<Problem> problems) {
        String name = text(root, "channel", problems);
        if (name == null) {
            return null;
        }
        Optional<SendChannel> channel = SendChannel.fromJsonName(name);
        if (channel.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (SendChannel c : SendChannel.values()) {
                names.add(c.jsonName());
            }
            problems.add(new Problem("channel", "must be one of " + String.join(", ", names)));
            return null;
        }
        return channel.get();
    }

    private static String language(JsonNode root, List<Problem> problems) {
        JsonNode node = root.get("language");
        if (node == null || node.isNull()) {
            return DEFAULT_LANGUAGE;
        }
        if (!node.isTextual() || !LANGUAGES.contains(node.asText())) {
            problems.add(new Problem("language", "must be one of " + String.join(", ", sorted(LANGUAGES))));
            return null;
        }
        return node.asText();
    }

    private static List<String> sorted(Set<String> values) {
        List<String> list = new ArrayList<>(values);
        list.sort(null);
        return list;
    }
}
