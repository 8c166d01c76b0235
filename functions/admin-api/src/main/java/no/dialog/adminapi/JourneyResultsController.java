package no.dialog.adminapi;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import no.dialog.adminapi.StaffOnly.Access;
import no.dialog.core.enrolment.EnrolmentStore;
import no.dialog.core.results.JourneyResultsSource;
import no.dialog.core.settings.TenantSettingsStore;
import no.dialog.core.journey.JourneyStore;
import no.dialog.core.tenant.TenantId;

/**
 * {@code GET /admin/v1/journeys/{id}/results}: the journey's funnel per version, step, variant, channel and
 * day, with totals, failures by class, goal conversion rates, and cost and ROI at the organisation's prices
 * (see {@code JourneyResults}). Counters hold no personal
 * data; reading them needs viewer, editor or admin. Another tenant's journey is a 404.
 */
@Controller("/admin/v1/journeys/{id}/results")
public class JourneyResultsController {

    private final JourneyStore journeys;
    private final EnrolmentStore enrolments;
    private final TenantSettingsStore settings;

    public JourneyResultsController(JourneyStore journeys, EnrolmentStore enrolments, TenantSettingsStore settings) {
        this.journeys = journeys;
        this.enrolments = enrolments;
        this.settings = settings;
    }

    @Get
    @StaffOnly(value = Access.READ, what = JourneysController.JOURNEYS)
    public HttpResponse<String> results(@PathVariable String id, StaffIdentity staff) {
        TenantId tenant = staff.tenant();
        // The journey must be the caller's: results are keyed by tenant too, but a missing journey is a 404.
        if (!JourneyIds.isValid(id) || journeys.head(tenant, id).isEmpty()) {
            return JourneysController.notFound();
        }
        return SegmentViews.json(HttpStatus.OK,
                JourneyResultsSource.from(enrolments, settings, journeys).results(tenant, id));
    }
}
