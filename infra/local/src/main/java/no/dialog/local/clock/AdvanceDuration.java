package no.dialog.local.clock;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code by} parameter of {@code POST /local/clock/advance?by=...}: an ISO-8601
 * duration such as {@code P7D} (7 days), {@code PT2H} (2 hours), {@code P1DT30M} (1 day and
 * 30 minutes) or {@code P2W} (2 weeks).
 *
 * <p>Months and years are refused: they have no fixed length, and a clock offset must be
 * an exact amount of time.
 */
public final class AdvanceDuration {

    private static final String EXAMPLES = "P7D (7 days), PT2H (2 hours), PT15M (15 minutes) or P1DT30M (1 day 30 minutes)";
    private static final Pattern WEEKS = Pattern.compile("P(\\d{1,6})W");
    // Y or M before the T: years or months (M after the T means minutes).
    private static final Pattern MONTHS_OR_YEARS = Pattern.compile("P[^T]*[YM].*");

    private AdvanceDuration() {
    }

    /**
     * Parses a positive ISO-8601 duration.
     *
     * @throws IllegalArgumentException with a message fit to show the developer when the
     *                                  text is missing, not a duration, uses months or years,
     *                                  or is not positive
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Say how far to move the clock, as an ISO-8601 duration such as " + EXAMPLES + ".");
        }
        String normalised = text.trim().toUpperCase(Locale.ROOT);
        Duration duration = toDuration(text, normalised);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("The local clock only moves forward; '" + text
                    + "' is not a positive duration. Try " + EXAMPLES + ".");
        }
        return duration;
    }

    private static Duration toDuration(String original, String normalised) {
        Matcher weeks = WEEKS.matcher(normalised);
        if (weeks.matches()) {
            return Duration.ofDays(7L * Long.parseLong(weeks.group(1)));
        }
        if (MONTHS_OR_YEARS.matcher(normalised).matches()) {
            throw new IllegalArgumentException("'" + original + "' uses months or years, which have no fixed length; "
                    + "give days instead, e.g. P30D or P365D.");
        }
        try {
            return Duration.parse(normalised);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + original + "' is not an ISO-8601 duration. Try " + EXAMPLES + ".", e);
        }
    }
}
