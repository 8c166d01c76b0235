package no.dialog.core.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import no.dialog.core.enrolment.EnrolmentStore;
import no.dialog.core.tenant.TenantId;

/**
 * Where a journey's results JSON comes from for the weekly summary: {@link #from} is the one place the summary
 * builds it with {@link JourneyResults#of}, so a change to what the results take (prices, experiments) is made
 * here once.
 */
@FunctionalInterface
public interface JourneyResultsSource {

    ObjectNode results(TenantId tenant, String journeyId);

    static JourneyResultsSource from(EnrolmentStore enrolments) {
        return (tenant, journeyId) -> JourneyResults.of(journeyId, enrolments.results(tenant, journeyId));
    }
}
