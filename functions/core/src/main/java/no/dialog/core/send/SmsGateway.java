package no.dialog.core.send;

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
}
