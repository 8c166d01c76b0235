package no.dialog.core.send;

/**
 * The provider took the message.
 *
 * @param providerMessageId the provider's id for it (LINK's {@code messageId}); delivery reports carry it
 * @param smsCount          the parts the provider says it sends, or null when it did not say
 */
public record SmsReceipt(String providerMessageId, Integer smsCount) {}
