package no.dialog.core.journey;

import static no.dialog.core.journey.JourneyFixtures.MAPPER;
import static no.dialog.core.journey.JourneyFixtures.example;
import static no.dialog.core.journey.JourneyFixtures.json;
import static no.dialog.core.journey.JourneyFixtures.parseOk;
import static no.dialog.core.journey.JourneyFixtures.with;
import static no.dialog.core.journey.JourneyFixtures.without;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import no.dialog.core.contact.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JourneyDefinitionsTest {

    /** Every step type and option in canonical form (the form toJson writes). */
    static final String EVERY_FORM = """
            {"name":"Takk for gaven",
             "trigger":{"type":"signal","signal":{"type":"GiftReceived","where":{"channel":"vipps"},"sameJourney":false},"dedupAttribute":"giftId"},
             "entry":{"reenterAfterExit":true,"maxEnrolments":5000},
             "goal":{"signal":{"type":"paid","sameJourney":false},"window":"PT36H","exitOnGoal":false},
             "start":"thanks",
             "steps":[
              {"id":"thanks","type":"send","channel":"sms","variants":[{"name":"A","templateId":"t-a","weight":50},{"name":"B","templateId":"t-b","weight":50}],"fallback":"email","next":"morning"},
              {"id":"morning","type":"waitUntil","days":["MONDAY","TUESDAY"],"time":"10:00","next":"weekday"},
              {"id":"weekday","type":"waitUntil","days":"weekdays","time":"09:30","next":"anyday"},
              {"id":"anyday","type":"waitUntil","days":"any","time":"18:05","next":"pause"},
              {"id":"pause","type":"wait","duration":"PT5M","next":"answer"},
              {"id":"answer","type":"waitForSignal","signal":{"type":"answered","where":{"question":"monthly","value":"yes"},"sameJourney":true},"timeout":"P3D","next":"route","timeoutNext":"route"},
              {"id":"route","type":"branch","cases":[
                {"when":{"all":[{"field":"membership.type","op":"equals","value":"student"},{"field":"age","op":"exists"}]},"next":"pick"},
                {"received":{"type":"clicked","sameJourney":true},"next":"pick"},
                {"goalReached":true,"next":"done"}],
               "otherwise":"pick"},
              {"id":"pick","type":"split","paths":[{"name":"A","weight":70,"next":"mark"},{"name":"B","weight":30,"next":"tag"}]},
              {"id":"mark","type":"update","field":"attributes.stillStudent","value":false,"next":"clear"},
              {"id":"clear","type":"update","field":"attributes.examDate","value":null,"next":"done"},
              {"id":"tag","type":"update","field":"tags","value":"gave-2026","next":"done"},
              {"id":"done","type":"exit"}]}
            """;

    @Test
    void theShippedExampleRoundTripsToTheSameText() throws Exception {
        JsonNode original = example();
        JsonNode written = JourneyDefinitions.toJson(parseOk(original));

        assertThat(MAPPER.writeValueAsString(written)).isEqualTo(MAPPER.writeValueAsString(original));
    }

    @Test
    void theShippedExampleReadsAsTheStudentJourney() {
        JourneyDefinition definition = parseOk(example());

        assertThat(definition.trigger()).isEqualTo(new Trigger.Campaign("students-past-exam", null));
        assertThat(definition.goal().window()).isEqualTo(Duration.ofDays(14));
        assertThat(definition.goal().signal().where()).containsEntry("question", "still-student");
        assertThat(definition.startStepId()).isEqualTo("ask");
        assertThat(definition.steps().keySet()).containsExactly("ask", "wait-answer", "remind", "wait-again", "done");
        Step.Send ask = (Step.Send) definition.step("ask");
        assertThat(ask).isEqualTo(new Step.Send("ask", SendChannel.SMS,
                List.of(new Step.Variant("A", "student-ask", 1)), null, "wait-answer", ask.page()));
        // The landing page behind the SMS's link asks the question the goal waits for.
        assertThat(ask.page().questions().get(0).id()).isEqualTo("still-student");
        assertThat(definition.step("wait-answer")).isEqualTo(new Step.WaitForSignal("wait-answer",
                new SignalMatch("answered", Map.of("question", "still-student"), true), Duration.ofDays(7), "done",
                "remind"));
    }

    @Test
    void everyFormRoundTripsToTheSameTextAndTheSameDefinition() throws Exception {
        JsonNode original = json(EVERY_FORM);
        JourneyDefinition definition = parseOk(original);
        JsonNode written = JourneyDefinitions.toJson(definition);

        assertThat(MAPPER.writeValueAsString(written)).isEqualTo(MAPPER.writeValueAsString(original));
        assertThat(parseOk(written)).isEqualTo(definition);
    }

    @Test
    void everyFormReadsIntoTheModel() {
        JourneyDefinition definition = parseOk(EVERY_FORM);

        assertThat(definition.trigger()).isEqualTo(new Trigger.OnSignal(
                new SignalMatch("GiftReceived", java.util.Map.of("channel", "vipps"), false), "giftId"));
        assertThat(definition.entry()).isEqualTo(new EntryRules(true, 5000L));
        assertThat(definition.goal().window()).isEqualTo(Duration.ofHours(36));
        Step.Send thanks = (Step.Send) definition.step("thanks");
        assertThat(thanks.variants()).extracting(Step.Variant::weight).containsExactly(50, 50);
        assertThat(thanks.fallback()).isEqualTo(SendChannel.EMAIL);
        assertThat(((Step.WaitUntil) definition.step("weekday")).days())
                .containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(((Step.WaitUntil) definition.step("anyday")).days()).hasSize(7);
        Step.Branch route = (Step.Branch) definition.step("route");
        assertThat(route.cases().get(0).contact()).isNotNull();
        assertThat(route.cases().get(1).received()).isEqualTo(new SignalMatch("clicked", null, true));
        assertThat(route.cases().get(2).goalReached()).isTrue();
        assertThat(((Step.Update) definition.step("clear")).value().isNull()).isTrue();
        assertThat(((Step.Split) definition.step("pick")).paths())
                .containsExactly(new Step.SplitPath("A", 70, "mark"), new Step.SplitPath("B", 30, "tag"));
    }

    @Test
    void recurringTriggerAndCampaignStartRoundTrip() throws Exception {
        for (String trigger : List.of("{\"type\":\"recurring\",\"segmentId\":\"new-members\",\"every\":\"P1D\"}",
                "{\"type\":\"campaign\",\"segmentId\":\"x\",\"startAt\":\"2026-09-01T08:00:00Z\"}")) {
            ObjectNode original = with(example(), "/trigger", trigger);
            assertThat(MAPPER.writeValueAsString(JourneyDefinitions.toJson(parseOk(original))))
                    .isEqualTo(MAPPER.writeValueAsString(original));
        }
        assertThat(parseOk(with(example(), "/trigger",
                "{\"type\":\"campaign\",\"segmentId\":\"x\",\"startAt\":\"2026-09-01T10:00:00+02:00\"}")).trigger())
                .isEqualTo(new Trigger.Campaign("x", Instant.parse("2026-09-01T08:00:00Z")));
    }

    @Test
    void nonCanonicalInputIsWrittenInCanonicalForm() {
        ObjectNode input = with(example(), "/steps/3/duration", "\"PT168H\"");
        without(input, "/entry");
        with(input, "/steps/0", "{\"id\":\"ask\",\"type\":\"send\",\"channel\":\"sms\","
                + "\"variants\":[{\"name\":\"A\",\"templateId\":\"student-ask\",\"weight\":1}],\"next\":\"wait-answer\","
                + "\"page\":" + example().at("/steps/0/page") + "}");

        JsonNode written = JourneyDefinitions.toJson(parseOk(input));

        assertThat(written).isEqualTo(example());
    }

    @Test
    void aDraftWithoutGoalStartOrEdgesStillParses() {
        ObjectNode draft = without(without(without(example(), "/goal"), "/start"), "/steps/0/next");

        JourneyDefinition definition = parseOk(draft);

        assertThat(definition.goal()).isNull();
        assertThat(definition.startStepId()).isNull();
        assertThat(((Step.Send) definition.step("ask")).next()).isNull();
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                problem("timeout not a duration", r -> with(r, "/steps/1/timeout", "\"7 days\""),
                        "steps[1].timeout", "ISO-8601 duration"),
                problem("goal window a number", r -> with(r, "/goal/window", "14"), "goal.window", "must be text"),
                problem("goal from as long as its window", r -> with(r, "/goal/from", "\"P14D\""), "goal.from",
                        "shorter than the window"),
                problem("goal from negative", r -> with(r, "/goal/from", "\"-P1D\""), "goal.from", "not be negative"),
                problem("segment missing", r -> without(r, "/trigger/segmentId"), "trigger.segmentId", "is required"),
                problem("unknown trigger type", r -> with(r, "/trigger/type", "\"weekly\""), "trigger.type",
                        "campaign, signal or recurring"),
                problem("startAt without offset", r -> with(r, "/trigger/startAt", "\"2026-09-01 08:00\""),
                        "trigger.startAt", "time with offset"),
                problem("unknown channel", r -> with(r, "/steps/0/channel", "\"pigeon\""), "steps[0].channel",
                        "must be one of"),
                problem("misspelt step property", r -> with(r, "/steps/0/templat", "\"x\""), "steps[0].templat",
                        "unknown property"),
                problem("misspelt top-level property", r -> with(r, "/nmae", "\"x\""), "nmae", "unknown property"),
                problem("misspelt goal property", r -> with(r, "/goal/exitOnGoals", "true"), "goal.exitOnGoals",
                        "unknown property"),
                problem("step id with capitals", r -> with(r, "/steps/2/id", "\"Remind\""), "steps[2].id",
                        "lower-case"),
                problem("duplicate step id", r -> with(r, "/steps/3/id", "\"ask\""), "steps[3].id",
                        "used by another step"),
                problem("unknown step type", r -> with(r, "/steps/4/type", "\"stop\""), "steps[4].type",
                        "must be send, wait"),
                problem("where value a number", r -> with(r, "/goal/signal/where/question", "5"),
                        "goal.signal.where.question", "must be text"),
                problem("sameJourney not boolean", r -> with(r, "/goal/signal/sameJourney", "\"yes\""),
                        "goal.signal.sameJourney", "true or false"),
                problem("maxEnrolments text", r -> with(r, "/entry/maxEnrolments", "\"many\""),
                        "entry.maxEnrolments", "whole number"),
                problem("next a number", r -> with(r, "/steps/1/next", "3"), "steps[1].next", "must be text"),
                problem("steps an object", r -> with(r, "/steps", "{}"), "steps", "must be an array"),
                problem("steps missing", r -> without(r, "/steps"), "steps", "is required"),
                problem("name blank", r -> with(r, "/name", "\"  \""), "name", "characters"),
                problem("template and variants", r -> with(r, "/steps/0/variants",
                        "[{\"name\":\"A\",\"templateId\":\"t\",\"weight\":1}]"), "steps[0]", "not both"),
                problem("neither template nor variants", r -> without(r, "/steps/0/templateId"), "steps[0]",
                        "needs templateId or variants"),
                problem("variant weight as text", r -> with(without(r, "/steps/0/templateId"), "/steps/0/variants",
                        "[{\"name\":\"A\",\"templateId\":\"t\",\"weight\":1},{\"name\":\"B\",\"templateId\":\"u\",\"weight\":\"50\"}]"),
                        "steps[0].variants[1].weight", "whole number"),
                problem("duplicate variant name", r -> with(without(r, "/steps/0/templateId"), "/steps/0/variants",
                        "[{\"name\":\"A\",\"templateId\":\"t\",\"weight\":1},{\"name\":\"A\",\"templateId\":\"u\",\"weight\":1}]"),
                        "steps[0].variants[1].name", "used by another variant"),
                problem("unknown fallback", r -> with(r, "/steps/0/fallback", "\"fax\""), "steps[0].fallback",
                        "must be one of"),
                problem("waitUntil days unknown", r -> with(r, "/steps/3",
                        "{\"id\":\"wait-again\",\"type\":\"waitUntil\",\"days\":\"sometimes\",\"time\":\"10:00\"}"),
                        "steps[3].days", "weekdays"),
                problem("waitUntil day misspelt", r -> with(r, "/steps/3",
                        "{\"id\":\"wait-again\",\"type\":\"waitUntil\",\"days\":[\"MONDAY\",\"monday\"],\"time\":\"10:00\"}"),
                        "steps[3].days[1]", "a day such as"),
                problem("waitUntil time out of range", r -> with(r, "/steps/3",
                        "{\"id\":\"wait-again\",\"type\":\"waitUntil\",\"days\":\"any\",\"time\":\"25:00\"}"),
                        "steps[3].time", "HH:mm"),
                problem("branch case with two conditions", r -> with(r, "/steps/3",
                        "{\"id\":\"wait-again\",\"type\":\"branch\",\"cases\":[{\"goalReached\":true,"
                                + "\"received\":{\"type\":\"x\"},\"next\":\"done\"}],\"otherwise\":\"done\"}"),
                        "steps[3].cases[0]", "exactly one of"),
                problem("branch criterion with unknown field", r -> with(r, "/steps/3",
                        "{\"id\":\"wait-again\",\"type\":\"branch\",\"cases\":[{\"when\":{\"field\":\"shoeSize\","
                                + "\"op\":\"equals\",\"value\":42},\"next\":\"done\"}],\"otherwise\":\"done\"}"),
                        "steps[3].cases[0].when.field", "unknown field"),
                problem("branch criterion asking about behaviour", r -> with(r, "/steps/3",
                        "{\"id\":\"wait-again\",\"type\":\"branch\",\"cases\":[{\"when\":{\"field\":\"journey.inNow\","
                                + "\"op\":\"equals\",\"value\":\"other\"},\"next\":\"done\"}],\"otherwise\":\"done\"}"),
                        "steps[3].cases[0].when", "journey.* fields are for segments"),
                problem("branch goalReached false", r -> with(r, "/steps/3",
                        "{\"id\":\"wait-again\",\"type\":\"branch\",\"cases\":[{\"goalReached\":false,"
                                + "\"next\":\"done\"}],\"otherwise\":\"done\"}"),
                        "steps[3].cases[0].goalReached", "must be true"),
                problem("branch without cases", r -> with(r, "/steps/3",
                        "{\"id\":\"wait-again\",\"type\":\"branch\",\"cases\":[],\"otherwise\":\"done\"}"),
                        "steps[3].cases", "non-empty"),
                problem("split duplicate path", r -> with(r, "/steps/3",
                        "{\"id\":\"wait-again\",\"type\":\"split\",\"paths\":[{\"name\":\"A\",\"weight\":1,"
                                + "\"next\":\"done\"},{\"name\":\"A\",\"weight\":1,\"next\":\"done\"}]}"),
                        "steps[3].paths[1].name", "used by another path"),
                problem("update of a register field", r -> with(r, "/steps/3",
                        "{\"id\":\"wait-again\",\"type\":\"update\",\"field\":\"firstName\",\"value\":\"x\"}"),
                        "steps[3].field", "attributes.<name> or tags"),
                problem("update with a bad tag", r -> with(r, "/steps/3",
                        "{\"id\":\"wait-again\",\"type\":\"update\",\"field\":\"tags\",\"value\":\"Not A Tag\"}"),
                        "steps[3].value", "a tag must be"),
                problem("update attribute to an object", r -> with(r, "/steps/3",
                        "{\"id\":\"wait-again\",\"type\":\"update\",\"field\":\"attributes.x\",\"value\":{\"a\":1}}"),
                        "steps[3].value", "must be text"),
                problem("update without value", r -> with(r, "/steps/3",
                        "{\"id\":\"wait-again\",\"type\":\"update\",\"field\":\"attributes.x\"}"),
                        "steps[3].value", "is required"),
                problem("exit with next", r -> with(r, "/steps/4/next", "\"ask\""), "steps[4].next",
                        "unknown property"));
    }

    private static Arguments problem(String name, UnaryOperator<ObjectNode> edit, String field, String reason) {
        return Arguments.of(name, edit, field, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void badInputIsReportedAtItsPath(String name, UnaryOperator<ObjectNode> edit, String field, String reason) {
        JourneyDefinitions.Parsed parsed = JourneyDefinitions.parse(edit.apply(example()));

        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.definition()).isNull();
        assertThat(parsed.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.reason()).contains(reason);
        });
    }

    @Test
    void problemsNeverEchoTheValues() {
        ObjectNode bad = with(example(), "/steps/1/timeout", "\"seven-days-secret\"");
        with(bad, "/steps/0/channel", "\"pigeon-secret\"");
        with(bad, "/name", "\"" + "n".repeat(201) + "\"");

        List<Problem> problems = JourneyDefinitions.parse(bad).problems();

        assertThat(problems).hasSize(3);
        assertThat(problems).allSatisfy(p -> assertThat(p.toString()).doesNotContain("secret").doesNotContain("nnnn"));
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        ObjectNode bad = with(example(), "/steps/1/timeout", "\"soon\"");
        with(bad, "/goal/window", "\"later\"");
        without(bad, "/trigger/segmentId");

        assertThat(JourneyDefinitions.parse(bad).problems()).extracting(Problem::field)
                .containsExactlyInAnyOrder("steps[1].timeout", "goal.window", "trigger.segmentId");
    }

    @Test
    void notAnObjectIsAProblemAtTheRoot() {
        assertThat(JourneyDefinitions.parse(json("[1,2]")).problems())
                .containsExactly(new Problem("", "must be a JSON object"));
        assertThat(JourneyDefinitions.parse(null).ok()).isFalse();
    }

    @Test
    void stepIdsFollowTheirPattern() {
        for (String good : List.of("a", "0", "ask-again-2", "a".repeat(40))) {
            assertThat(JourneyDefinitions.parse(with(example(), "/steps/4/id", "\"" + good + "\"")).ok())
                    .as(good).isTrue();
        }
        for (String bad : List.of("-a", "a_b", "a b", "a".repeat(41), "Ask")) {
            assertThat(JourneyDefinitions.parse(with(example(), "/steps/4/id", "\"" + bad + "\"")).problems())
                    .as(bad).extracting(Problem::field).contains("steps[4].id");
        }
    }

    @Test
    void updatableFieldsAreAttributesAndTags() {
        assertThat(UpdatableFields.attributeName("attributes.stillStudent")).contains("stillStudent");
        assertThat(UpdatableFields.attributeName("attributes.")).isEmpty();
        assertThat(UpdatableFields.attributeName("email")).isEmpty();
        assertThat(UpdatableFields.check("tags", json("\"gave-2026\""))).isEmpty();
        assertThat(UpdatableFields.check("attributes.score", json("3.5"))).isEmpty();
        assertThat(UpdatableFields.check("attributes.score", json("[1]"))).isPresent();
        assertThat(UpdatableFields.check("phone", json("\"1\""))).get()
                .extracting(UpdatableFields.FieldProblem::field).isEqualTo("field");
        assertThat(Set.of(UpdatableFields.TAGS)).containsExactly("tags");
    }
}
