package no.dialog.core.send;

import java.time.Instant;
import no.dialog.core.contact.Contact;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.tenant.Tenant;

/**
 * The rules every message passes at send time, whatever the channel: can the person be reached on it,
 * may the organisation contact them there (consent, opt-outs, reservations), and may it happen now
 * (quiet hours, the telemarketing window). Pure: everything it needs is in its arguments.
 */
public interface SendRules {

    SendVerdict check(Tenant tenant, Contact contact, SendChannel channel, Instant now);
}
