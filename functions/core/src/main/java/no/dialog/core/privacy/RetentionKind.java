package no.dialog.core.privacy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of a person's data whose retention an organisation may choose, within bounds Dialog (the
 * platform) sets. The longest is Dialog's default: an organisation may keep data shorter, never longer, and
 * never shorter than Dialog needs it to work. Buckets (run files, imports, snapshots) and logs expire by
 * deployment-wide lifecycle rules instead (docs/privacy.md): S3 lifecycle and log retention are per bucket and
 * log group, not per organisation.
 */
public enum RetentionKind {

    /**
     * An enrolment after it ended. At least 30 days: journeys that forbid re-entry must still see it for a
     * campaign's month.
     */
    ENDED_ENROLMENT("endedEnrolmentDays", Retention.ENDED_ENROLMENT, Duration.ofDays(30)),
    /**
     * A send-ledger entry (state, provider id, recipient). At least 15 days: SQS may deliver a send again for
     * 14 days, and only the entry keeps it from being sent twice.
     */
    SEND_LEDGER("sendLedgerDays", Duration.ofDays(90), Duration.ofDays(15)),
    /**
     * A personal link, its answers and sealed number, after the link expired. At least 7 days, for the
     * register to fetch a tax-deduction number it was told of.
     */
    LANDING_LINK_AFTER_EXPIRY("landingLinkDaysAfterExpiry", Duration.ofDays(90), Duration.ofDays(7)),
    /**
     * Who was staged in which letter, print or call run. At least 15 days: a run is written within days, and
     * its staging answers "why was this person in the drop?" for a while after.
     */
    RUN_STAGING("runStagingDays", Duration.ofDays(90), Duration.ofDays(15));

    /** Stored tenant settings keys start with this, then the kind's JSON name. */
    public static final String SETTING_PREFIX = "retention.";

    private final String jsonName;
    private final Duration longest;
    private final Duration shortest;

    RetentionKind(String jsonName, Duration longest, Duration shortest) {
        this.jsonName = jsonName;
        this.longest = longest;
        this.shortest = shortest;
    }

    /** The field in the settings' {@code retention} object, a whole number of days. */
    public String jsonName() {
        return jsonName;
    }

    /** The tenant settings key it is stored under. */
    public String setting() {
        return SETTING_PREFIX + jsonName;
    }

    /** What applies when the organisation chose nothing: the longest allowed. */
    public Duration byDefault() {
        return longest;
    }

    public long shortestDays() {
        return shortest.toDays();
    }

    public long longestDays() {
        return longest.toDays();
    }

    /**
     * The period an organisation's stored value gives: the default when absent or unreadable, and never
     * outside the bounds (a value stored before the bounds changed is brought within them).
     */
    public Duration period(String stored) {
        if (stored == null || stored.isBlank()) {
            return longest;
        }
        try {
            long days = Long.parseLong(stored.strip());
            return Duration.ofDays(Math.max(shortestDays(), Math.min(longestDays(), days)));
        } catch (NumberFormatException e) {
            return longest;
        }
    }

    public static Optional<RetentionKind> fromJsonName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.jsonName.equals(name)).findFirst();
    }
}
