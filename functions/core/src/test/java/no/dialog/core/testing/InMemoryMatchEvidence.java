package no.dialog.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.dialog.core.payment.match.CampaignJourney;
import no.dialog.core.payment.match.MatchEvidence;
import no.dialog.core.payment.match.RecentSend;
import no.dialog.core.tenant.TenantId;

/**
 * {@link MatchEvidence} from lists a test fills: messages sent (indexed by contact, as the activity table
 * is), campaign journeys, and other journeys of the tenant that are not campaigns (ended ones).
 */
public final class InMemoryMatchEvidence implements MatchEvidence {

    private final Map<String, List<RecentSend>> sendsByContact = new HashMap<>();
    private final Map<String, CampaignJourney> campaigns = new LinkedHashMap<>();
    private final Map<String, CampaignJourney> others = new LinkedHashMap<>();
    private final Set<String> tenants = new HashSet<>();

    public InMemoryMatchEvidence(TenantId tenant) {
        tenants.add(tenant.value());
    }

    public InMemoryMatchEvidence sent(RecentSend send) {
        sendsByContact.computeIfAbsent(send.contactId(), id -> new ArrayList<>()).add(send);
        return this;
    }

    public InMemoryMatchEvidence campaign(CampaignJourney journey) {
        campaigns.put(journey.journeyId(), journey);
        return this;
    }

    /** A journey of the tenant that takes no suggestions (an ended one). */
    public InMemoryMatchEvidence otherJourney(CampaignJourney journey) {
        others.put(journey.journeyId(), journey);
        return this;
    }

    @Override
    public List<RecentSend> sendsTo(TenantId tenant, Collection<String> contactIds, Instant from, Instant until) {
        List<RecentSend> found = new ArrayList<>();
        if (!tenants.contains(tenant.value())) {
            return found;
        }
        for (String id : contactIds) {
            for (RecentSend send : sendsByContact.getOrDefault(id, List.of())) {
                if (!send.sentAt().isBefore(from) && !send.sentAt().isAfter(until)) {
                    found.add(send);
                }
            }
        }
        return found;
    }

    @Override
    public List<CampaignJourney> campaigns(TenantId tenant) {
        return tenants.contains(tenant.value()) ? List.copyOf(campaigns.values()) : List.of();
    }

    @Override
    public Optional<CampaignJourney> journey(TenantId tenant, String journeyId) {
        if (!tenants.contains(tenant.value())) {
            return Optional.empty();
        }
        return Optional.ofNullable(campaigns.getOrDefault(journeyId, others.get(journeyId)));
    }
}
