package no.dialog.core.payment.ocr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import no.dialog.core.payment.Kid;
import no.dialog.core.payment.KidLayout;
import no.dialog.core.payment.KidMethod;

/**
 * The OCR files in {@code events/ocr}, and how they were made. Their KIDs are in Dialog's layout for the
 * numbers a test gets by numbering, in this order, contacts {@code c-1}, {@code c-2} and the steps
 * {@link #APPEAL_STEP} and {@link #INVOICE_STEP} ({@code InMemoryTenantNumbers} counts from 1).
 */
public final class OcrFixtures {

    public static final String GOOD_MOD10 = "giro-mod10.ocr";
    public static final String GOOD_MOD11 = "giro-mod11.ocr";
    public static final String CORRUPT = "giro-corrupt.ocr";

    public static final String GIFT_ACCOUNT = "15030012345";
    public static final String INVOICE_ACCOUNT = "15030067890";
    public static final String PAYER_ACCOUNT = "12345678903";
    public static final String APPEAL_STEP = "autumn-appeal/1/letter";
    public static final String INVOICE_STEP = "membership-2027/2/invoice-letter";
    /** A message with the three Norwegian letters (one byte each in ISO-8859-1). */
    public static final String MESSAGE = "Gave fra bøkeklubben på Ørland, ærlig!";
    /** A KID in another payee's format: valid MOD10, but not Dialog's 15 digits. */
    public static final String FOREIGN_KID = Kid.withCheckDigit("4711200", KidMethod.MOD10);

    private OcrFixtures() {}

    /** Contact 1 and 2, steps 1 (appeal) and 2 (invoice); MOD10. Two assignments, one to the invoice account. */
    public static OcrFileBuilder goodMod10() {
        OcrFileBuilder file = new OcrFileBuilder("1000081", LocalDate.of(2026, 11, 27));
        OcrFileBuilder.Assignment gifts = file.assignment("0000001", GIFT_ACCOUNT);
        gifts.payment("19", 25_000, kid(1, 1, KidMethod.MOD10)).debitAccount(PAYER_ACCOUNT);
        gifts.payment("10", 50_000, kid(2, 1, KidMethod.MOD10)).date(LocalDate.of(2026, 11, 26));
        gifts.payment("21", 10_000, null).message(MESSAGE).debitAccount(PAYER_ACCOUNT);
        gifts.payment("19", 20_000, FOREIGN_KID);
        gifts.payment("19", 30_000, kid(999, 1, KidMethod.MOD10));
        gifts.payment("19", 40_000, wrongCheckDigit(kid(1, 1, KidMethod.MOD10)));
        OcrFileBuilder.Assignment invoices = file.assignment("0000002", INVOICE_ACCOUNT);
        invoices.payment("10", 60_000, kid(2, 2, KidMethod.MOD10));
        invoices.payment("18", 5_000, kid(1, 2, KidMethod.MOD10)).reversal();
        return file;
    }

    /** The same people and steps with MOD11 KIDs, an AvtaleGiro payment (type 15) and an AvtaleGiro claim. */
    public static OcrFileBuilder goodMod11() {
        OcrFileBuilder file = new OcrFileBuilder("1000082", LocalDate.of(2026, 11, 28));
        OcrFileBuilder.Assignment gifts = file.assignment("0000001", GIFT_ACCOUNT);
        gifts.payment("15", 15_000, kid(1, 1, KidMethod.MOD11));
        gifts.payment("19", 30_000, kid(2, 1, KidMethod.MOD11));
        OcrFileBuilder.Assignment claims = file.avtaleGiroAssignment("0000002", GIFT_ACCOUNT);
        claims.payment("02", 15_000, kid(1, 1, KidMethod.MOD11)).date(LocalDate.of(2026, 12, 20))
                .payerShortName("NORDMANN K");
        return file;
    }

    /** Two mistakes: the first assignment's sum is one øre off, and an amount in the second has a letter. */
    public static OcrFileBuilder corrupt() {
        OcrFileBuilder file = new OcrFileBuilder("1000083", LocalDate.of(2026, 11, 29));
        OcrFileBuilder.Assignment gifts = file.assignment("0000001", GIFT_ACCOUNT).sumOff(1);
        gifts.payment("19", 25_000, kid(1, 1, KidMethod.MOD10));
        gifts.payment("19", 35_000, kid(2, 1, KidMethod.MOD10));
        OcrFileBuilder.Assignment invoices = file.assignment("0000002", INVOICE_ACCOUNT);
        invoices.payment("10", 60_000, kid(2, 2, KidMethod.MOD10)).amountField("00000000000060O00");
        return file;
    }

    public static String kid(long contact, long step, KidMethod method) {
        return KidLayout.kid(contact, step, method);
    }

    static String wrongCheckDigit(String kid) {
        char last = kid.charAt(kid.length() - 1);
        return kid.substring(0, kid.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
    }

    /** The bytes of a file in {@code events/ocr}. */
    public static byte[] load(String name) {
        try {
            return Files.readAllBytes(directory().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path directory() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("events"))) {
            dir = dir.getParent();
        }
        return dir.resolve("events/ocr");
    }
}
