package no.dialog.core.send;

/**
 * Port: a newsletter provider's subscriber lists (Make in {@code functions/providers}). Subscribing is an
 * upsert: asking twice leaves the person on the list once, so a retry after a timeout does no harm.
 */
public interface NewsletterGateway {

    /**
     * Adds the person to the list, or updates them there, with the consent recorded.
     *
     * @throws ProviderRejected    refused for good: bad input, an unknown list, or the person unsubscribed
     *                             at the provider (Dialog does not subscribe them again)
     * @throws ProviderUnavailable not reachable, credentials refused, throttled, 5xx or no answer in time
     */
    ListSyncResult subscribe(NewsletterSubscription subscription);
}
