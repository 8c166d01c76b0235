package no.dialog.core.compliance;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.DonorFacts;
import no.dialog.core.contact.Membership;
import no.dialog.core.contact.MembershipStatus;

/**
 * Whether a person has an existing customer relationship with the organisation, the exception the marketing
 * act makes for SMS and e-mail without consent (§ 15) and for people in the reservation register (§ 12): an
 * active member, a regular donor, or someone who gave within the active-giver period.
 *
 * <p>Pending, lapsed and ended memberships do not count by themselves: the relationship the law means is a
 * current one, and a lapsed member who still gives is caught by the gift rule.
 */
public final class GiverRelationship {

    /**
     * "Active giver": gave within the last three years. This is the Norwegian fundraisers' industry norm
     * (no number in the law itself), so a tenant may shorten it, never lengthen it (see {@link SendSettings}).
     */
    public static final Period ACTIVE_GIVER_PERIOD = Period.ofYears(3);

    private GiverRelationship() {}

    /**
     * @param today            today's date in Norway
     * @param activeGiverPeriod how far back a gift makes an active giver; {@link #ACTIVE_GIVER_PERIOD} by default
     */
    public static boolean exists(Contact contact, LocalDate today, Period activeGiverPeriod) {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(activeGiverPeriod, "activeGiverPeriod");
        for (Membership membership : contact.memberships()) {
            if (membership.status() == MembershipStatus.ACTIVE) {
                return true;
            }
        }
        DonorFacts donor = contact.donor();
        if (donor == null) {
            return false;
        }
        if (donor.regularDonor()) {
            return true;
        }
        // A gift on the first day of the period still counts: three years back from 2026-11-23 is 2023-11-23.
        return donor.lastGiftDate() != null && !donor.lastGiftDate().isBefore(today.minus(activeGiverPeriod));
    }
}
