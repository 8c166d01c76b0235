package no.dialog.aws.payment;

import java.util.Locale;
import java.util.Optional;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;

/**
 * A tenant's Vipps choices, which are not secrets and so live in its settings wherever the keys are kept:
 * {@code vipps.captureAtOnce} ({@code true} or {@code false}, default true: gifts are captured at once)
 * and {@code vipps.recurringProductName} (the text on a regular-donor agreement, default
 * {@value #DEFAULT_PRODUCT_NAME}).
 */
final class VippsChoices {

    static final String CAPTURE_AT_ONCE = "vipps.captureAtOnce";
    static final String RECURRING_PRODUCT_NAME = "vipps.recurringProductName";
    static final String DEFAULT_PRODUCT_NAME = "Fast gave";

    private VippsChoices() {}

    /** @throws IllegalStateException if the setting is neither true nor false */
    static boolean captureAtOnce(TenantId id, Optional<Tenant> tenant) {
        Optional<String> value = tenant.flatMap(t -> t.setting(CAPTURE_AT_ONCE)).map(v -> v.trim().toLowerCase(Locale.ROOT));
        if (value.isEmpty()) {
            return true;
        }
        if (!value.get().equals("true") && !value.get().equals("false")) {
            throw new IllegalStateException("tenant " + id.value() + ": setting " + CAPTURE_AT_ONCE
                    + " must be true or false");
        }
        return Boolean.parseBoolean(value.get());
    }

    static String recurringProductName(Optional<Tenant> tenant) {
        return tenant.flatMap(t -> t.setting(RECURRING_PRODUCT_NAME)).map(String::trim).orElse(DEFAULT_PRODUCT_NAME);
    }
}
