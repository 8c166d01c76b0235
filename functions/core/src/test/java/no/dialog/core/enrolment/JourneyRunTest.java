package no.dialog.core.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.journey.Trigger;
import org.junit.jupiter.api.Test;

/** What staff are told about a run (ADR 0034), and when a campaign may run again. */
class JourneyRunTest {

    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");

    private static JourneyRun run(Long matched, Integer chunks, int chunksDone, RunChunk outcome) {
        return new JourneyRun("campaign", 1, matched == null ? null : AT, matched, AT, AT.minusSeconds(600), 3,
                "stored", chunks, chunksDone, outcome);
    }

    @Test
    void aRunThatMatchedNobodySaysSoAtOnce() {
        JourneyRun run = run(0L, 0, 0, RunChunk.NONE);
        assertThat(run.status()).isEqualTo(JourneyRun.DONE);
        assertThat(run.reason()).isEqualTo("segment matched 0 contacts");
    }

    @Test
    void aRunWhoseMatchesWereAllInTheJourneyAlreadySaysSoOnceEveryChunkIsDone() {
        assertThat(run(700L, 2, 1, new RunChunk(0, 500, 0, 0)).reason()).as("still enrolling").isNull();
        assertThat(run(700L, 2, 1, new RunChunk(0, 500, 0, 0)).status()).isEqualTo(JourneyRun.ENROLLING);
        assertThat(run(700L, 2, 2, new RunChunk(0, 700, 0, 0)).reason()).isEqualTo("all already enrolled");
    }

    @Test
    void aRunThatEnrolledSomeoneHasNoReasonAndOneThatEnrolledNobodyCountsWhy() {
        assertThat(run(3L, 1, 1, new RunChunk(1, 2, 0, 0)).reason()).isNull();
        assertThat(run(5L, 1, 1, new RunChunk(0, 1, 3, 1)).reason()).isEqualTo("nobody enrolled: 1 already enrolled,"
                + " 3 over the journey's enrolment cap, 1 not enrolled because the journey was not active");
    }

    @Test
    void aRunNotYetEvaluatedIsEvaluatingWithoutAReason() {
        JourneyRun run = run(null, null, 0, RunChunk.NONE);
        assertThat(run.status()).isEqualTo(JourneyRun.EVALUATING);
        assertThat(run.reason()).isNull();
    }

    @Test
    void onlyAnActiveCampaignWhoseStartHasComeMayRunAgain() {
        Trigger started = new Trigger.Campaign("everyone", AT.minusSeconds(60));
        assertThat(CampaignReruns.refusal(JourneyStatus.ACTIVE, started, AT)).isEmpty();
        assertThat(CampaignReruns.refusal(JourneyStatus.ACTIVE, new Trigger.Campaign("everyone", null), AT)).isEmpty();
        assertThat(CampaignReruns.refusal(JourneyStatus.PAUSED, started, AT)).hasValueSatisfying(
                reason -> assertThat(reason).contains("PAUSED"));
        assertThat(CampaignReruns.refusal(JourneyStatus.ACTIVE, new Trigger.Campaign("everyone", AT.plusSeconds(60)), AT))
                .hasValueSatisfying(reason -> assertThat(reason).contains("has not happened yet"));
        assertThat(CampaignReruns.refusal(JourneyStatus.ACTIVE,
                new Trigger.Recurring("everyone", java.time.Duration.ofDays(1)), AT))
                .hasValueSatisfying(reason -> assertThat(reason).contains("only a campaign"));
        assertThat(CampaignReruns.isCampaignRun("campaign")).isTrue();
        assertThat(CampaignReruns.isCampaignRun(CampaignReruns.runId(AT))).isTrue();
        assertThat(CampaignReruns.isCampaignRun("period-12")).isFalse();
    }
}
