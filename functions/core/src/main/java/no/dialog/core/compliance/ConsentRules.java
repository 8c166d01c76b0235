package no.dialog.core.compliance;

import java.util.Objects;
import java.util.Optional;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.Reservations;
import no.dialog.core.journey.SendChannel;

/**
 * May the organisation contact this person on this channel at all (markedsføringsloven §§ 12–13, 15)?
 * Checked in this order; the first rule that refuses gives the reason:
 * <ol>
 *   <li>The person's own "do not contact me" refuses every channel.</li>
 *   <li>An explicit no ({@link Consent#granted()} {@code false}: an opt-out, a STOPP reply, an unsubscribe,
 *       "wants no more calls") for the channel's consent channel refuses, whatever else is true.</li>
 *   <li>SMS, chat and e-mail: a recorded yes, or else an existing customer/giver relationship
 *       ({@link GiverRelationship}, the § 15 exception for similar own causes).</li>
 *   <li>Newsletter: only a recorded yes. The relationship exception would allow it by law, but Make, the
 *       newsletter tool, requires consent for every subscriber.</li>
 *   <li>Telemarketing and addressed post (letters, print files): allowed unless the person is in the
 *       reservation register for it and the reservation applies; then only a recorded yes for phone (or
 *       post) or an existing relationship lets it through.</li>
 * </ol>
 *
 * <p><b>Reservations and voluntary organisations.</b> In the reservation register a person chooses whether
 * a reservation also covers voluntary organisations ({@link Reservations#coversVoluntary()}). Dialog's
 * tenants are voluntary organisations, so a reservation applies only if it covers them; a tenant that is
 * not one says so with the setting {@code voluntaryOrganisation=false}, and then every reservation applies.
 *
 * <p>Consent channels are independent: a STOPP to SMS does not stop chat or e-mail. Reasons are short and
 * hold no personal data.
 */
public final class ConsentRules {

    private ConsentRules() {}

    /**
     * @param relationship          the person is an active member, a regular donor or an active giver
     *                              ({@link GiverRelationship#exists})
     * @param voluntaryOrganisation the tenant is a voluntary organisation (see above)
     * @return why the organisation may not contact the person on the channel, or empty if it may
     */
    /** The refusal for "do not contact" and opt-outs (the person said no), as {@link #refusal} words it. */
    public static boolean isOptOut(String refusal) {
        return refusal != null && (refusal.equals(DO_NOT_CONTACT) || refusal.startsWith(OPTED_OUT));
    }

    private static final String DO_NOT_CONTACT = "do not contact";
    private static final String OPTED_OUT = "opted out of ";

    public static Optional<String> refusal(Contact contact, SendChannel channel, boolean relationship,
                                           boolean voluntaryOrganisation) {
        Objects.requireNonNull(channel, "channel");
        Reservations reservations = contact.reservations();
        if (reservations.doNotContact()) {
            return Optional.of(DO_NOT_CONTACT);
        }
        Channel consentChannel = channel.consentChannel();
        Consent consent = contact.consents().get(consentChannel);
        if (consent != null && !consent.granted()) {
            return Optional.of(OPTED_OUT + consentChannel.jsonName());
        }
        boolean consented = consent != null;
        boolean reservationApplies = !voluntaryOrganisation || reservations.coversVoluntary();
        switch (channel) {
            case SMS:
            case CHAT:
            case EMAIL:
                return consented || relationship ? Optional.empty()
                        : Optional.of("no consent for " + consentChannel.jsonName());
            case NEWSLETTER:
                return consented ? Optional.empty() : Optional.of("no consent for newsletter");
            case TELEMARKETING:
                return reservations.telemarketing() && reservationApplies && !consented && !relationship
                        ? Optional.of("reserved against telemarketing") : Optional.empty();
            case LETTER:
            case PRINT:
                return reservations.addressedPost() && reservationApplies && !consented && !relationship
                        ? Optional.of("reserved against addressed post") : Optional.empty();
            default:
                throw new IllegalArgumentException("unknown channel " + channel);
        }
    }
}
