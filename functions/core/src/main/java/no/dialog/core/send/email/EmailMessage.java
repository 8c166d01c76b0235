package no.dialog.core.send.email;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import no.dialog.core.contact.EmailAddresses;

/**
 * One e-mail as it goes to the transport (SES or SMTP): addresses, subject, both bodies, extra headers
 * and the tags that come back in the provider's events.
 *
 * @param from             the sender's address, e.g. {@code post@organisasjon.no}; must be verified at SES
 * @param fromName         the display name people see, or null for the bare address
 * @param to               the recipient's address
 * @param replyTo          where replies go, or null for {@code from}
 * @param subject          one line, not blank
 * @param html             the HTML part, not blank
 * @param text             the plain-text part, not blank
 * @param headers          extra headers in order ({@code List-Unsubscribe} ...); names are ASCII tokens,
 *                         values one line
 * @param configurationSet the SES configuration set that publishes the message's events, or null
 * @param tags             SES message tags ({@link EmailTags}); names and values only
 *                         {@code [A-Za-z0-9_.@-]}, at most 256 characters
 */
public record EmailMessage(String from, String fromName, String to, String replyTo, String subject, String html,
                           String text, Map<String, String> headers, String configurationSet,
                           Map<String, String> tags) {

    public EmailMessage {
        requireAddress(from, "from");
        requireAddress(to, "to");
        if (replyTo != null) {
            requireAddress(replyTo, "replyTo");
        }
        requireOneLine(fromName, "fromName", false);
        requireOneLine(subject, "subject", true);
        if (html == null || html.isBlank()) {
            throw new IllegalArgumentException("e-mail html part must not be empty");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("e-mail text part must not be empty");
        }
        headers = ordered(headers);
        headers.forEach((name, value) -> {
            if (!name.matches("[A-Za-z0-9-]{1,76}")) {
                throw new IllegalArgumentException("e-mail header name must be letters, digits and '-'");
            }
            requireOneLine(value, "header " + name, true);
        });
        tags = ordered(tags);
        tags.forEach((name, value) -> {
            if (!EmailTags.isValid(name) || !EmailTags.isValid(value)) {
                throw new IllegalArgumentException("e-mail tag names and values must be 1-256 characters of"
                        + " [A-Za-z0-9_.@-]");
            }
        });
    }

    private static Map<String, String> ordered(Map<String, String> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static void requireAddress(String address, String field) {
        if (EmailAddresses.normalise(address).isEmpty()) {
            throw new IllegalArgumentException("e-mail " + field + " must be a valid address");
        }
    }

    private static void requireOneLine(String value, String field, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new IllegalArgumentException("e-mail " + field + " must not be empty");
            }
            return;
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            // A line break in a header would let a value add headers of its own.
            throw new IllegalArgumentException("e-mail " + field + " must be one line");
        }
        Objects.requireNonNull(value);
    }
}
