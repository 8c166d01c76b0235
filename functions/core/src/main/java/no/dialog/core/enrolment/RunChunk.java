package no.dialog.core.enrolment;

/**
 * What one chunk of a run did with its people: how many it enrolled, and why it left the others out.
 * Counts only, no personal data.
 *
 * @param enrolled        newly enrolled
 * @param alreadyEnrolled in the journey already (any version): a campaign enrols a person once
 * @param overCap         refused by the journey's enrolment cap
 * @param notActive       the journey was paused, ended or a draft when the chunk ran
 */
public record RunChunk(int enrolled, int alreadyEnrolled, int overCap, int notActive) {

    public static final RunChunk NONE = new RunChunk(0, 0, 0, 0);

    public RunChunk plus(RunChunk other) {
        return new RunChunk(enrolled + other.enrolled, alreadyEnrolled + other.alreadyEnrolled,
                overCap + other.overCap, notActive + other.notActive);
    }
}
