package no.dialog.core.payment;

import java.util.Locale;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.tenant.Tenant;

/** The check-digit method a KID agreement with the bank uses (see {@link Kid}). */
public enum KidMethod {
    /** Luhn: weights 2,1,2,1… from the right, digit sums of the products. */
    MOD10,
    /** Weights 2,3,4,5,6,7,2,3… from the right; a remainder giving 10 has no digit ("-"). */
    MOD11;

    /** The tenant setting naming its KID method: {@code MOD10} (default) or {@code MOD11}. */
    public static final String SETTING = "letter.kidMethod";

    /** The tenant's KID method ({@value #SETTING}); giros out and OCR payments in use the same. */
    public static KidMethod of(Tenant tenant) {
        String method = tenant.setting(SETTING).orElse("MOD10").strip().toUpperCase(Locale.ROOT);
        try {
            return KidMethod.valueOf(method);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailure("the tenant's " + SETTING + " must be MOD10 or MOD11");
        }
    }
}
