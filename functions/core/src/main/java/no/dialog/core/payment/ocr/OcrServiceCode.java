package no.dialog.core.payment.ocr;

import java.util.Optional;

/** The Nets service an assignment in an OCR file belongs to (positions 3–4 of its records). */
public enum OcrServiceCode {
    /** OCR giro: payments with a KID (or free text) that arrived on the account. */
    OCR_GIRO("09"),
    /** AvtaleGiro: payment claims on agreements (the transactions are claims, not money received). */
    AVTALEGIRO("21");

    private final String code;

    OcrServiceCode(String code) {
        this.code = code;
    }

    /** The two digits in the file. */
    public String code() {
        return code;
    }

    public static Optional<OcrServiceCode> of(String code) {
        for (OcrServiceCode value : values()) {
            if (value.code.equals(code)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
