package no.dialog.core.template;

import java.util.Optional;
import java.util.regex.Pattern;
import no.dialog.core.journey.SendChannel;

/**
 * How a newsletter template names its list. A newsletter step does not send a text: it adds the person
 * to a subscriber list at the newsletter provider (Make), whose own editor writes and sends the
 * newsletters. So the body of a {@code newsletter} template is the provider's list id, and nothing else:
 * <pre>{@code
 * {"id":"monthly-news","channel":"newsletter","language":"nb","subject":null,"body":"1466"}
 * }</pre>
 * (ADR 0013). The id is 1–12 digits, not starting with 0 (Make's list ids are numbers); surrounding
 * whitespace is ignored, merge fields are not allowed.
 */
public final class NewsletterLists {

    private static final Pattern LIST_ID = Pattern.compile("[1-9][0-9]{0,11}");

    private NewsletterLists() {}

    /** The list id a newsletter template names, or empty if its body is not one (or it is not a newsletter). */
    public static Optional<String> listId(MessageTemplate template) {
        if (template.channel() != SendChannel.NEWSLETTER) {
            return Optional.empty();
        }
        String body = template.body().strip();
        return LIST_ID.matcher(body).matches() ? Optional.of(body) : Optional.empty();
    }
}
