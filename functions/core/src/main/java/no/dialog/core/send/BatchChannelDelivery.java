package no.dialog.core.send;

import java.util.List;

/**
 * A {@link ChannelDelivery} whose provider takes many messages in one call (LINK's {@code /sms/sendbatch}).
 * {@link OnceSender#sendAll} uses it to send a whole queue batch in one provider call; channels without it
 * are sent one by one, with the same guarantees.
 */
public interface BatchChannelDelivery<M> extends ChannelDelivery<M> {

    /** The most messages one {@link #deliverAll} call takes (LINK: 1,000). */
    int maxBatchSize();

    /**
     * Hands the messages to the provider in one call (or as few as it needs).
     *
     * @param messages 1 to {@link #maxBatchSize()} messages
     * @return one outcome per message, in the same order. Never throws for provider trouble: a call that
     *         failed as a whole gives every message the same {@link DeliveryOutcome.Unavailable}
     */
    List<DeliveryOutcome> deliverAll(List<M> messages);
}
