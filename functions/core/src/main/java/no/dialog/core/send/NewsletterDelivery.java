package no.dialog.core.send;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.EmailAddresses;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.template.NewsletterLists;
import no.dialog.core.tenant.Tenant;

/**
 * A newsletter step through a {@link NewsletterGateway}: adds the person to the list the template names
 * ({@link NewsletterLists}), with their e-mail address, names, contact id and newsletter consent, in the
 * organisation's own provider account. Nothing is "sent": the provider's newsletters reach the list.
 *
 * <p>The account is the tenant's settings {@code make.userId} and {@code make.apiKey} (and optionally
 * {@code make.consentField}, the subscriber field where the consent is recorded), or the default account
 * this delivery is built with (one Make account for every tenant, and the local stack's sandbox).
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

    /** Tenant setting: the organisation's Make user id. */
    public static final String USER_ID_SETTING = "make.userId";
    /** Tenant setting: the organisation's Make API key. */
    public static final String API_KEY_SETTING = "make.apiKey";
    /** Tenant setting: the Make subscriber field that records the consent (default: the gateway's). */
    public static final String CONSENT_FIELD_SETTING = "make.consentField";

    private final NewsletterGateway gateway;
    private final NewsletterAccount defaultAccount;

    /** @param defaultAccount the account for tenants without their own settings; null if every tenant needs one */
    public NewsletterDelivery(NewsletterGateway gateway, NewsletterAccount defaultAccount) {
        this.gateway = Objects.requireNonNull(gateway);
        this.defaultAccount = defaultAccount;
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
        Optional<String> user = tenant.setting(USER_ID_SETTING);
        Optional<String> key = tenant.setting(API_KEY_SETTING);
        if (user.isPresent() != key.isPresent()) {
            throw new PermanentFailure("tenant settings " + USER_ID_SETTING + " and " + API_KEY_SETTING
                    + " must be set together");
        }
        if (user.isPresent()) {
            try {
                return new NewsletterAccount(user.get(), key.get(), tenant.setting(CONSENT_FIELD_SETTING).orElse(null));
            } catch (IllegalArgumentException e) {
                throw new PermanentFailure("tenant setting " + CONSENT_FIELD_SETTING + ": " + e.getMessage());
            }
        }
        if (defaultAccount == null) {
            throw new PermanentFailure("no Make account for the tenant: set " + USER_ID_SETTING + " and "
                    + API_KEY_SETTING + " (or MAKE_USER_ID and MAKE_API_KEY for every tenant)");
        }
        return defaultAccount;
    }
}
