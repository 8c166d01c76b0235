package no.dialog.core.send;

import java.util.ArrayList;
import java.util.List;

/**
 * Port: a provider that sends SMS (LINK Mobility in {@code functions/providers}). One call, one message;
 * the implementation decides nothing about retries, it only says which kind of failure it saw.
 */
public interface SmsGateway {

    /**
     * @return the provider's receipt when it accepted the message
     * @throws ProviderRejected    the provider refused this message for good (HTTP 4xx about the message)
     * @throws ProviderUnavailable the provider could not be reached, answered 5xx or timed out; see
     *                             {@link ProviderUnavailable#possiblyAccepted()}
     */
    SmsReceipt send(SmsMessage message);

    /** LINK's limit for {@code /sms/sendbatch}; a gateway without a batch call sends that many one by one. */
    int MAX_BATCH = 1_000;

    /**
     * Sends several messages, in one provider call where the provider has one. This default sends them one
     * by one; after a message the provider was unavailable for, the rest are not tried (they come back
     * {@link DeliveryOutcome.Unavailable}, surely not accepted), as the provider is most likely down.
     *
     * @param messages 1 to {@link #MAX_BATCH} messages
     * @return one outcome per message, in the same order
     * @throws ProviderUnavailable the whole call failed; no message has an answer of its own
     */
    default List<DeliveryOutcome> sendBatch(List<SmsMessage> messages) {
        List<DeliveryOutcome> outcomes = new ArrayList<>(messages.size());
        ProviderUnavailable down = null;
        for (SmsMessage message : messages) {
            if (down != null) {
                outcomes.add(new DeliveryOutcome.Unavailable("not tried: " + down.getMessage(), false));
                continue;
            }
            try {
                SmsReceipt receipt = send(message);
                outcomes.add(DeliveryOutcome.accepted(receipt.providerMessageId(), receipt.smsCount()));
            } catch (ProviderRejected e) {
                outcomes.add(new DeliveryOutcome.Rejected(e.getMessage()));
            } catch (ProviderUnavailable e) {
                down = e;
                outcomes.add(new DeliveryOutcome.Unavailable(e.getMessage(), e.possiblyAccepted()));
            }
        }
        return outcomes;
    }
}
