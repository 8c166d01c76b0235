package no.dialog.core.payment.ocr;

import java.util.Objects;

/**
 * Something wrong in an OCR file: the line (1-based) and why. The reason names fields and positions, never
 * their values (amounts, accounts and names are not repeated in reports or logs).
 */
public record OcrError(int line, String reason) {

    public OcrError {
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}
