package no.dialog.core.compliance;

import java.time.Instant;
import java.util.Objects;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.Contact;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.send.SendRules;
import no.dialog.core.send.SendVerdict;
import no.dialog.core.tenant.Tenant;

/**
 * {@link SendRules} for the newsletter sender: whatever the given rules allow, a newsletter subscription
 * also needs the person's granted {@code newsletter} consent, with the time it was given. Make requires
 * consent for every subscriber, and the marketing act's customer-relationship exception (§ 15) covers
 * e-mail about the organisation's own products, not a place on a mailing list run elsewhere. Other
 * channels pass through unchanged.
 */
public final class NewsletterConsentRules implements SendRules {

    private final SendRules rules;

    public NewsletterConsentRules(SendRules rules) {
        this.rules = Objects.requireNonNull(rules);
    }

    @Override
    public SendVerdict check(Tenant tenant, Contact contact, SendChannel channel, Instant now) {
        SendVerdict verdict = rules.check(tenant, contact, channel, now);
        if (channel != SendChannel.NEWSLETTER || !(verdict instanceof SendVerdict.Allowed)) {
            return verdict;
        }
        Consent consent = contact.consents().get(Channel.NEWSLETTER);
        if (consent == null || !consent.granted()) {
            return new SendVerdict.Refused("no newsletter consent");
        }
        if (consent.at() == null) {
            return new SendVerdict.Refused("the newsletter consent has no time it was given");
        }
        return verdict;
    }
}
