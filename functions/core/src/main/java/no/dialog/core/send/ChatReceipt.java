package no.dialog.core.send;

/**
 * The chat provider took the message.
 *
 * @param providerMessageId the provider's id for the message (LINK Conversations' {@code messageId})
 * @param conversationId    the conversation it opened or continued; replies carry it too
 */
public record ChatReceipt(String providerMessageId, String conversationId) {}
