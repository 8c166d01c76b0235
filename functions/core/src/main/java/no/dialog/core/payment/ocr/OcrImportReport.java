package no.dialog.core.payment.ocr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Objects;

/**
 * What importing one OCR file did, for staff (the caller writes it next to the file as a report). It holds
 * no amounts of single payments, no accounts and no names: lines, references and outcomes only.
 *
 * @param transmissionNumber Nets' number of the transmission; null when the file was rejected
 * @param errors             why a REJECTED file was rejected (line and reason); empty otherwise
 * @param registered         payments registered now
 * @param alreadyRegistered  payments the ledger already held (an import cut off before, or a repeat)
 * @param unmatched          payments waiting for staff to match them (no KID, an invalid KID, or a KID
 *                           Dialog cannot resolve)
 * @param skipped            transactions that bring no money to register (reversals, AvtaleGiro claims)
 * @param totalAmountOre     the transmission's total (record 89), reversals subtracted
 * @param registeredAmountOre the sum of the payments registered now
 * @param items              one per transaction, in file order
 */
public record OcrImportReport(String fileName, Status status, String transmissionNumber, List<OcrError> errors,
                              int registered, int alreadyRegistered, int unmatched, int skipped,
                              long totalAmountOre, long registeredAmountOre, List<Item> items) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public OcrImportReport {
        Objects.requireNonNull(status, "status");
        errors = List.copyOf(errors);
        items = List.copyOf(items);
    }

    /** How the file went. */
    public enum Status {
        /** Read whole and every payment registered or put up for matching. */
        IMPORTED,
        /** The same file (content or transmission number) was imported before: nothing was done. */
        ALREADY_IMPORTED,
        /** The file has errors: nothing was registered. */
        REJECTED
    }

    /** What happened to one transaction. */
    public enum Outcome { REGISTERED, ALREADY_REGISTERED, UNMATCHED, SKIPPED }

    /**
     * One transaction: its line (record 30), its payment reference, what happened and why (for UNMATCHED:
     * {@code no KID}, {@code invalid KID}, {@code unknown KID}; for SKIPPED: {@code reversal},
     * {@code AvtaleGiro claim}).
     */
    public record Item(int line, String reference, Outcome outcome, String why) {}

    public static OcrImportReport rejected(String fileName, List<OcrError> errors) {
        return new OcrImportReport(fileName, Status.REJECTED, null, errors, 0, 0, 0, 0, 0, 0, List.of());
    }

    public static OcrImportReport alreadyImported(String fileName, String transmissionNumber) {
        return new OcrImportReport(fileName, Status.ALREADY_IMPORTED, transmissionNumber, List.of(), 0, 0, 0, 0, 0, 0,
                List.of());
    }

    /** The report as JSON. */
    public String toJson() {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OCR import report could not be written as JSON", e);
        }
    }
}
