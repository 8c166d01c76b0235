package no.dialog.local.sandbox;

/**
 * The webhooks function's keys in the local stack ({@link LocalDevSecrets} puts them in the local Secrets
 * Manager endpoint): fixed dev values (never used anywhere else), so a
 * provider sandbox or a developer with curl can compute a route's webhook password for a tenant
 * (lower-case hex HMAC-SHA256(webhook key, "<route>:<tenant>"), e.g. "link-sms:demo") and the e-mail sandbox can issue unsubscribe links
 * the webhooks accept.
 */
public final class WebhookDevSecrets {

    public static final String WEBHOOK_SECRET = "local-dev-webhook-secret-0123456789abcdef";
    public static final String UNSUBSCRIBE_SECRET = "local-dev-unsubscribe-secret-0123456789abcdef";

    private WebhookDevSecrets() {
    }

    /** A webhook route's password for a tenant under {@code webhookSecret}, as the webhooks function checks it. */
    public static String password(String webhookSecret, String route, String tenant) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(webhookSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal((route + ":" + tenant)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
