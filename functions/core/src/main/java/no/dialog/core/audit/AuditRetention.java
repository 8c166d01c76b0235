package no.dialog.core.audit;

import java.time.Duration;
import no.dialog.core.privacy.Retention;

/**
 * How long the audit log keeps an entry: six years. The log must answer "who did this?" for as long as anything
 * the action touched can still be there, so it outlives every period in docs/privacy.md: the longest period
 * Dialog ends by itself ({@link Retention#ENDED_ENROLMENT}, two years) and the five years after the end of the
 * accounting year for which bookkeeping records, such as a payment matched by staff, must be kept
 * (bokføringsloven § 13): an entry written on 1 January is then still there when that year's records may go.
 */
public final class AuditRetention {

    public static final Duration PERIOD = Duration.ofDays(6 * 366);

    private AuditRetention() {}
}
