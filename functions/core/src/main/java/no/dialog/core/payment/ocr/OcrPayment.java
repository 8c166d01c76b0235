package no.dialog.core.payment.ocr;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One transaction of an OCR file (records 30, 31 and, for free-text payments, 32), as Nets wrote it.
 * Personal data (the payer's account, message and name): never logged.
 *
 * @param line              the line of its record 30
 * @param transactionType   two digits: for OCR giro 10–21 (e.g. 10 giro debited an account, 15 AvtaleGiro,
 *                          19 net bank purchase with KID, 21 net bank payment with free text); for AvtaleGiro
 *                          claims 02, 21 or 93
 * @param transactionNumber seven digits, unique within its assignment
 * @param netsDate          the settlement date (for AvtaleGiro claims: the due date)
 * @param settlement        where Nets settled it (OCR giro only; null for AvtaleGiro claims)
 * @param amountOre         in øre; negative when the sign is "-" (a reversal)
 * @param kid               the KID without its padding, or null when the field is blank
 * @param formNumber        the giro form's number (OCR giro only)
 * @param archiveReference  the bank's archive reference (OCR giro only)
 * @param bankDate          the date the bank booked it, or null when Nets gives zeros (OCR giro only)
 * @param debitAccount      the payer's account (11 digits), or null when Nets gives zeros
 * @param message           the payer's text (record 32), or null
 * @param payerShortName    the payer's abbreviated name (AvtaleGiro claims only), or null
 * @param externalReference the payee's own reference (AvtaleGiro claims only), or null
 */
public record OcrPayment(int line, String transactionType, String transactionNumber, LocalDate netsDate,
                         Settlement settlement, long amountOre, String kid, String formNumber,
                         String archiveReference, LocalDate bankDate, String debitAccount, String message,
                         String payerShortName, String externalReference) {

    public OcrPayment {
        Objects.requireNonNull(transactionType, "transactionType");
        Objects.requireNonNull(transactionNumber, "transactionNumber");
        Objects.requireNonNull(netsDate, "netsDate");
    }

    /** Where Nets settled an OCR giro payment: centre, day code, partial settlement and its serial number. */
    public record Settlement(String centreId, String dayCode, String partialSettlementNumber, String serialNumber) {}

    /** Whether this transaction takes money back (sign "-"), rather than bringing it. */
    public boolean reversal() {
        return amountOre < 0;
    }
}
