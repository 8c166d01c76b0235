package no.dialog.core.landing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import no.dialog.core.template.LandingLinks;
import no.dialog.core.tenant.TenantId;

/**
 * The token in a personal link: 16 bytes, 22 base64url characters ({@link LandingLinks#TOKEN_LENGTH}).
 * <pre>
 *   byte 0      key version (1-255)
 *   bytes 1-9   link id: 72 bits, HMAC of the send's idempotency key, so a redelivered send gets the
 *               same link; it names the {@link LinkBinding} stored server-side
 *   bytes 10-15 MAC: the first 48 bits of HMAC-SHA256(tenant key of that version, version ‖ id ‖ binding)
 * </pre>
 * The token carries no personal data. Guessing one means guessing 120 bits; changing any byte, or
 * the stored binding (another tenant, step, person, expiry), breaks the MAC.
 */
public final class LinkTokens {

    static final int ID_BYTES = 9;
    static final int MAC_BYTES = 6;
    private static final int TOKEN_BYTES = 1 + ID_BYTES + MAC_BYTES;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{" + LandingLinks.TOKEN_LENGTH + "}");

    private final LandingKeys keys;

    public LinkTokens(LandingKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** A token's parts, before its MAC is checked against a stored binding. */
    public record Parsed(int keyVersion, String linkId, byte[] mac) {}

    /** The link id for one send: stable for the idempotency key, unguessable without the key. */
    public String linkId(TenantId tenant, String sendKey) {
        byte[] full = keys.mac(tenant, keys.current(), ("id\n" + sendKey).getBytes(StandardCharsets.UTF_8));
        return ENCODER.encodeToString(Arrays.copyOf(full, ID_BYTES));
    }

    public int currentVersion() {
        return keys.current();
    }

    /** The token for a stored link. */
    public String token(int keyVersion, String linkId, LinkBinding binding) {
        byte[] id = DECODER.decode(linkId);
        if (id.length != ID_BYTES) {
            throw new IllegalArgumentException("a link id is " + ID_BYTES + " bytes");
        }
        byte[] token = new byte[TOKEN_BYTES];
        token[0] = (byte) keyVersion;
        System.arraycopy(id, 0, token, 1, ID_BYTES);
        System.arraycopy(mac(keyVersion, id, binding), 0, token, 1 + ID_BYTES, MAC_BYTES);
        String encoded = ENCODER.encodeToString(token);
        if (encoded.length() != LandingLinks.TOKEN_LENGTH) {
            throw new IllegalStateException("a token must be " + LandingLinks.TOKEN_LENGTH + " characters");
        }
        return encoded;
    }

    /** The token's parts, or empty if it is not shaped like one or names a key version not accepted. */
    public Optional<Parsed> parse(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        byte[] bytes = DECODER.decode(token);
        if (!ENCODER.encodeToString(bytes).equals(token)) {
            // The last character carries two bits and four spare ones: only the one true spelling is accepted.
            return Optional.empty();
        }
        int version = bytes[0] & 0xff;
        if (!keys.accepts(version)) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(version, ENCODER.encodeToString(Arrays.copyOfRange(bytes, 1, 1 + ID_BYTES)),
                Arrays.copyOfRange(bytes, 1 + ID_BYTES, TOKEN_BYTES)));
    }

    /** True if the token was signed for exactly this binding, with the binding's tenant's key. */
    public boolean matches(Parsed parsed, LinkBinding binding) {
        byte[] expected = mac(parsed.keyVersion(), DECODER.decode(parsed.linkId()), binding);
        return MessageDigest.isEqual(Arrays.copyOf(expected, MAC_BYTES), parsed.mac());
    }

    private byte[] mac(int version, byte[] id, LinkBinding binding) {
        byte[] canonical = binding.canonical().getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[1 + id.length + canonical.length];
        data[0] = (byte) version;
        System.arraycopy(id, 0, data, 1, id.length);
        System.arraycopy(canonical, 0, data, 1 + id.length, canonical.length);
        return keys.mac(binding.tenant(), version, data);
    }
}
