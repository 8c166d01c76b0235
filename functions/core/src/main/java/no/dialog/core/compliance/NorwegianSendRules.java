package no.dialog.core.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import no.dialog.core.contact.Contact;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.send.SendRules;
import no.dialog.core.send.SendVerdict;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.time.OsloTime;

/**
 * The send-time rules of Norwegian law and practice, for every channel, in this order (the first that says
 * no decides):
 * <ol>
 *   <li>reachability ({@link ChannelReachability}): no number or address → {@link SendVerdict.Unreachable}, so
 *       the step's fallback channel is tried;</li>
 *   <li>"do not contact", opt-outs, consent and the relationship exception, the reservation register
 *       ({@link ConsentRules}, {@link GiverRelationship}) → {@link SendVerdict.Refused};</li>
 *   <li>time: SMS and chat outside the tenant's {@link QuietHours}, telemarketing outside the
 *       {@link TelemarketingWindow} → {@link SendVerdict.NotBefore} the next allowed instant. E-mail,
 *       newsletters, letters and print files have no time rule.</li>
 * </ol>
 * The tenant's settings are read on every check ({@link SendSettings}), so a change applies to the next
 * message.
 */
public final class NorwegianSendRules implements SendRules {

    @Override
    public SendVerdict check(Tenant tenant, Contact contact, SendChannel channel, Instant now) {
        Optional<String> unreachable = ChannelReachability.unreachable(contact, channel);
        if (unreachable.isPresent()) {
            return new SendVerdict.Unreachable(unreachable.get());
        }
        SendSettings settings = SendSettings.of(tenant);
        LocalDate today = LocalDate.ofInstant(now, OsloTime.ZONE);
        boolean relationship = GiverRelationship.exists(contact, today, settings.activeGiverPeriod());
        Optional<String> refusal = ConsentRules.refusal(contact, channel, relationship, settings.voluntaryOrganisation());
        if (refusal.isPresent()) {
            return new SendVerdict.Refused(refusal.get(), ConsentRules.isOptOut(refusal.get()));
        }
        Instant earliest = SendTimes.earliest(settings, channel, now);
        if (earliest.isAfter(now)) {
            return new SendVerdict.NotBefore(earliest,
                    channel == SendChannel.TELEMARKETING ? "outside calling hours" : "quiet hours");
        }
        return SendVerdict.allowed();
    }
}
