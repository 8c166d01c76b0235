package no.dialog.core.payment.ocr;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One assignment (oppdrag) of an OCR file: the transactions to one agreement's account, between a record
 * 20 and a record 88 whose totals matched.
 *
 * @param line          the line of its record 20
 * @param agreementId   nine digits, Nets' id of the agreement
 * @param account       the account the money came to (11 digits)
 * @param netsDate      the date in record 88 (OCR giro: Nets' settlement date; AvtaleGiro: null)
 * @param firstDate     the earliest transaction date (record 88)
 * @param lastDate      the latest transaction date (record 88)
 */
public record OcrAssignment(int line, OcrServiceCode serviceCode, String assignmentType, String agreementId,
                            String assignmentNumber, String account, LocalDate netsDate, LocalDate firstDate,
                            LocalDate lastDate, List<OcrPayment> payments) {

    public OcrAssignment {
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(assignmentNumber, "assignmentNumber");
        Objects.requireNonNull(account, "account");
        payments = List.copyOf(payments);
    }

    /** The sum of the amounts, reversals subtracted. */
    public long totalAmountOre() {
        return payments.stream().mapToLong(OcrPayment::amountOre).sum();
    }
}
