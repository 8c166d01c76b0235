package no.dialog.core.send.email;

import no.dialog.core.send.ProviderRejected;
import no.dialog.core.send.ProviderUnavailable;

/**
 * Port: a transport that sends e-mail (Amazon SES v2 or plain SMTP in {@code functions/providers}). One
 * call, one message; the implementation decides nothing about retries, it only says which kind of
 * failure it saw.
 */
public interface EmailGateway {

    /**
     * @return the provider's id for the message (SES's {@code MessageId}, the SMTP {@code Message-ID})
     * @throws ProviderRejected    the provider refused this message for good (a bad address, rejected content)
     * @throws ProviderUnavailable the provider could not be reached, throttled, answered 5xx or timed out;
     *                             see {@link ProviderUnavailable#possiblyAccepted()}
     */
    String send(EmailMessage message);
}
