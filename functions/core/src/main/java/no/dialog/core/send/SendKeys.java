package no.dialog.core.send;

import java.util.Optional;
import java.util.regex.Pattern;
import no.dialog.core.tenant.TenantId;

/**
 * Reads an idempotency key as senders build it: {@code <tenant>:<enrolmentId>:<stepId>:<visit>[:<fallbackChannel>]}.
 * Providers hand it back (LINK's {@code refId}, the SES tag {@code dialog-key}), and the webhooks use it
 * to find the message in the {@link SendLedger} and the journey it belongs to.
 */
public final class SendKeys {

    /** Enrolment ids are {@code <journeyId>-<entry>-<20 hex>} (core's EnrolmentIds). */
    private static final Pattern ENROLMENT_ID = Pattern.compile("(.+)-\\d+-[0-9a-f]{20}");

    private SendKeys() {}

    /** The parts of a key. */
    public record SendKey(TenantId tenant, String enrolmentId, String stepId, String key) {

        /** The journey of the enrolment, when the enrolment id has the usual form. */
        public Optional<String> journeyId() {
            var matcher = ENROLMENT_ID.matcher(enrolmentId);
            return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
        }
    }

    /** @return the key's parts, or empty when it does not have the form of Dialog's keys */
    public static Optional<SendKey> parse(String key) {
        if (key == null || key.length() > 500) {
            return Optional.empty();
        }
        String[] parts = key.split(":", -1);
        if (parts.length < 4 || parts.length > 5 || !TenantId.isValid(parts[0])) {
            return Optional.empty();
        }
        for (String part : parts) {
            if (part.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(new SendKey(TenantId.of(parts[0]), parts[1], parts[2], key));
    }
}
