package no.dialog.core.send;

/**
 * Port: a provider of two-way chat (LINK Conversations in {@code functions/providers}). One call, one
 * message; replies come back through the provider's webhook, not through this port.
 */
public interface ChatGateway {

    /**
     * @return the provider's receipt when it accepted the message
     * @throws ProviderRejected    the provider refused this message for good (HTTP 400 about the message)
     * @throws ProviderUnavailable the provider could not be reached, refused our credentials, answered 5xx or
     *                             timed out; see {@link ProviderUnavailable#possiblyAccepted()}
     */
    ChatReceipt send(ChatMessage message);
}
