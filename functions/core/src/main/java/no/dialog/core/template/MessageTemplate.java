package no.dialog.core.template;

import java.util.Objects;
import no.dialog.core.journey.SendChannel;

/**
 * A text staff wrote for one channel. {@code subject} is used by e-mail only; {@code body} is the
 * template source with merge fields such as {@code {{ firstName }}} and {@code {{ link }}}, except for a
 * newsletter, whose body is the provider's list id ({@link NewsletterLists}).
 */
public record MessageTemplate(String id, SendChannel channel, String language, String subject, String body) {

    public MessageTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(body, "body");
    }
}
