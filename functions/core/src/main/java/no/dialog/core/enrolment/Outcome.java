package no.dialog.core.enrolment;

/** What became of one enrolment job or step, for metrics and tests. Carries no personal data. */
public enum Outcome {
    /** The enrolment was created or moved on. */
    ADVANCED,
    /** Nothing to do: not due, already done, a redelivery, or a signal that does not concern it. */
    UNCHANGED,
    /** Another worker changed it first; the message can be dropped, that worker did the job. */
    LOST_RACE,
    /** The journey is paused: left as it is, the sweeper will find it again when resumed. */
    PAUSED,
    /** Entry refused by the entry rules, the cap or an earlier entry. */
    NOT_ENROLLED
}
