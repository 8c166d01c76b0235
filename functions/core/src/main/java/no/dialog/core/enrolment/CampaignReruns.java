package no.dialog.core.enrolment;

import java.time.Instant;
import java.util.Optional;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.journey.Trigger;

/**
 * When staff may run a campaign again (ADR 0034), e.g. after a run that enrolled nobody. A run again
 * evaluates the segment anew and enrols whoever matches and has never been in the journey: enrolment is
 * once per person and journey, so nobody is enrolled twice however often it runs.
 */
public final class CampaignReruns {

    /** Run ids of runs staff asked for start with this. */
    public static final String RERUN_PREFIX = SegmentationRunner.CAMPAIGN_RUN + "-rerun-";

    private CampaignReruns() {}

    /** The reason it may not run again now, or empty if it may. */
    public static Optional<String> refusal(JourneyStatus status, Trigger trigger, Instant now) {
        if (!(trigger instanceof Trigger.Campaign campaign)) {
            return Optional.of("only a campaign can be run again; this journey starts on another trigger");
        }
        if (status != JourneyStatus.ACTIVE) {
            return Optional.of("the journey is " + status + ": only an active campaign can be run again");
        }
        if (campaign.startAt() != null && campaign.startAt().isAfter(now)) {
            return Optional.of("the campaign starts at " + campaign.startAt() + "; its first run has not happened yet");
        }
        return Optional.empty();
    }

    /** A new run id for a run staff asked for at {@code now}. */
    public static String runId(Instant now) {
        return RERUN_PREFIX + now.toEpochMilli();
    }

    /** Whether a run is a campaign's (its first or a rerun): a campaign never enrols a person twice. */
    public static boolean isCampaignRun(String runId) {
        return runId != null && (runId.equals(SegmentationRunner.CAMPAIGN_RUN) || runId.startsWith(RERUN_PREFIX));
    }
}
