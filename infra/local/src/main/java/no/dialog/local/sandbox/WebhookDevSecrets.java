package no.dialog.local.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The webhooks function's secrets in the local stack: fixed dev values (never used anywhere else), so a
 * provider sandbox or a developer with curl can compute a route's webhook password for a tenant
 * (lower-case hex HMAC-SHA256(WEBHOOK_SECRET, "<route>:<tenant>"), e.g. "link-sms:demo") and the e-mail sandbox can issue unsubscribe links
 * the webhooks accept.
 */
public final class WebhookDevSecrets {

    public static final String WEBHOOK_SECRET = "local-dev-webhook-secret-0123456789abcdef";
    public static final String UNSUBSCRIBE_SECRET = "local-dev-unsubscribe-secret-0123456789abcdef";

    private WebhookDevSecrets() {
    }

    /** Values for template.yaml's WebhookSecret and UnsubscribeSecret parameters. */
    public static Map<String, String> templateParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("WebhookSecret", WEBHOOK_SECRET);
        parameters.put("UnsubscribeSecret", UNSUBSCRIBE_SECRET);
        return parameters;
    }
}
