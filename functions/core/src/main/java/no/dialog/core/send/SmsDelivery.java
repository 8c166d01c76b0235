package no.dialog.core.send;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.messaging.PermanentFailure;

/**
 * SMS through an {@link SmsGateway}: the sender name is the tenant's setting, the configured one or the
 * organisation's ({@link SenderNames}), the number the contact's mobile, the text the rendered template, and the
 * idempotency key goes along as LINK's {@code refId}. Batches go through {@link SmsGateway#sendBatch} (LINK's
 * {@code /sms/sendbatch}, up to {@link SmsGateway#MAX_BATCH} per call).
 */
public final class SmsDelivery implements BatchChannelDelivery<SmsMessage> {

    private final SmsGateway gateway;
    private final String configuredSender;

    /**
     * @param configuredSender the sender every message shows, or null/blank to use the organisation's name
     * @throws IllegalArgumentException if the configured sender is not valid
     */
    public SmsDelivery(SmsGateway gateway, String configuredSender) {
        this.gateway = Objects.requireNonNull(gateway);
        if (configuredSender != null && !configuredSender.isBlank() && !SmsMessage.isValidSender(configuredSender)) {
            throw new IllegalArgumentException("the configured SMS sender must be 2-11 letters or digits starting"
                    + " with a letter");
        }
        this.configuredSender = configuredSender;
    }

    @Override
    public SendChannel channel() {
        return SendChannel.SMS;
    }

    @Override
    public SmsMessage prepare(OutgoingMessage message) {
        String sender = SenderNames.choose(configuredSender, message.tenant()).orElseThrow(() ->
                new PermanentFailure("the organisation's name gives no valid SMS sender (2-11 letters or digits,"
                        + " starting with a letter); set the sms.sender setting or LINK_SENDER"));
        return new SmsMessage(sender, message.contact().phone(), message.rendered().text(), message.idempotencyKey(),
                message.tenant().id());
    }

    @Override
    public DeliveryReceipt deliver(SmsMessage message) {
        SmsReceipt receipt = gateway.send(message);
        return new DeliveryReceipt(receipt.providerMessageId(), receipt.smsCount());
    }

    @Override
    public int maxBatchSize() {
        return SmsGateway.MAX_BATCH;
    }

    @Override
    public List<DeliveryOutcome> deliverAll(List<SmsMessage> messages) {
        try {
            List<DeliveryOutcome> outcomes = gateway.sendBatch(messages);
            if (outcomes.size() != messages.size()) {
                throw new IllegalStateException("the SMS gateway answered " + outcomes.size() + " outcomes for "
                        + messages.size() + " messages");
            }
            return outcomes;
        } catch (ProviderUnavailable e) {
            List<DeliveryOutcome> all = new ArrayList<>(messages.size());
            for (int i = 0; i < messages.size(); i++) {
                all.add(new DeliveryOutcome.Unavailable(e.getMessage(), e.possiblyAccepted()));
            }
            return all;
        }
    }
}
