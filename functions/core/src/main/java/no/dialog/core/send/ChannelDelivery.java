package no.dialog.core.send;

import no.dialog.core.journey.SendChannel;

/**
 * Port: hands one prepared message to a channel's provider (LINK for SMS and chat, SES or SMTP for
 * e-mail, Make for newsletters, a drop for letters, a run file for print and telemarketing). The
 * {@link OnceSender} decides everything around it: who may get what, when, and that it happens at most
 * once. A delivery only says what the provider did.
 */
public interface ChannelDelivery<M> {

    /** The channel this delivery serves; the sender refuses requests for any other. */
    SendChannel channel();

    /**
     * Builds the provider's message (sender name, subject, addresses, PDF) before anything is recorded,
     * so that a message that can never be built does not take its key.
     *
     * @throws no.dialog.core.messaging.PermanentFailure the message can never be built as it is (a
     *         template without a subject, no valid sender name, a missing setting for the tenant); the
     *         request goes to the DLQ with the reason and can be redriven after the fix
     */
    M prepare(OutgoingMessage message);

    /**
     * @return the provider's receipt when it took the message
     * @throws ProviderRejected    refused for good (bad number, rejected content): never tried again
     * @throws ProviderUnavailable not taken this time; see {@link ProviderUnavailable#possiblyAccepted()}
     */
    DeliveryReceipt deliver(M message);
}
