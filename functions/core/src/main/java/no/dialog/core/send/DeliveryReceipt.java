package no.dialog.core.send;

import java.util.Map;

/**
 * What a provider said when it took a message.
 *
 * @param providerMessageId the provider's id for it (LINK's {@code messageId}, SES's {@code MessageId},
 *                          a drop's object key), which its reports carry; may be null when it gives none
 * @param parts             units the organisation pays for (SMS parts, pages of a letter), or null
 * @param delivered         when taking the message already is its delivery (a newsletter list sync), the
 *                          attributes of the {@code delivered} response the sender publishes at once; null
 *                          when delivery is reported later (LINK's delivery reports, SES events)
 */
public record DeliveryReceipt(String providerMessageId, Integer parts, Map<String, String> delivered) {

    public DeliveryReceipt {
        delivered = delivered == null ? null : Map.copyOf(delivered);
    }

    /** Taken; delivery, if reported at all, is reported later. */
    public DeliveryReceipt(String providerMessageId, Integer parts) {
        this(providerMessageId, parts, null);
    }

    /** Taken and delivered in one: the sender publishes a {@code delivered} response with these attributes. */
    public static DeliveryReceipt delivered(String providerMessageId, Integer parts, Map<String, String> attributes) {
        return new DeliveryReceipt(providerMessageId, parts, attributes == null ? Map.of() : attributes);
    }
}
