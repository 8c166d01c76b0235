package no.dialog.core.send;

import java.util.Objects;

/**
 * What a provider did with one message of a batch call ({@link BatchChannelDelivery#deliverAll}): the same
 * three answers a single call gives ({@link ChannelDelivery#deliver} returns or throws), as values, so one
 * message's answer does not decide the others'.
 */
public sealed interface DeliveryOutcome {

    /** Taken; the receipt says with what id and how many parts. */
    record Accepted(DeliveryReceipt receipt) implements DeliveryOutcome {
        public Accepted {
            Objects.requireNonNull(receipt, "receipt");
        }
    }

    /** Refused for good (bad number, rejected content); the reason names codes, never the number or text. */
    record Rejected(String reason) implements DeliveryOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Not taken this time; {@code possiblyAccepted} as in {@link ProviderUnavailable#possiblyAccepted()}: true
     * when the request went out and no answer about this message came back.
     */
    record Unavailable(String reason, boolean possiblyAccepted) implements DeliveryOutcome {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static DeliveryOutcome accepted(String providerMessageId, Integer parts) {
        return new Accepted(new DeliveryReceipt(providerMessageId, parts));
    }
}
