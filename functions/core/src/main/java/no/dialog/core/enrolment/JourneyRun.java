package no.dialog.core.enrolment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a campaign (its first, or one staff asked for again) or of one period of a recurring entry,
 * as staff see it: what the evaluation read, how many matched, and what became of them (ADR 0034). A run
 * that enrolled nobody says why. Counts only, no personal data.
 *
 * @param runId           {@code campaign}, {@code campaign-rerun-<ms>} or {@code period-<n>}
 * @param version         the journey version it enrolled into (null until evaluated)
 * @param evaluatedAt     when the segment was evaluated (null until then)
 * @param matched         how many matched (null until evaluated)
 * @param readAt          the evaluation saw every contact written before this moment
 * @param snapshotAsOf    the snapshot under it (null when every contact was read)
 * @param overlayContacts changed contacts laid over the snapshot
 * @param basis           {@code stored}, {@code merged}, {@code rebuilt} or {@code register}
 * @param chunks          chunks of people queued (null until evaluated)
 * @param chunksDone      chunks enrolled so far
 * @param outcome         what the chunks done did
 */
public record JourneyRun(String runId, Integer version, Instant evaluatedAt, Long matched, Instant readAt,
                         Instant snapshotAsOf, int overlayContacts, String basis, Integer chunks, int chunksDone,
                         RunChunk outcome) {

    public static final String EVALUATING = "evaluating";
    public static final String ENROLLING = "enrolling";
    public static final String DONE = "done";

    /** {@code evaluating}, {@code enrolling} (chunks still queued) or {@code done}. */
    public String status() {
        if (matched == null || chunks == null) {
            return EVALUATING;
        }
        return chunksDone >= chunks ? DONE : ENROLLING;
    }

    /**
     * Why a finished run enrolled nobody, in words for staff; null while it runs or when it enrolled
     * someone.
     */
    public String reason() {
        if (matched != null && matched == 0) {
            return "segment matched 0 contacts";
        }
        if (!DONE.equals(status()) || outcome.enrolled() > 0) {
            return null;
        }
        if (outcome.alreadyEnrolled() == matched) {
            return "all already enrolled";
        }
        List<String> parts = new ArrayList<>();
        if (outcome.alreadyEnrolled() > 0) {
            parts.add(outcome.alreadyEnrolled() + " already enrolled");
        }
        if (outcome.overCap() > 0) {
            parts.add(outcome.overCap() + " over the journey's enrolment cap");
        }
        if (outcome.notActive() > 0) {
            parts.add(outcome.notActive() + " not enrolled because the journey was not active");
        }
        return "nobody enrolled: " + String.join(", ", parts);
    }
}
