package no.dialog.core.journey;

import static no.dialog.core.journey.JourneyFixtures.ANY_TEMPLATE;
import static no.dialog.core.journey.JourneyFixtures.addStep;
import static no.dialog.core.journey.JourneyFixtures.example;
import static no.dialog.core.journey.JourneyFixtures.parseOk;
import static no.dialog.core.journey.JourneyFixtures.templates;
import static no.dialog.core.journey.JourneyFixtures.with;
import static no.dialog.core.journey.JourneyFixtures.without;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import no.dialog.core.contact.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JourneyValidationTest {

    private static final JourneyValidation.Templates STUDENT_TEMPLATES =
            templates("student-ask@sms", "student-remind@sms");

    @Test
    void theShippedExampleMayBeActivated() {
        assertThat(JourneyValidation.forActivation(parseOk(example()), STUDENT_TEMPLATES)).isEmpty();
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("no goal", r -> without(r, "/goal"), "goal", "is required"),
                rule("zero goal window", r -> with(r, "/goal/window", "\"PT0S\""), "goal.window", "longer than zero"),
                rule("no start", r -> without(r, "/start"), "start", "is required"),
                rule("start names no step", r -> with(r, "/start", "\"begin\""), "start", "names no step"),
                rule("no steps", r -> with(with(r, "/steps", "[]"), "/start", "\"ask\""), "steps",
                        "at least one step"),
                rule("next names no step", r -> with(r, "/steps/2/next", "\"wait-agian\""), "steps.remind.next",
                        "names no step"),
                rule("next missing", r -> without(r, "/steps/2/next"), "steps.remind.next", "is required"),
                rule("timeoutNext missing", r -> without(r, "/steps/1/timeoutNext"), "steps.wait-answer.timeoutNext",
                        "is required"),
                rule("unreachable step", r -> addStep(r, "{\"id\":\"orphan\",\"type\":\"exit\"}"), "steps.orphan",
                        "cannot be reached"),
                rule("branch case edge to nowhere", r -> with(r, "/steps/3", "{\"id\":\"wait-again\",\"type\":\"branch\","
                        + "\"cases\":[{\"goalReached\":true,\"next\":\"nowhere\"}],\"otherwise\":\"done\"}"),
                        "steps.wait-again.cases[0].next", "names no step"),
                rule("branch otherwise missing", r -> with(r, "/steps/3", "{\"id\":\"wait-again\",\"type\":\"branch\","
                        + "\"cases\":[{\"goalReached\":true,\"next\":\"done\"}]}"),
                        "steps.wait-again.otherwise", "is required"),
                rule("split path to nowhere", r -> with(r, "/steps/3", "{\"id\":\"wait-again\",\"type\":\"split\","
                        + "\"paths\":[{\"name\":\"A\",\"weight\":1,\"next\":\"done\"},{\"name\":\"B\",\"weight\":1}]}"),
                        "steps.wait-again.paths[1].next", "is required"),
                rule("split weight zero", r -> with(r, "/steps/3", "{\"id\":\"wait-again\",\"type\":\"split\","
                        + "\"paths\":[{\"name\":\"A\",\"weight\":1,\"next\":\"done\"},{\"name\":\"B\",\"weight\":0,\"next\":\"done\"}]}"),
                        "steps.wait-again.paths[1].weight", "at least 1"),
                rule("variant weight negative", r -> with(without(r, "/steps/0/templateId"), "/steps/0/variants",
                        "[{\"name\":\"A\",\"templateId\":\"student-ask\",\"weight\":-1}]"),
                        "steps.ask.variants[0].weight", "at least 1"),
                rule("template missing", r -> with(r, "/steps/2/templateId", "\"student-remnd\""),
                        "steps.remind.templateId", "no sms template"),
                rule("variant template missing", r -> with(without(r, "/steps/0/templateId"), "/steps/0/variants",
                        "[{\"name\":\"A\",\"templateId\":\"student-ask\",\"weight\":1},"
                                + "{\"name\":\"B\",\"templateId\":\"student-ask-b\",\"weight\":1}]"),
                        "steps.ask.variants[1].templateId", "no sms template"),
                rule("template on another channel only", r -> with(r, "/steps/0/channel", "\"email\""),
                        "steps.ask.templateId", "no email template"),
                rule("fallback template missing", r -> with(r, "/steps/0/fallback", "\"email\""),
                        "steps.ask.templateId", "no email template <id>-email for the fallback"),
                rule("fallback same channel", r -> with(r, "/steps/0/fallback", "\"sms\""), "steps.ask.fallback",
                        "another channel"),
                rule("zero wait", r -> with(r, "/steps/3/duration", "\"PT0S\""), "steps.wait-again.duration",
                        "longer than zero"),
                rule("negative timeout", r -> with(r, "/steps/1/timeout", "\"-P1D\""), "steps.wait-answer.timeout",
                        "longer than zero"),
                rule("recurring every zero", r -> with(r, "/trigger",
                        "{\"type\":\"recurring\",\"segmentId\":\"s\",\"every\":\"PT0S\"}"), "trigger.every",
                        "longer than zero"),
                rule("max enrolments zero", r -> with(r, "/entry/maxEnrolments", "0"), "entry.maxEnrolments",
                        "at least 1"),
                rule("loop without a wait", r -> addStep(with(r, "/steps/2/next", "\"check\""), "{\"id\":\"check\",\"type\":\"branch\",\"cases\":[{\"goalReached\":true,"
                                + "\"next\":\"done\"}],\"otherwise\":\"remind\"}"),
                        "steps.remind", "loop without a wait step (with check)"),
                rule("step leading to itself", r -> with(r, "/steps/2",
                        "{\"id\":\"remind\",\"type\":\"update\",\"field\":\"tags\",\"value\":\"x\",\"next\":\"remind\"}"),
                        "steps.remind", "leads back to itself"));
    }

    private static Arguments rule(String name, UnaryOperator<ObjectNode> edit, String field, String reason) {
        return Arguments.of(name, edit, field, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleNamesTheStep(String name, UnaryOperator<ObjectNode> edit, String field, String reason) {
        JourneyDefinition definition = parseOk(edit.apply(example()));

        List<Problem> problems = JourneyValidation.forActivation(definition, STUDENT_TEMPLATES);

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.reason()).contains(reason);
        });
    }

    @Test
    void aLoopThroughAWaitIsAllowed() {
        // remind -> wait-again -> remind: a person is reminded weekly until the goal ends the journey.
        ObjectNode looping = with(example(), "/steps/3/next", "\"remind\"");
        without(looping, "/steps/4");
        with(looping, "/steps/1/next", "\"remind\"");

        assertThat(JourneyValidation.forActivation(parseOk(looping), STUDENT_TEMPLATES)).isEmpty();
    }

    @Test
    void aLoopIsReportedOnceAtItsFirstStep() {
        ObjectNode looping = with(example(), "/steps/2/next", "\"a\"");
        addStep(looping, "{\"id\":\"a\",\"type\":\"update\",\"field\":\"tags\",\"value\":\"x\",\"next\":\"b\"}");
        addStep(looping, "{\"id\":\"b\",\"type\":\"update\",\"field\":\"tags\",\"value\":\"y\",\"next\":\"remind\"}");

        List<Problem> problems = JourneyValidation.forActivation(parseOk(looping), STUDENT_TEMPLATES);

        assertThat(problems).filteredOn(p -> p.reason().contains("loop")).containsExactly(
                new Problem("steps.remind", "is in a loop without a wait step (with a, b)"));
    }

    @Test
    void aFallbackUsesTheTemplateIdWithTheFallbackChannelAppended() {
        ObjectNode withFallback = with(example(), "/steps/0/fallback", "\"email\"");

        assertThat(JourneyValidation.forActivation(parseOk(withFallback),
                templates("student-ask@sms", "student-ask-email@email", "student-remind@sms"))).isEmpty();
        assertThat(JourneyValidation.forActivation(parseOk(withFallback),
                templates("student-ask@sms", "student-ask@email", "student-remind@sms"))).isNotEmpty();
    }

    @Test
    void aRunTooLongForOneAdvanceIsRefused() {
        ObjectNode longRun = with(example(), "/steps/2/next", "\"u0\"");
        int length = JourneyEngine.MAX_STEPS_PER_ADVANCE;
        for (int i = 0; i < length; i++) {
            String next = i + 1 < length ? "u" + (i + 1) : "wait-again";
            addStep(longRun, "{\"id\":\"u" + i + "\",\"type\":\"update\",\"field\":\"tags\",\"value\":\"t\",\"next\":\""
                    + next + "\"}");
        }

        assertThat(JourneyValidation.forActivation(parseOk(longRun), STUDENT_TEMPLATES))
                .extracting(Problem::field).containsExactly("steps.remind");
    }

    @Test
    void aCleanDefinitionWithEveryStepTypeHasNoProblems() {
        assertThat(JourneyValidation.forActivation(parseOk(JourneyDefinitionsTest.EVERY_FORM), ANY_TEMPLATE))
                .isEmpty();
    }
}
