package no.dialog.segmentation;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.enrolment.EnrolmentRunner;
import no.dialog.core.enrolment.JourneyCatalog;
import no.dialog.core.enrolment.JourneyEntries;
import no.dialog.core.enrolment.SegmentJobs;
import no.dialog.core.enrolment.SegmentationRunner;
import no.dialog.core.segment.BehaviourHistories;
import no.dialog.core.segment.ContactScanMatches;
import no.dialog.core.segment.SegmentMatches;
import no.dialog.core.segment.SegmentStore;
import no.dialog.core.tenant.TenantDirectory;

/** Wires core's segmentation services to the AWS adapters. Core itself knows nothing of Micronaut. */
@Factory
public class SegmentationFactory {

    @Singleton
    SegmentMatches segmentMatches(ContactStore contacts, BehaviourHistories histories, Clock clock) {
        return new ContactScanMatches(contacts, histories, clock);
    }

    @Singleton
    SegmentationRunner segmentationRunner(TenantDirectory tenants, JourneyCatalog catalog, SegmentStore segments,
            SegmentMatches matches, JourneyEntries entries, SegmentJobs jobs, EnrolmentRunner runner, Clock clock) {
        return new SegmentationRunner(tenants, catalog, segments, matches, entries, jobs, runner, clock);
    }
}
