package no.dialog.core.send;

import java.util.regex.Pattern;
import no.dialog.core.tenant.TenantId;

/**
 * One SMS as it goes to the provider.
 *
 * @param sender      the alphanumeric sender people see: 2–11 letters A–Z/a–z and digits, starting with a
 *                    letter (what every Nordic operator shows; see {@link SenderNames})
 * @param destination the recipient in E.164 ({@code +4791234567})
 * @param text        the rendered text, not empty
 * @param refId       the send request's idempotency key; the provider echoes it in delivery reports
 * @param tenant      whose message it is, which picks the provider account (the organisation's own, else the
 *                    deployment's); null when unknown, and then the deployment's. Not sent to the provider.
 */
public record SmsMessage(String sender, String destination, String text, String refId, TenantId tenant) {

    /** A message of no particular tenant: it goes through the deployment's account. */
    public SmsMessage(String sender, String destination, String text, String refId) {
        this(sender, destination, text, refId, null);
    }

    private static final Pattern SENDER = Pattern.compile("[A-Za-z][A-Za-z0-9]{1,10}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public SmsMessage {
        if (sender == null || !SENDER.matcher(sender).matches()) {
            throw new IllegalArgumentException("SMS sender must be 2-11 letters or digits starting with a letter");
        }
        if (destination == null || !E164.matcher(destination).matches()) {
            throw new IllegalArgumentException("SMS destination must be an E.164 number");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("SMS text must not be empty");
        }
        if (refId == null || refId.isBlank()) {
            throw new IllegalArgumentException("SMS refId (the idempotency key) is required");
        }
    }

    /** Whether {@code sender} is a valid alphanumeric sender. */
    public static boolean isValidSender(String sender) {
        return sender != null && SENDER.matcher(sender).matches();
    }
}
