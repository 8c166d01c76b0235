package no.dialog.aws.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import no.dialog.core.compliance.NorwegianSendWindows;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.enrolment.ContactUpdates;
import no.dialog.core.enrolment.EnrolmentRunner;
import no.dialog.core.enrolment.EnrolmentStore;
import no.dialog.core.enrolment.FrequencyCaps;
import no.dialog.core.enrolment.GoalMetrics;
import no.dialog.core.enrolment.JourneyCatalog;
import no.dialog.core.enrolment.JourneyEntries;
import no.dialog.core.enrolment.SendAllowance;
import no.dialog.core.enrolment.SendQueues;
import no.dialog.core.enrolment.StepQueue;
import no.dialog.core.observability.Metrics;
import no.dialog.core.predicted.PredictionTables;
import no.dialog.core.tenant.TenantDirectory;

/**
 * The journey runtime shared by the segmentation function (which enrols) and the journeys function
 * (which advances). One factory for both, because the local stack runs every function from one
 * classpath and two factories of the same bean would clash there.
 */
@Factory
public class JourneyRuntimeFactory {

    /** Only where the function has every store and queue a journey runs on (segmentation and journeys). */
    @Singleton
    @Requires(beans = {EnrolmentStore.class, JourneyCatalog.class, ContactStore.class, SendAllowance.class,
            SendQueues.class, StepQueue.class, JourneyEntries.class, ContactUpdates.class, FrequencyCaps.class,
            TenantDirectory.class})
    EnrolmentRunner enrolmentRunner(EnrolmentStore store, JourneyCatalog catalog, ContactStore contacts,
            SendAllowance allowance, SendQueues sendQueues, StepQueue steps, JourneyEntries entries,
            ContactUpdates contactUpdates, FrequencyCaps caps, TenantDirectory tenants, Metrics metrics,
            Optional<PredictionTables> predictions, Clock clock) {
        // GoalMetrics: the dashboard's goals and revenue, counted as the runner stores them. Branches on
        // predicted.* fields see nobody scored where the function has no snapshots bucket (ADR 0037).
        return new EnrolmentRunner(new GoalMetrics(store, metrics), catalog, contacts, allowance, sendQueues, steps, entries, contactUpdates,
                caps, new NorwegianSendWindows(tenants), predictions.orElse(PredictionTables.NONE), clock);
    }
}
