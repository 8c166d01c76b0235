package no.dialog.core.landing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
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

    private final Supplier<byte[]> master;
    private final int current;
    private final int oldestAccepted;
    private volatile Derived derived;

    /** The keys derived from one master value, dropped when the supplier hands out another. */
    private record Derived(byte[] master, Map<String, SecretKeySpec> keys) {}

    /**
     * @param master         at least 32 bytes (the landing link key)
     * @param current        the version new links are signed with, 1-255 ({@code LANDING_KEY_VERSION})
     * @param oldestAccepted links signed with an older version are refused ({@code LANDING_OLDEST_KEY_VERSION})
     */
    public LandingKeys(byte[] master, int current, int oldestAccepted) {
        this(constant(Objects.requireNonNull(master, "master").clone()), current, oldestAccepted);
    }

    /**
     * @param master the current master key (at least 32 bytes), asked on every use so a new value takes effect
     *               without a restart; it should hand out the same array until the value changes
     */
    public LandingKeys(Supplier<byte[]> master, int current, int oldestAccepted) {
        if (current < 1 || current > 255 || oldestAccepted < 1 || oldestAccepted > current) {
            throw new IllegalArgumentException("key versions must satisfy 1 <= oldestAccepted <= current <= 255");
        }
        this.master = Objects.requireNonNull(master, "master");
        this.current = current;
        this.oldestAccepted = oldestAccepted;
        keys();
    }

    private static Supplier<byte[]> constant(byte[] master) {
        return () -> master;
    }

    private Derived keys() {
        byte[] value = master.get();
        Derived known = derived;
        if (known == null || known.master() != value) {
            if (value == null || value.length < 32) {
                throw new IllegalArgumentException("the landing secret must be at least 32 bytes");
            }
            known = new Derived(value, new ConcurrentHashMap<>());
            derived = known;
        }
        return known;
    }

    public int current() {
        return current;
    }

    public boolean accepts(int version) {
        return version >= oldestAccepted && version <= current;
    }

    /** HMAC-SHA256 of {@code data} with the tenant's key of {@code version}. */
    public byte[] mac(TenantId tenant, int version, byte[] data) {
        Derived keys = keys();
        SecretKeySpec key = keys.keys().computeIfAbsent(version + "/" + tenant.value(), k -> new SecretKeySpec(
                hmac(new SecretKeySpec(keys.master(), "HmacSHA256"),
                        ("dialog-landing/v" + version + "/" + tenant.value()).getBytes(StandardCharsets.UTF_8)),
                "HmacSHA256"));
        return hmac(key, data);
    }

    /** A key for another purpose (CSRF tokens), separate from every tenant's link key. */
    public byte[] purposeMac(String purpose, byte[] data) {
        Derived keys = keys();
        SecretKeySpec key = keys.keys().computeIfAbsent("purpose/" + purpose, k -> new SecretKeySpec(
                hmac(new SecretKeySpec(keys.master(), "HmacSHA256"),
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
