package no.dialog.core.send;

/**
 * What a provider said when it took a message.
 *
 * @param providerMessageId the provider's id for it (LINK's {@code messageId}, SES's {@code MessageId},
 *                          a drop's object key), which its reports carry; may be null when it gives none
 * @param parts             units the organisation pays for (SMS parts, pages of a letter), or null
 */
public record DeliveryReceipt(String providerMessageId, Integer parts) {}
