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
}
