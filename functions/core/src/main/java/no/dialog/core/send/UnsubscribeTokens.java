package no.dialog.core.send;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.dialog.core.contact.Channel;
import no.dialog.core.secret.CurrentKey;
import no.dialog.core.tenant.TenantId;

/**
 * The token in an unsubscribe link (e-mail footers, {@code List-Unsubscribe}): who opts out of which
 * channel, signed so that nobody can unsubscribe someone else by editing it. It carries only opaque ids
 * (tenant, contact id, channel), never an address, and does not expire: an unsubscribe link must work
 * for as long as the message is kept.
 *
 * <p>Form: {@code base64url(tenant:contactId:channel) "." base64url(first 16 bytes of HMAC-SHA256)}.
 */
public final class UnsubscribeTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{4,200}\\.[A-Za-z0-9_-]{22}");
    private static final int MAC_BYTES = 16;

    private final CurrentKey key;

    /** What a valid token says. */
    public record Unsubscribe(TenantId tenant, String contactId, Channel channel) {}

    /** @param secret at least 32 bytes, the same for every function that issues or reads tokens */
    public UnsubscribeTokens(byte[] secret) {
        this(CurrentKey.constant(Objects.requireNonNull(secret, "secret")));
    }

    /**
     * @param secret the current secret (at least 32 bytes), asked on every use so a rotated value takes effect; it
     *               should hand out the same array until the value changes (the key is rebuilt on a new array)
     */
    public UnsubscribeTokens(Supplier<byte[]> secret) {
        this.key = new CurrentKey(secret, "HmacSHA256", length -> length >= 32,
                "the unsubscribe secret must be at least 32 bytes");
        key();
    }

    private SecretKeySpec key() {
        return key.get();
    }

    public String issue(TenantId tenant, String contactId, Channel channel) {
        if (contactId == null || contactId.isEmpty() || contactId.indexOf(':') >= 0) {
            throw new IllegalArgumentException("contact id must be non-empty and without ':'");
        }
        String payload = tenant.value() + ":" + contactId + ":" + channel.jsonName();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /** @return what the token says, or empty if it is malformed or its signature does not match */
    public Optional<Unsubscribe> verify(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        byte[] payload = DECODER.decode(token.substring(0, dot));
        byte[] given = DECODER.decode(token.substring(dot + 1));
        if (!MessageDigest.isEqual(mac(payload), given)) {
            return Optional.empty();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split(":", -1);
        if (parts.length != 3 || !TenantId.isValid(parts[0]) || parts[1].isEmpty()) {
            return Optional.empty();
        }
        return Channel.fromJsonName(parts[2]).map(channel -> new Unsubscribe(TenantId.of(parts[0]), parts[1], channel));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            byte[] full = mac.doFinal(payload);
            byte[] truncated = new byte[MAC_BYTES];
            System.arraycopy(full, 0, truncated, 0, MAC_BYTES);
            return truncated;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
