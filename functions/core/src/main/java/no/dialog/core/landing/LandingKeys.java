package no.dialog.core.landing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.dialog.core.tenant.TenantId;

/**
 * The per-tenant keys that sign personal links, derived from one master secret and a key version:
 * {@code HMAC-SHA256(master, "dialog-landing/v<version>/<tenant>")}. Rotating is raising the current
 * version (new links use it, links already sent keep working with theirs); revoking old links is
 * raising {@code oldestAccepted}. No key is ever stored.
 */
public final class LandingKeys {

    private final byte[] master;
    private final int current;
    private final int oldestAccepted;
    private final Map<String, SecretKeySpec> derived = new ConcurrentHashMap<>();

    /**
     * @param master         at least 32 bytes ({@code LANDING_SECRET}, base64)
     * @param current        the version new links are signed with, 1-255 ({@code LANDING_KEY_VERSION})
     * @param oldestAccepted links signed with an older version are refused ({@code LANDING_OLDEST_KEY_VERSION})
     */
    public LandingKeys(byte[] master, int current, int oldestAccepted) {
        Objects.requireNonNull(master, "master");
        if (master.length < 32) {
            throw new IllegalArgumentException("the landing secret must be at least 32 bytes");
        }
        if (current < 1 || current > 255 || oldestAccepted < 1 || oldestAccepted > current) {
            throw new IllegalArgumentException("key versions must satisfy 1 <= oldestAccepted <= current <= 255");
        }
        this.master = master.clone();
        this.current = current;
        this.oldestAccepted = oldestAccepted;
    }

    public int current() {
        return current;
    }

    public boolean accepts(int version) {
        return version >= oldestAccepted && version <= current;
    }

    /** HMAC-SHA256 of {@code data} with the tenant's key of {@code version}. */
    public byte[] mac(TenantId tenant, int version, byte[] data) {
        SecretKeySpec key = derived.computeIfAbsent(version + "/" + tenant.value(), k -> new SecretKeySpec(
                hmac(new SecretKeySpec(master, "HmacSHA256"),
                        ("dialog-landing/v" + version + "/" + tenant.value()).getBytes(StandardCharsets.UTF_8)),
                "HmacSHA256"));
        return hmac(key, data);
    }

    /** A key for another purpose (CSRF tokens), separate from every tenant's link key. */
    public byte[] purposeMac(String purpose, byte[] data) {
        SecretKeySpec key = derived.computeIfAbsent("purpose/" + purpose, k -> new SecretKeySpec(
                hmac(new SecretKeySpec(master, "HmacSHA256"),
                        ("dialog-landing/purpose/" + purpose).getBytes(StandardCharsets.UTF_8)), "HmacSHA256"));
        return hmac(key, data);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
