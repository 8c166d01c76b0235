package no.dialog.core.run;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A run groups one journey step's sends on one channel on one day (Europe/Oslo), so they become one set
 * of files. Its id is {@code <journeyId>.v<version>.<stepId>.<yyyy-MM-dd>.<sequence>}, e.g.
 * {@code winback.v2.letter.2026-11-23.1}: readable in a file listing, safe in an S3 key, and sorted by day.
 * The sequence is 1 unless the day's run had already closed when a late send came (a request deferred by
 * the calling window, a retry): then that send starts run 2, and so on.
 */
public final class RunIds {

    private static final Pattern PART = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern RUN_ID = Pattern.compile(
            "[a-z0-9][a-z0-9-]{0,63}\\.v[1-9][0-9]{0,5}\\.[a-z0-9][a-z0-9-]{0,63}\\.\\d{4}-\\d{2}-\\d{2}\\.[1-9][0-9]{0,3}");

    private RunIds() {}

    /**
     * @throws IllegalArgumentException if the journey or step id is not lower-case letters, digits and dashes,
     *                                  or the version or sequence is not positive
     */
    public static String of(String journeyId, int version, String stepId, LocalDate day, int sequence) {
        Objects.requireNonNull(day, "day");
        if (journeyId == null || !PART.matcher(journeyId).matches()) {
            throw new IllegalArgumentException("run id: journeyId must be lower-case letters, digits and dashes");
        }
        if (stepId == null || !PART.matcher(stepId).matches()) {
            throw new IllegalArgumentException("run id: stepId must be lower-case letters, digits and dashes");
        }
        if (version < 1 || sequence < 1 || sequence > 9999) {
            throw new IllegalArgumentException("run id: version must be positive and sequence 1-9999");
        }
        return journeyId + ".v" + version + "." + stepId + "." + day + "." + sequence;
    }

    public static boolean isValid(String runId) {
        return runId != null && RUN_ID.matcher(runId).matches();
    }

    /** The journey id a valid run id starts with. */
    public static String journeyId(String runId) {
        if (!isValid(runId)) {
            throw new IllegalArgumentException("not a run id");
        }
        return runId.substring(0, runId.indexOf('.'));
    }
}
