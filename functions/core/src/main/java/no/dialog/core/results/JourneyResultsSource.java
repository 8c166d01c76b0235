package no.dialog.core.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import no.dialog.core.enrolment.EnrolmentStore;
import no.dialog.core.journey.JourneyStore;
import no.dialog.core.settings.TenantSettings;
import no.dialog.core.settings.TenantSettingsStore;
import no.dialog.core.tenant.TenantId;

/**
 * Where a journey's results JSON comes from: {@link #from} is the one place that builds it with
 * {@link JourneyResults#of}, with the organisation's prices and the versions' experiments and winners, for the
 * admin API, the weekly summary and the auto-winner alike.
 */
@FunctionalInterface
public interface JourneyResultsSource {

    ObjectNode results(TenantId tenant, String journeyId);

    /** A journey that does not exist has empty results. */
    static JourneyResultsSource from(EnrolmentStore enrolments, TenantSettingsStore settings, JourneyStore journeys) {
        return (tenant, journeyId) -> {
            PriceList prices = settings.read(tenant)
                    .map(stored -> new PriceList(TenantSettings.of(stored).prices())).orElse(PriceList.NONE);
            JourneyResults.Versions versions = journeys.head(tenant, journeyId)
                    .<JourneyResults.Versions>map(head -> new StoredVersions(journeys, tenant, head))
                    .orElse(JourneyResults.Versions.NONE);
            return JourneyResults.of(journeyId, enrolments.results(tenant, journeyId), prices, versions);
        };
    }
}
