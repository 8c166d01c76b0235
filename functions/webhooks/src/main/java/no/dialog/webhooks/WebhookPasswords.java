package no.dialog.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.dialog.core.secret.CurrentKey;
import no.dialog.core.tenant.TenantId;

/**
 * HTTP basic auth for provider webhooks without a stored secret per tenant: the password of one webhook
 * route for one tenant is the lower-case hex HMAC-SHA256 of {@code <route>:<tenant>} (e.g.
 * {@code link-sms:demo}) under the webhook key (secret {@code WEBHOOK_KEY_SECRET_ARN}). Dialog gives each provider
 * the URL {@code /webhooks/<route>/<tenant>}, the user name ({@code link} or {@code tm}) and that password; a
 * password is worthless for another tenant and for another route, so one provider cannot post another's
 * callbacks (call results, opt-outs). Comparison is in constant time.
 */
final class WebhookPasswords {

    private final CurrentKey key;

    WebhookPasswords(byte[] secret) {
        this(CurrentKey.constant(secret));
    }

    /** @param secret the current webhook key (at least 32 bytes), the same array until it changes */
    WebhookPasswords(Supplier<byte[]> secret) {
        this.key = new CurrentKey(secret, "HmacSHA256", length -> length >= 32, "the webhook key must be at least 32 bytes");
        key();
    }

    private SecretKeySpec key() {
        return key.get();
    }

    /** The password a provider uses on this route for this tenant (for operators, and for tests). */
    String passwordFor(String route, TenantId tenant) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return HexFormat.of().formatHex(mac.doFinal((route + ":" + tenant.value()).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** @return why the credentials are refused, or empty when they are right */
    Optional<String> refusal(String authorization, String user, String route, TenantId tenant) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.of("basic authentication is required");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.of("the Authorization header is not valid base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.of("the credentials have no password");
        }
        byte[] expected = (user + ":" + passwordFor(route, tenant)).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, decoded.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("wrong user name or password for this route and tenant");
        }
        return Optional.empty();
    }
}
