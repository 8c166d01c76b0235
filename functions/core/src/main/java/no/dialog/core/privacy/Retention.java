package no.dialog.core.privacy;

import java.time.Duration;

/**
 * How long Dialog keeps what it holds about a person, where the rule is Dialog's own (docs/privacy.md has
 * the whole table, with purpose and legal basis). The stores turn these into DynamoDB TTL attributes and
 * S3 lifecycle rules; nothing here reads a clock.
 */
public final class Retention {

    /**
     * An enrolment that has ended (goal, exit, or the journey stopped) is kept two years: journeys that
     * forbid re-entry and behaviour segments ("was in last year's campaign", "answered") look back over
     * two seasons of campaigns. After that the person may enter again and their behaviour is forgotten.
     */
    public static final Duration ENDED_ENROLMENT = Duration.ofDays(730);

    /**
     * A giver candidate (a Vipps payer's phone and name, not yet known to the register) after their last
     * gift: long enough that a yearly giver stays one candidate, so they are thanked and asked once.
     */
    public static final Duration GIVER_CANDIDATE_AFTER_LAST_GIFT = Duration.ofDays(730);

    /**
     * An unmatched payment's record (payer, message) after staff decided it: the money itself is in the
     * payment ledger (kept for bookkeeping) and the decision in the audit log, so the payer's details are
     * needed only while the decision may still be questioned.
     */
    public static final Duration DECIDED_UNMATCHED_PAYMENT = Duration.ofDays(90);

    private Retention() {}
}
