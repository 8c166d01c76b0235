package no.dialog.core.optout;

import no.dialog.core.contact.Consent;
import no.dialog.core.contact.ConsentWithdrawal;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.tenant.TenantId;

/**
 * Records opt-outs so that they are honoured at once across journeys: the consent in Dialog's contact
 * replica is marked withdrawn (every sender checks consent at send time) and the register is told with a
 * {@code ConsentChanged} event.
 *
 * <p>The event goes out whenever the contact exists, also when the replica already said "withdrawn":
 * a first attempt may have updated the replica and then failed to publish, and its retry must still tell
 * the register. The register recognises repeats by the event's idempotency key.
 */
public final class OptOuts {

    private final ContactStore contacts;
    private final ConsentEvents events;

    public OptOuts(ContactStore contacts, ConsentEvents events) {
        this.contacts = contacts;
        this.events = events;
    }

    public ConsentWithdrawal record(TenantId tenant, OptOut optOut) {
        ConsentWithdrawal outcome = contacts.withdrawConsent(tenant, optOut.contactId(), optOut.channel(),
                new Consent(false, optOut.source(), optOut.at()));
        if (outcome != ConsentWithdrawal.NO_CONTACT) {
            events.consentWithdrawn(tenant, optOut);
        }
        return outcome;
    }
}
