package no.dialog.core.testing;

import java.time.Instant;
import no.dialog.core.compliance.ChannelReachability;
import no.dialog.core.contact.Contact;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.send.SendRules;
import no.dialog.core.send.SendVerdict;
import no.dialog.core.tenant.Tenant;

/** {@link SendRules} that only check {@link ChannelReachability}: for tests of the sender, apart from consent and time. */
public final class ReachabilityOnlyRules implements SendRules {

    @Override
    public SendVerdict check(Tenant tenant, Contact contact, SendChannel channel, Instant now) {
        return ChannelReachability.unreachable(contact, channel)
                .<SendVerdict>map(SendVerdict.Unreachable::new)
                .orElseGet(SendVerdict::allowed);
    }
}
