package no.dialog.journeys;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import no.dialog.core.enrolment.EnrolmentStore;
import no.dialog.core.journey.JourneyStore;
import no.dialog.core.results.AutoWinners;
import no.dialog.core.settings.TenantSettingsStore;
import no.dialog.core.tenant.TenantDirectory;

/** The auto-winner the hourly {@code experiments} message runs (template.yaml's ExperimentsRule). */
@Factory
class AutoWinnersFactory {

    @Singleton
    AutoWinners autoWinners(TenantDirectory tenants, JourneyStore journeys, EnrolmentStore enrolments,
            TenantSettingsStore settings, Clock clock) {
        return new AutoWinners(tenants, journeys, enrolments, settings, clock);
    }
}
