package no.dialog.core.payment.ocr;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A whole OCR file (one transmission, forsendelse), read and checked: every total in its end records
 * matched what the file holds.
 *
 * @param dataSender         Nets' id as data sender (eight digits)
 * @param transmissionNumber seven digits, Nets' number for this transmission
 * @param dataRecipient      the organisation's customer id at Nets (eight digits)
 * @param netsDate           the date in record 89
 */
public record OcrTransmission(String dataSender, String transmissionNumber, String dataRecipient,
                              LocalDate netsDate, List<OcrAssignment> assignments) {

    public OcrTransmission {
        Objects.requireNonNull(transmissionNumber, "transmissionNumber");
        assignments = List.copyOf(assignments);
    }

    public int transactionCount() {
        return assignments.stream().mapToInt(a -> a.payments().size()).sum();
    }

    /** The sum of the amounts, reversals subtracted (what record 89 says). */
    public long totalAmountOre() {
        return assignments.stream().mapToLong(OcrAssignment::totalAmountOre).sum();
    }
}
