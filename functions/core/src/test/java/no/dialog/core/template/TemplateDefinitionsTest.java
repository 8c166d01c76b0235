package no.dialog.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import no.dialog.core.contact.Problem;
import no.dialog.core.journey.SendChannel;
import org.junit.jupiter.api.Test;

class TemplateDefinitionsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ObjectNode sms(String body) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", "student-ask").put("channel", "sms").put("body", body);
        return node;
    }

    private static List<Problem> problems(JsonNode node) {
        TemplateDefinitions.Parsed parsed = TemplateDefinitions.parse(node);
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.template()).isNull();
        return parsed.problems();
    }

    @Test
    void readsAnSmsTemplateWithTheDefaultLanguage() {
        TemplateDefinitions.Parsed parsed = TemplateDefinitions.parse(json(
                "{\"id\":\"student-ask\",\"channel\":\"sms\",\"subject\":null,"
                        + "\"body\":\"Hei {{ firstName }}! {% if link %}Svar her: {{ link }}{% endif %}\"}"));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.template()).isEqualTo(new MessageTemplate("student-ask", SendChannel.SMS, "nb", null,
                "Hei {{ firstName }}! {% if link %}Svar her: {{ link }}{% endif %}"));
    }

    @Test
    void readsAnEmailTemplateAndWritesItBack() {
        JsonNode input = json("{\"id\":\"thanks-2026\",\"channel\":\"email\",\"language\":\"en\","
                + "\"subject\":\"Thank you, {{ firstName }}\",\"body\":\"<p>{{ amount }}</p>\"}");
        TemplateDefinitions.Parsed parsed = TemplateDefinitions.parse(input);
        assertThat(parsed.problems()).isEmpty();
        assertThat(TemplateDefinitions.toJson(parsed.template())).isEqualTo(input);
        assertThat(TemplateDefinitions.parse(TemplateDefinitions.toJson(parsed.template())).template())
                .isEqualTo(parsed.template());
    }

    @Test
    void toJsonWritesANullSubjectAndTheChannelsJsonName() {
        ObjectNode node = TemplateDefinitions.toJson(new MessageTemplate("a", SendChannel.TELEMARKETING, "nb", null, "x"));
        assertThat(node.get("channel").asText()).isEqualTo("telemarketing");
        assertThat(node.get("subject").isNull()).isTrue();
    }

    @Test
    void idChannelAndLanguageAreChecked() {
        assertThat(problems(json("{\"id\":\"Student_Ask\",\"channel\":\"fax\",\"language\":\"sv\",\"body\":\"x\"}")))
                .extracting(Problem::field).containsExactly("id", "channel", "language");
        assertThat(problems(json("{\"id\":\"-a\",\"channel\":\"sms\",\"body\":\"x\"}"))).extracting(Problem::field)
                .containsExactly("id");
        assertThat(problems(json("{\"id\":\"" + "a".repeat(64) + "\",\"channel\":\"sms\",\"body\":\"x\"}")))
                .extracting(Problem::field).containsExactly("id");
        assertThat(TemplateDefinitions.parse(json("{\"id\":\"" + "a".repeat(63) + "\",\"channel\":\"sms\",\"body\":\"x\"}"))
                .ok()).isTrue();
        assertThat(problems(json("{\"channel\":\"sms\",\"body\":\"x\",\"extra\":1}")))
                .containsExactly(new Problem("extra", "unknown key"), new Problem("id", "is required"));
        assertThat(problems(json("[1]"))).containsExactly(new Problem("", "must be a JSON object"));
    }

    @Test
    void aNewsletterTemplateIsTheListIdAndNothingElse() {
        assertThat(TemplateDefinitions.parse(json("{\"id\":\"news\",\"channel\":\"newsletter\",\"body\":\"1466\"}"))
                .template().body()).isEqualTo("1466");
        assertThat(TemplateDefinitions.parse(json("{\"id\":\"news\",\"channel\":\"newsletter\",\"body\":\" 1466 \"}"))
                .ok()).as("whitespace around the id").isTrue();
        for (String body : new String[] {"Nyhetsbrev", "0146", "{{ firstName }}", "1466 1467", "1234567890123"}) {
            assertThat(problems(json("{\"id\":\"a\",\"channel\":\"newsletter\",\"body\":\"" + body + "\"}")))
                    .as(body).containsExactly(new Problem("body",
                            "must be the newsletter list id: 1-12 digits, not starting with 0"));
        }
        assertThat(problems(json("{\"id\":\"a\",\"channel\":\"newsletter\",\"subject\":\"Nytt\",\"body\":\"1466\"}")))
                .containsExactly(new Problem("subject", "must be absent or null for channel newsletter"));
    }

    @Test
    void emailNeedsAShortOneLineSubjectAndOtherChannelsNone() {
        assertThat(problems(json("{\"id\":\"a\",\"channel\":\"email\",\"body\":\"x\"}")))
                .containsExactly(new Problem("subject", "is required for channel email"));
        ObjectNode longSubject = sms("x").put("channel", "email").put("subject", "s".repeat(201));
        assertThat(problems(longSubject)).containsExactly(new Problem("subject", "must be at most 200 characters"));
        assertThat(TemplateDefinitions.parse(longSubject.put("subject", "s".repeat(200))).ok()).isTrue();
        assertThat(problems(sms("x").put("channel", "email").put("subject", "a\nb")))
                .containsExactly(new Problem("subject", "must be one line"));
        assertThat(problems(sms("x").put("subject", "Hei")))
                .containsExactly(new Problem("subject", "must be absent or null for channel sms"));
    }

    @Test
    void bodyLengthDependsOnTheChannel() {
        assertThat(problems(sms(" \n"))).containsExactly(new Problem("body", "must not be empty"));
        assertThat(TemplateDefinitions.parse(sms("a".repeat(1_600))).ok()).isTrue();
        assertThat(problems(sms("a".repeat(1_601))))
                .containsExactly(new Problem("body", "must be at most 1600 characters for channel sms"));
        ObjectNode letter = sms("a".repeat(10_000)).put("channel", "letter");
        assertThat(TemplateDefinitions.parse(letter).ok()).isTrue();
        assertThat(problems(letter.put("body", "a".repeat(10_001))))
                .containsExactly(new Problem("body", "must be at most 10000 characters for channel letter"));
        assertThat(problems(sms("x").putNull("body"))).containsExactly(new Problem("body", "is required"));
        assertThat(problems(sms("x").put("body", 5))).containsExactly(new Problem("body", "must be text"));
    }

    @Test
    void unknownMergeFieldsAreNamedWithTheirLine() {
        assertThat(problems(sms("Hei {{ fornavn }}!\n{% if lenke %}{{ link }}{% endif %}"))).containsExactly(
                new Problem("body", "unknown merge field 'fornavn' (line 1)"),
                new Problem("body", "unknown merge field 'lenke' (line 2)"));
        assertThat(problems(sms("x").put("channel", "email").put("subject", "Hei {{ firstname }}")))
                .containsExactly(new Problem("subject", "unknown merge field 'firstname' (line 1)"));
    }

    @Test
    void reasonsNeverEchoTheTextAroundTheProblem() {
        List<Problem> found = problems(sms("Ring Ola Nordmann på 91234567 {{ telefon }}"));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).reason()).doesNotContain("Ola", "91234567");
    }

    @Test
    void javaIsOutOfReach() {
        assertThat(problems(sms("{{ firstName.getClass() }}")))
                .containsExactly(new Problem("body", "methods cannot be called (line 1)"));
        assertThat(problems(sms("{{ firstName.class.name }}"))).extracting(Problem::reason)
                .allMatch(r -> r.startsWith("'.' and '[ ]' can only be used on attributes"));
        assertThat(problems(sms("{{ attributes.kommune.bytes }}"))).extracting(Problem::reason)
                .allMatch(r -> r.startsWith("'.' and '[ ]' can only be used on attributes"));
        assertThat(problems(sms("{{ attributes.getClass() }}")))
                .containsExactly(new Problem("body", "methods cannot be called (line 1)"));
        assertThat(problems(sms("{{ attributes[firstName] }}")))
                .containsExactly(new Problem("body", "an attribute name must be written out (attributes.name) (line 1)"));
    }

    @Test
    void onlyIfTagsAndTheSafeFiltersAreAvailable() {
        for (String tag : List.of("{% include 'x' %}", "{% set a = 1 %}", "{% for x in attributes %}{% endfor %}",
                "{% extends 'x' %}", "{% macro m() %}{% endmacro %}", "{% import 'x' %}")) {
            assertThat(problems(sms(tag))).as(tag).extracting(Problem::reason)
                    .anyMatch(r -> r.contains("only {% if %}"));
        }
        assertThat(problems(sms("{{ range(1, 5) }}"))).extracting(Problem::reason)
                .containsExactly("this kind of expression is not allowed (only merge fields, text, numbers, "
                        + "comparisons, ~, filters and tests) (line 1)");
        assertThat(problems(sms("{{ link ? 'a' : 'b' }}"))).extracting(Problem::reason)
                .allMatch(r -> r.startsWith("this kind of expression is not allowed"));
        assertThat(problems(sms("{{ amount + 1 }}"))).extracting(Problem::reason)
                .allMatch(r -> r.startsWith("this kind of expression is not allowed"));
        assertThat(problems(sms("{{ attributes.x | numberformat('#') }}")))
                .containsExactly(new Problem("body", "filter 'numberformat' is not available (line 1)"));
        assertThat(problems(sms("{{ firstName | base64encode }}")))
                .containsExactly(new Problem("body", "filter 'base64encode' is not available (line 1)"));
        assertThat(problems(sms("{% if firstName is iterable %}x{% endif %}")))
                .containsExactly(new Problem("body", "test 'iterable' is not available (line 1)"));
        assertThat(TemplateDefinitions.parse(sms(
                "{{ firstName | upper }} {{ lastName | default('venn') | capitalize }} {{ amount | trim }} "
                        + "{% if membershipType is not null and membershipType == 'student' %}x{% endif %}"
                        + "{{ firstName ~ '!' }} {{ link | urlencode }}")).problems()).isEmpty();
    }

    @Test
    void syntaxErrorsSayWhatAndWhereWithoutNamingTheSource() {
        List<Problem> found = problems(sms("Hei Kari\n{% if firstName %}x"));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).field()).isEqualTo("body");
        assertThat(found.get(0).reason()).startsWith("does not compile: ").doesNotContain("Kari");
        assertThat(found.get(0).reason()).isEqualTo(
                "does not compile: Unexpected end of template. Pebble was looking for the \"endif\" tag (line 2)");
        assertThat(problems(sms("{{ firstName "))).containsExactly(
                new Problem("body", "does not compile: Unexpected character [end of template] (line 1)"));
    }

    @Test
    void checkReportsTheSameRulesForABuiltTemplate() {
        assertThat(TemplateDefinitions.check(new MessageTemplate("a", SendChannel.EMAIL, "nb", null, "{{ x }}")))
                .containsExactly(new Problem("subject", "is required for channel email"),
                        new Problem("body", "unknown merge field 'x' (line 1)"));
        assertThat(TemplateDefinitions.check(new MessageTemplate("a", SendChannel.SMS, "nb", null, "Hei"))).isEmpty();
    }
}
