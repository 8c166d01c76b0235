package no.dialog.core.send;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.EmailAddresses;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.template.NewsletterLists;
import no.dialog.core.tenant.CredentialProvider;
import no.dialog.core.tenant.ProviderCredentials;
import no.dialog.core.tenant.Tenant;

/**
 * A newsletter step through a {@link NewsletterGateway}: adds the person to the list the template names
 * ({@link NewsletterLists}), with their e-mail address, names, contact id and newsletter consent, in the
 * organisation's own provider account. Nothing is "sent": the provider's newsletters reach the list.
 *
 * <p>The account is the tenant's own Make credentials ({@link ProviderCredentials}, provider {@code make}: fields
 * {@code userId} and {@code apiKey}; set through {@code PUT /admin/v1/providers/make}) with the tenant setting
 * {@code make.consentField} (the subscriber field where the consent is recorded), or the default account this
 * delivery is built with (one Make account for every tenant, and the local stack's sandbox).
 *
 * <p>The list sync result is known at once, so the receipt asks the sender to publish a {@code delivered}
 * response with {@code listId} and {@code result} ({@code added}, {@code updated},
 * {@code already-subscribed}); the ledger's provider id is {@code <listId>/<subscriberId>/<result>}.
 *
 * <p>Consent is required for every newsletter subscription (Make's policy; no customer-relationship
 * exception): the send rules ({@link no.dialog.core.compliance.NorwegianSendRules}) refuse people without
 * it before anything is recorded. A request that still gets here without consent
 * is a wiring mistake and fails permanently.
 */
public final class NewsletterDelivery implements ChannelDelivery<NewsletterSubscription> {

    /** Tenant setting: the Make subscriber field that records the consent (default: the gateway's). */
    public static final String CONSENT_FIELD_SETTING = "make.consentField";

    private final NewsletterGateway gateway;
    private final Supplier<NewsletterAccount> defaultAccount;
    private final ProviderCredentials credentials;

    /** @param defaultAccount the account for tenants without their own credentials; null if every tenant needs one */
    public NewsletterDelivery(NewsletterGateway gateway, NewsletterAccount defaultAccount) {
        this(gateway, () -> defaultAccount, ProviderCredentials.NONE);
    }

    /**
     * @param defaultAccount the current account for tenants without their own credentials (asked per message: its
     *                       key may be rotated); it may give null if every tenant needs their own
     * @param credentials    the tenants' own Make credentials
     */
    public NewsletterDelivery(NewsletterGateway gateway, Supplier<NewsletterAccount> defaultAccount,
            ProviderCredentials credentials) {
        this.gateway = Objects.requireNonNull(gateway);
        this.defaultAccount = Objects.requireNonNull(defaultAccount);
        this.credentials = Objects.requireNonNull(credentials);
    }

    @Override
    public SendChannel channel() {
        return SendChannel.NEWSLETTER;
    }

    @Override
    public NewsletterSubscription prepare(OutgoingMessage message) {
        String listId = NewsletterLists.listId(message.template()).orElseThrow(() -> new PermanentFailure(
                "template '" + message.template().id() + "' does not name a newsletter list (its body must be the"
                        + " list id)"));
        Contact contact = message.contact();
        String email = Optional.ofNullable(contact.email()).flatMap(EmailAddresses::normalise)
                .orElseThrow(() -> new PermanentFailure("the contact has no valid e-mail address"));
        Consent consent = contact.consents().get(Channel.NEWSLETTER);
        if (consent == null || !consent.granted() || consent.at() == null) {
            throw new PermanentFailure("no newsletter consent: the newsletter sender must check consent"
                    + " (NorwegianSendRules)");
        }
        return new NewsletterSubscription(account(message.tenant()), listId, email, contact.firstName(),
                contact.lastName(), contact.id(), consent, message.idempotencyKey());
    }

    @Override
    public DeliveryReceipt deliver(NewsletterSubscription subscription) {
        ListSyncResult result = gateway.subscribe(subscription);
        String sync = result.sync().jsonName();
        return DeliveryReceipt.delivered(subscription.listId() + "/" + result.subscriberId() + "/" + sync, 1,
                Map.of("listId", subscription.listId(), "result", sync));
    }

    private NewsletterAccount account(Tenant tenant) {
        Optional<Map<String, String>> own = credentials.find(tenant.id(), CredentialProvider.MAKE);
        if (own.isPresent()) {
            try {
                return new NewsletterAccount(own.get().get("userId"), own.get().get("apiKey"),
                        tenant.setting(CONSENT_FIELD_SETTING).orElse(null));
            } catch (IllegalArgumentException e) {
                throw new PermanentFailure("the tenant's Make credentials or setting " + CONSENT_FIELD_SETTING
                        + ": " + e.getMessage());
            }
        }
        NewsletterAccount fallback = defaultAccount.get();
        if (fallback == null) {
            throw new PermanentFailure("no Make account for the tenant: set its credentials (PUT"
                    + " /admin/v1/providers/make), or MAKE_USER_ID and the MAKE_API_KEY secret for every tenant");
        }
        return fallback;
    }
}
