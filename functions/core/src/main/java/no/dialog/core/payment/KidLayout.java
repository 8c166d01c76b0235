package no.dialog.core.payment;

import java.util.Objects;
import java.util.Optional;

/**
 * How Dialog builds the KIDs it prints on giros, so that a payment in an OCR file leads back to the
 * person and the journey step that asked for it. 15 digits:
 *
 * <pre>
 *   CCCCCCCCC SSSS Q K
 *   │         │    │ └ check digit (MOD10 or MOD11, see {@link Kid})
 *   │         │    └── sequence digit, 0 unless MOD11 would give "-" (then the next one that does not)
 *   │         └─────── the step's tenant-local number ({@link TenantNumbers#stepNumber}), zero-padded, 1–9999
 *   └───────────────── the contact's tenant-local number ({@link TenantNumbers#contactNumber}), zero-padded,
 *                      1–999,999,999
 * </pre>
 * The sequence digit sits where MOD11's weight is 2, so its ten values give ten different remainders and at
 * most one of them gives "-": 0 or 1 always works. Only the tenant's own numbers are in a KID, so a KID
 * says nothing about the person to anyone without Dialog's tables.
 */
public final class KidLayout {

    public static final int LENGTH = 15;
    public static final long MAX_CONTACT = 999_999_999L;
    public static final long MAX_STEP = 9_999L;

    private KidLayout() {}

    /** What a KID in this layout says. */
    public record Parts(long contactNumber, long stepNumber) {}

    /**
     * @throws IllegalArgumentException if a number is out of its range (the tenant has outgrown the layout)
     */
    public static String kid(long contactNumber, long stepNumber, KidMethod method) {
        Objects.requireNonNull(method, "method");
        if (contactNumber < 1 || contactNumber > MAX_CONTACT) {
            throw new IllegalArgumentException("contact number must be 1-" + MAX_CONTACT + ", was " + contactNumber);
        }
        if (stepNumber < 1 || stepNumber > MAX_STEP) {
            throw new IllegalArgumentException("step number must be 1-" + MAX_STEP + ", was " + stepNumber);
        }
        String numbers = String.format("%09d%04d", contactNumber, stepNumber);
        for (int sequence = 0; sequence <= 9; sequence++) {
            String body = numbers + sequence;
            if (Kid.checkCharacter(body, method) != '-') {
                return Kid.withCheckDigit(body, method);
            }
        }
        throw new IllegalStateException("no sequence digit gives a KID check digit");
    }

    /** The numbers in a valid KID of this layout, or empty if it is not one. */
    public static Optional<Parts> parse(String kid, KidMethod method) {
        if (kid == null || kid.length() != LENGTH || !Kid.isValid(kid, method)) {
            return Optional.empty();
        }
        long contact = Long.parseLong(kid.substring(0, 9));
        long step = Long.parseLong(kid.substring(9, 13));
        return contact == 0 || step == 0 ? Optional.empty() : Optional.of(new Parts(contact, step));
    }
}
