package no.dialog.core.journey;

/**
 * What results count, per journey version, step, variant, channel and day: the funnel a person goes down,
 * from entering the journey to reaching its goal. All are counts of happenings except those ending in
 * {@code _ORE} (sums of amounts in øre), {@link #SMS_PARTS} (the SMS parts the provider charged) and
 * {@link #ARM_REVENUE_SQ_KR} (the sum of squared revenue per person in kroner², which an experiment needs for
 * its variance).
 *
 * <p>Each is counted by the path that changes the state it names, and only when that path's conditional
 * write succeeded, so a redelivered request, report or event is never counted twice (ADR 0029):
 * <ul>
 *   <li>the journey engine counts {@link #ENROLLED}, {@link #QUEUED}, {@link #CAPPED}, {@link #NOT_SENDABLE},
 *       {@link #GOAL_REACHED}, {@link #GOAL_REVENUE_ORE}, {@link #EXITED} and the {@code ARM_} counters with the
 *       enrolment write;</li>
 *   <li>the senders count {@link #SENT} and {@link #SMS_PARTS} when the ledger records the provider's
 *       acceptance, and the {@code FAILED_} classes known before or at the provider;</li>
 *   <li>the provider's reports count {@link #DELIVERED}, {@link #FAILED_PROVIDER}, {@link #FAILED_EXPIRED},
 *       {@link #OPENED} and {@link #CLICKED} once per message;</li>
 *   <li>responses count {@link #ANSWERED}, {@link #PAID} and {@link #PAID_ORE} once per signal.</li>
 * </ul>
 * The failure classes add up: a queued message is sent, failed before the provider
 * ({@link #FAILED_NO_CONSENT}, {@link #FAILED_UNREACHABLE}, {@link #FAILED_OPTED_OUT}) or still on its way;
 * a sent one is delivered, failed at the provider ({@link #FAILED_PROVIDER}, {@link #FAILED_EXPIRED}) or
 * not yet reported.
 */
public enum ResultCounter {
    /** A person entered the journey (journey-wide: no step). */
    ENROLLED,
    /** A send step queued a message for its sender. */
    QUEUED,
    /** The provider accepted the message. */
    SENT,
    /** SMS parts the provider charged for the messages it accepted. */
    SMS_PARTS,
    /** The provider reported the message delivered. */
    DELIVERED,
    /** Not sent: the person has not given consent for the channel (or is reserved against it). */
    FAILED_NO_CONSENT,
    /** Not sent: no contact, no address or number for the channel. */
    FAILED_UNREACHABLE,
    /** Not sent: the person opted out of the channel or the organisation. */
    FAILED_OPTED_OUT,
    /** The provider refused the message, or reported it undeliverable. */
    FAILED_PROVIDER,
    /** The provider gave up: the message's validity passed before it could be delivered. */
    FAILED_EXPIRED,
    /** The e-mail was opened (first open per message). */
    OPENED,
    /** A link in the e-mail was clicked (first click per message). */
    CLICKED,
    /** The person answered a landing page or replied. */
    ANSWERED,
    /** A gift or payment tied to the journey arrived. */
    PAID,
    /** The amount of those gifts and payments, in øre. */
    PAID_ORE,
    /** The person reached the journey's goal. */
    GOAL_REACHED,
    /** The amount the goal's signal carried (a gift as the goal), in øre. */
    GOAL_REVENUE_ORE,
    /** The person left the journey. */
    EXITED,
    /** The frequency cap held a send back. */
    CAPPED,
    /** No sender serves the step's channel or its fallback. */
    NOT_SENDABLE,
    /** A person was assigned to an experiment arm (the variant, split path or holdout). */
    ARM_ENTERED,
    /** A person in the arm reached the goal. */
    ARM_CONVERTED,
    /** The goal revenue of the arm's people, in øre. */
    ARM_REVENUE_ORE,
    /** The sum over the arm's converting people of their revenue squared, in kroner². */
    ARM_REVENUE_SQ_KR,
    /** A person in the arm opted out while in the journey (a guardrail). */
    ARM_OPTED_OUT
}
