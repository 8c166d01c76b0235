package no.dialog.core.send;

import java.util.regex.Pattern;

/**
 * The newsletter provider account a subscription goes to: each organisation has its own Make account
 * (its lists, its subscribers), reached with basic auth {@code user_id:api_key}.
 *
 * @param username     Make's user id
 * @param password     Make's API key (never logged or printed)
 * @param consentField the subscriber field where the consent is recorded (a custom field key such as
 *                     {@code EXTRA3}, or Make's {@code SAMTYKKEEPOST}); null for the gateway's default
 */
public record NewsletterAccount(String username, String password, String consentField) {

    private static final Pattern FIELD = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    public NewsletterAccount {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("the newsletter account's user id is required");
        }
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("the newsletter account's API key is required");
        }
        if (consentField != null && consentField.isBlank()) {
            consentField = null;
        }
        if (consentField != null && !FIELD.matcher(consentField).matches()) {
            throw new IllegalArgumentException("the consent field must be an upper-case field key such as EXTRA3");
        }
    }

    @Override
    public String toString() {
        return "NewsletterAccount[username=" + username + ", consentField=" + consentField + "]";
    }
}
