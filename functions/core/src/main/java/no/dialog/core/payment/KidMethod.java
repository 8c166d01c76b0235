package no.dialog.core.payment;

/** The check-digit method a KID agreement with the bank uses (see {@link Kid}). */
public enum KidMethod {
    /** Luhn: weights 2,1,2,1… from the right, digit sums of the products. */
    MOD10,
    /** Weights 2,3,4,5,6,7,2,3… from the right; a remainder giving 10 has no digit ("-"). */
    MOD11
}
