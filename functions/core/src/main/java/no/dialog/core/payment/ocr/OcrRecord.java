package no.dialog.core.payment.ocr;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/**
 * One 80-character line of an OCR file, read field by field at the positions of the Nets specification
 * (1-based, inclusive, as the specification counts them). A field in the wrong format adds an error naming
 * the field and its positions — never its content — and gives null.
 */
final class OcrRecord {

    static final int LENGTH = 80;

    private final int line;
    private final String text;
    private final List<OcrError> errors;
    private boolean broken;

    OcrRecord(int line, String text, List<OcrError> errors) {
        this.line = line;
        this.text = text;
        this.errors = errors;
    }

    int line() {
        return line;
    }

    /** Whether any field of this record was in the wrong format. */
    boolean broken() {
        return broken;
    }

    String serviceCode() {
        return raw(3, 4);
    }

    String subType() {
        return raw(5, 6);
    }

    String recordType() {
        return raw(7, 8);
    }

    /** The characters at {@code from}–{@code to}, as they are. */
    String raw(int from, int to) {
        return text.substring(from - 1, to);
    }

    /** Digits only, or null (and an error). */
    String digits(int from, int to, String field) {
        String value = raw(from, to);
        if (!allDigits(value)) {
            fail(field + " (positions " + from + "-" + to + ") must be digits");
            return null;
        }
        return value;
    }

    /** A number of digits, or -1 (and an error). */
    long number(int from, int to, String field) {
        String value = digits(from, to, field);
        return value == null ? -1 : Long.parseLong(value);
    }

    /** Digits, where all zeros mean "none" (null). */
    String optionalDigits(int from, int to, String field) {
        String value = digits(from, to, field);
        return value == null || value.chars().allMatch(c -> c == '0') ? null : value;
    }

    /** A date written DDMMYY (years 2000–2099); null (and an error) if it is not one. */
    LocalDate date(int from, String field) {
        String value = digits(from, from + 5, field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.of(2000 + Integer.parseInt(value.substring(4, 6)), Integer.parseInt(value.substring(2, 4)),
                    Integer.parseInt(value.substring(0, 2)));
        } catch (DateTimeException e) {
            fail(field + " (positions " + from + "-" + (from + 5) + ") is not a date (DDMMYY)");
            return null;
        }
    }

    /** A date, or null without an error when the field is all zeros. */
    LocalDate optionalDate(int from, String field) {
        String value = raw(from, from + 5);
        return "000000".equals(value) ? null : date(from, field);
    }

    /** A KID: digits right-aligned after spaces; null when all spaces. */
    String kid(int from, int to) {
        String value = raw(from, to);
        String digits = value.stripLeading();
        if (digits.isEmpty()) {
            return null;
        }
        if (!allDigits(digits)) {
            fail("KID (positions " + from + "-" + to + ") must be digits, right-aligned after spaces");
            return null;
        }
        return digits;
    }

    /** Free text, trimmed; null when blank. */
    String text(int from, int to) {
        String value = raw(from, to).strip();
        return value.isEmpty() ? null : value;
    }

    /** Adds an error on this line. */
    void fail(String reason) {
        broken = true;
        errors.add(new OcrError(line, reason));
    }

    private static boolean allDigits(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
