package no.dialog.core.results;

import java.util.HashMap;
import java.util.Map;
import no.dialog.core.journey.JourneyDefinition;
import no.dialog.core.journey.JourneyDefinitions;
import no.dialog.core.journey.JourneyHead;
import no.dialog.core.journey.JourneyStore;
import no.dialog.core.tenant.TenantId;

/** A journey's versions as stored, read once each, for {@link JourneyResults}: their experiments and winners. */
public final class StoredVersions implements JourneyResults.Versions {

    private final JourneyStore journeys;
    private final TenantId tenant;
    private final JourneyHead head;
    private final Map<Integer, JourneyDefinition> read = new HashMap<>();

    public StoredVersions(JourneyStore journeys, TenantId tenant, JourneyHead head) {
        this.journeys = journeys;
        this.tenant = tenant;
        this.head = head;
    }

    @Override
    public JourneyDefinition definition(int version) {
        return read.computeIfAbsent(version, v -> journeys.version(tenant, head.journeyId(), v)
                .map(JourneyDefinitions::parse).filter(JourneyDefinitions.Parsed::ok)
                .map(JourneyDefinitions.Parsed::definition).orElse(null));
    }

    @Override
    public String winner(int version) {
        return head.winner(version);
    }
}
