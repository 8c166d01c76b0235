package no.dialog.local.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The template's secrets that the local stack sets to fixed development values (never used anywhere else),
 * by logical id, because something outside the functions must know them: the provider sandboxes check the
 * passwords Dialog sends, the LINK sandbox and developers with curl compute webhook passwords, the e-mail
 * sandbox's unsubscribe links must verify, and the landing benchmark mints links. Every other secret gets a
 * generated value, as in AWS. All of them live in the local Secrets Manager endpoint, where the functions read
 * them through the ARNs in their environment.
 */
public final class LocalDevSecrets {

    private LocalDevSecrets() {
    }

    /** Secret values by the template's logical ids, in the formats docs/deploy.md gives for each. */
    public static Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("WebhookKeySecret", textKey(WebhookDevSecrets.WEBHOOK_SECRET));
        values.put("UnsubscribeKeySecret", textKey(WebhookDevSecrets.UNSUBSCRIBE_SECRET));
        values.put("LandingLinkKeySecret", "{\"format\":\"base64\",\"key\":\"" + LandingParameters.DEV_SECRET + "\"}");
        values.put("LinkPasswordSecret", LinkSandbox.PASSWORD);
        values.put("LinkChatPasswordSecret", LinkConversationsSandbox.PASSWORD);
        values.put("MakeApiKeySecret", MakeSandbox.API_KEY);
        return values;
    }

    private static String textKey(String key) {
        return "{\"format\":\"text\",\"key\":\"" + key + "\"}";
    }
}
