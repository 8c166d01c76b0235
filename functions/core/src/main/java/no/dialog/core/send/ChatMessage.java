package no.dialog.core.send;

import java.util.regex.Pattern;

/**
 * One chat message as it goes to the provider (LINK Conversations, docs/providers/link-conversations.md).
 *
 * @param sender       what the person sees: an alphanumeric sender (2–11 letters and digits, starting with
 *                     a letter, as for SMS) or a number (a short number of 1–14 digits, or E.164)
 * @param recipient    the person's mobile number in E.164 ({@code +4791234567})
 * @param text         the rendered text, not empty
 * @param refId        the send request's idempotency key; a reply carries it back as {@code inReplyTo}
 * @param replyWebhook where the provider posts the person's replies ({@code <PUBLIC_BASE_URL>/webhooks/link-chat/<tenant>})
 */
public record ChatMessage(String sender, String recipient, String text, String refId, String replyWebhook) {

    private static final Pattern NUMBER_SENDER = Pattern.compile("\\+[1-9][0-9]{6,14}|[0-9]{1,14}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public ChatMessage {
        if (!isValidSender(sender)) {
            throw new IllegalArgumentException("chat sender must be 2-11 letters or digits starting with a letter,"
                    + " or a number");
        }
        if (recipient == null || !E164.matcher(recipient).matches()) {
            throw new IllegalArgumentException("chat recipient must be an E.164 number");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("chat text must not be empty");
        }
        if (refId == null || refId.isBlank()) {
            throw new IllegalArgumentException("chat refId (the idempotency key) is required");
        }
        if (replyWebhook == null || !(replyWebhook.startsWith("https://") || replyWebhook.startsWith("http://"))) {
            throw new IllegalArgumentException("chat replyWebhook must be an http(s) URL");
        }
    }

    /** Whether {@code sender} is an alphanumeric sender or a number sender. */
    public static boolean isValidSender(String sender) {
        return SmsMessage.isValidSender(sender) || (sender != null && NUMBER_SENDER.matcher(sender).matches());
    }
}
