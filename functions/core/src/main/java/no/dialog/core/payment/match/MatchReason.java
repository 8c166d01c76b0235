package no.dialog.core.payment.match;

import java.util.Objects;

/**
 * Why the matcher points at a journey: a code a screen or a report can group by
 * ({@code payer-phone-received-sms-3-days-before}, {@code amount-equals-asked-amount},
 * {@code message-mentions-journey-keyword}, {@code name-match-only} ...), a short text for staff, and how
 * much it added to the journey's log-odds. Never personal data: no name, number or message text.
 */
public record MatchReason(String code, String text, double weight) {

    public MatchReason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }
}
