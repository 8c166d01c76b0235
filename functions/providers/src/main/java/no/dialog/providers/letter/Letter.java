package no.dialog.providers.letter;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One letter as it is laid out by {@link LetterPdf}.
 *
 * @param senderLines    the organisation's name, then its address lines (sender block and return line)
 * @param recipientLines name, street lines, postcode and city, country when abroad (at most 6)
 * @param date           the letter's date
 * @param text           the rendered letter text; blank lines separate paragraphs
 * @param giro           the giro slip, or null for none
 */
public record Letter(List<String> senderLines, List<String> recipientLines, LocalDate date, String text, Giro giro) {

    public Letter {
        senderLines = List.copyOf(senderLines);
        recipientLines = List.copyOf(recipientLines);
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(text, "text");
        if (senderLines.isEmpty()) {
            throw new IllegalArgumentException("a letter needs a sender");
        }
        if (recipientLines.isEmpty() || recipientLines.size() > LetterPdf.MAX_ADDRESS_LINES) {
            throw new IllegalArgumentException("a letter needs 1-" + LetterPdf.MAX_ADDRESS_LINES + " address lines");
        }
    }

    /**
     * A Norwegian giro slip (blankett) at the foot of the last page.
     *
     * @param account 11-digit account to pay into
     * @param kid     the KID the payment must carry
     */
    public record Giro(String account, String kid) {
        public Giro {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(kid, "kid");
        }
    }
}
