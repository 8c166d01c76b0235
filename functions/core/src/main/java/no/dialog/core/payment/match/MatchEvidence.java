package no.dialog.core.payment.match;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import no.dialog.core.tenant.TenantId;

/**
 * Port: what Dialog knows that may tie a payment to a journey, besides the payer's contacts
 * ({@link PayerLookup}): the messages journeys sent to those contacts, and the tenant's journeys.
 * An adapter reads the activity (messages per contact) and the journeys table.
 */
public interface MatchEvidence {

    /** Messages sent to any of the contacts in {@code [from, until]}, any order. */
    List<RecentSend> sendsTo(TenantId tenant, Collection<String> contactIds, Instant from, Instant until);

    /**
     * The journeys payments may be suggested for: active or paused ones with a {@code paid} goal (ended
     * ones no longer count conversions). Top-level journeys only.
     */
    List<CampaignJourney> campaigns(TenantId tenant);

    /** Any journey of the tenant, whatever its status: staff may confirm a journey the matcher did not suggest. */
    Optional<CampaignJourney> journey(TenantId tenant, String journeyId);
}
