package no.dialog.core.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JourneyLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private static JourneyHead head(JourneyStatus status, int latest, int active) {
        return new JourneyHead("j", "Journey", status, latest, active, T0, 5);
    }

    @Test
    void aCreatedJourneyIsADraftAtVersionOneNeverActive() {
        assertThat(JourneyLifecycle.created("j", "Journey", T0))
                .isEqualTo(new JourneyHead("j", "Journey", JourneyStatus.DRAFT, 1, 0, T0, 1));
    }

    @Test
    void editsFollowTheStatus() {
        JourneyLifecycle.Edit draft = JourneyLifecycle.edit(head(JourneyStatus.DRAFT, 1, 0), "New", T1);
        assertThat(draft.writtenVersion()).isEqualTo(1);
        assertThat(draft.newVersion()).isFalse();
        assertThat(draft.head()).isEqualTo(new JourneyHead("j", "New", JourneyStatus.DRAFT, 1, 0, T1, 6));

        JourneyLifecycle.Edit active = JourneyLifecycle.edit(head(JourneyStatus.ACTIVE, 3, 3), "Journey", T1);
        assertThat(active.writtenVersion()).isEqualTo(4);
        assertThat(active.newVersion()).isTrue();
        assertThat(active.head().activeVersion()).isEqualTo(4);

        JourneyLifecycle.Edit paused = JourneyLifecycle.edit(head(JourneyStatus.PAUSED, 3, 2), "Journey", T1);
        assertThat(paused.writtenVersion()).isEqualTo(4);
        assertThat(paused.head().activeVersion()).isEqualTo(2);
        assertThat(paused.head().status()).isEqualTo(JourneyStatus.PAUSED);

        assertThatThrownBy(() -> JourneyLifecycle.edit(head(JourneyStatus.ENDED, 3, 3), "Journey", T1))
                .isInstanceOf(JourneyConflict.class).hasMessage("journey j has ended and can no longer be edited");
    }

    @ParameterizedTest
    @CsvSource({
            "DRAFT,  ACTIVE, 2, 2",
            "ACTIVE, PAUSED, 2, 1",
            "ACTIVE, ENDED,  2, 1",
            "PAUSED, ACTIVE, 2, 2",
            "PAUSED, ENDED,  2, 1"})
    void allowedStatusChanges(JourneyStatus from, JourneyStatus to, int latest, int expectedActive) {
        int active = from == JourneyStatus.DRAFT ? 0 : 1;
        JourneyHead next = JourneyLifecycle.changeStatus(head(from, latest, active), to, T1);

        assertThat(next.status()).isEqualTo(to);
        assertThat(next.activeVersion()).isEqualTo(expectedActive);
        assertThat(next.latestVersion()).isEqualTo(latest);
        assertThat(next.revision()).isEqualTo(6);
        assertThat(next.updatedAt()).isEqualTo(T1);
    }

    @ParameterizedTest
    @CsvSource({"DRAFT, PAUSED", "DRAFT, ENDED", "DRAFT, DRAFT", "ACTIVE, ACTIVE", "ACTIVE, DRAFT", "PAUSED, PAUSED",
            "PAUSED, DRAFT", "ENDED, ACTIVE", "ENDED, DRAFT", "ENDED, ENDED"})
    void everyOtherStatusChangeIsRefusedWithItsRule(JourneyStatus from, JourneyStatus to) {
        assertThatThrownBy(() -> JourneyLifecycle.changeStatus(head(from, 1, from == JourneyStatus.DRAFT ? 0 : 1), to, T1))
                .isInstanceOf(JourneyConflict.class)
                .hasMessageStartingWith("journey j cannot go from " + from + " to " + to + ": ")
                .satisfies(e -> assertThat(((JourneyConflict) e).kind()).isEqualTo(JourneyConflict.Kind.NOT_ALLOWED));
    }

    @Test
    void aHeadWithImpossibleVersionsIsRefused() {
        assertThatThrownBy(() -> new JourneyHead("j", "J", JourneyStatus.ACTIVE, 1, 2, T0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JourneyHead("j", "J", JourneyStatus.DRAFT, 0, 0, T0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- declared winners ----

    private static final JourneyDefinition WITH_EXPERIMENT = JourneyFixtures.parseOk(JourneyFixtures.with(
            JourneyFixtures.with(JourneyFixtures.example(), "/steps/0/templateId", "null"), "/steps/0/variants",
            "[{\"name\": \"A\", \"templateId\": \"a\", \"weight\": 1}, "
                    + "{\"name\": \"B\", \"templateId\": \"b\", \"weight\": 1}]")
            .set("experiment", JourneyFixtures.json("{\"step\": \"ask\", \"metric\": \"goal-conversion\", "
                    + "\"holdoutPercent\": 10}")));

    @Test
    void aWinnerIsRecordedOnTheHeadForItsVersionWithANewRevision() {
        JourneyHead declared = JourneyLifecycle.declareWinner(head(JourneyStatus.ACTIVE, 2, 2), 2, WITH_EXPERIMENT,
                "B", T1);

        assertThat(declared).isEqualTo(new JourneyHead("j", "Journey", JourneyStatus.ACTIVE, 2, 2, T1, 6,
                java.util.Map.of(2, "B")));
        assertThat(declared.winner(2)).isEqualTo("B");
        assertThat(declared.winner(1)).isNull();
    }

    @Test
    void declaringTheSameWinnerAgainChangesNothingAndAnotherIsRefused() {
        JourneyHead declared = JourneyLifecycle.declareWinner(head(JourneyStatus.ACTIVE, 1, 1), 1, WITH_EXPERIMENT,
                "B", T1);

        assertThat(JourneyLifecycle.declareWinner(declared, 1, WITH_EXPERIMENT, "B", T1.plusSeconds(60)))
                .isSameAs(declared);
        assertThatThrownBy(() -> JourneyLifecycle.declareWinner(declared, 1, WITH_EXPERIMENT, "A", T1))
                .isInstanceOf(JourneyConflict.class).hasMessage("version 1 of journey j already has a winner");
    }

    @Test
    void winnersSurviveEditsAndStatusChanges() {
        JourneyHead declared = JourneyLifecycle.declareWinner(head(JourneyStatus.ACTIVE, 1, 1), 1, WITH_EXPERIMENT,
                "A", T1);

        JourneyHead edited = JourneyLifecycle.edit(declared, "Journey", T1).head();
        JourneyHead paused = JourneyLifecycle.changeStatus(edited, JourneyStatus.PAUSED, T1);

        assertThat(paused.winners()).isEqualTo(java.util.Map.of(1, "A"));
        assertThat(paused.winner(2)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ACTIVE | 1 | holdout | the winner must be one of the experiment's variants or paths [A, B]",
            "ACTIVE | 1 | C       | the winner must be one of the experiment's variants or paths [A, B]",
            "ACTIVE | 3 | A       | journey j has no version 3",
            "DRAFT  | 1 | A       | journey j is a draft: its experiment has not run"})
    void aWinnerTheRulesDoNotAllowIsRefused(JourneyStatus status, int version, String arm, String message) {
        JourneyHead current = head(status, 1, status == JourneyStatus.DRAFT ? 0 : 1);

        assertThatThrownBy(() -> JourneyLifecycle.declareWinner(current, version, WITH_EXPERIMENT, arm, T1))
                .isInstanceOf(JourneyConflict.class).hasMessage(message)
                .satisfies(e -> assertThat(((JourneyConflict) e).kind()).isEqualTo(JourneyConflict.Kind.NOT_ALLOWED));
    }

    @Test
    void aVersionWithoutAnExperimentHasNoWinner() {
        JourneyDefinition plain = JourneyFixtures.parseOk(JourneyFixtures.example());

        assertThatThrownBy(() -> JourneyLifecycle.declareWinner(head(JourneyStatus.ACTIVE, 1, 1), 1, plain, "A", T1))
                .isInstanceOf(JourneyConflict.class).hasMessage("version 1 of journey j has no experiment");
    }
}
