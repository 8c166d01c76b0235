package no.dialog.landing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import no.dialog.aws.snapstart.RestoreSafeRandom;
import no.dialog.core.landing.LandingKeys;

/**
 * CSRF protection for the page's form (double submit, signed): the browser holds a random nonce in a
 * strict same-site cookie, and the form a hidden field with {@code HMAC(link id ‖ nonce)}. A POST
 * needs both and that they fit; a page on another site can neither read the cookie nor compute the MAC.
 */
public final class CsrfTokens {

    public static final String COOKIE = "dlg_csrf";
    private static final SecureRandom RANDOM = RestoreSafeRandom.secureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final LandingKeys keys;

    public CsrfTokens(LandingKeys keys) {
        this.keys = keys;
    }

    public static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    public static boolean isNonce(String value) {
        return value != null && value.matches("[A-Za-z0-9_-]{22}");
    }

    public String field(String linkId, String nonce) {
        byte[] mac = keys.purposeMac("csrf", (linkId + "\n" + nonce).getBytes(StandardCharsets.UTF_8));
        return ENCODER.encodeToString(Arrays.copyOf(mac, 16));
    }

    public boolean matches(String linkId, String nonce, String field) {
        if (!isNonce(nonce) || field == null) {
            return false;
        }
        return MessageDigest.isEqual(field(linkId, nonce).getBytes(StandardCharsets.US_ASCII),
                field.getBytes(StandardCharsets.US_ASCII));
    }
}
