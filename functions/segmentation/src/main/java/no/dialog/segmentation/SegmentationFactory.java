package no.dialog.segmentation;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import no.dialog.aws.s3.S3SegmentSnapshots;
import no.dialog.core.segment.snapshot.SnapshotSegmentMatches;
import software.amazon.awssdk.services.s3.S3Client;
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

    /**
     * On the tenant's snapshot when a snapshots bucket is configured (as template.yaml does), rebuilt
     * from Contacts when older than {@code segments.snapshot-max-age}; otherwise by reading every contact.
     */
    @Singleton
    SegmentMatches segmentMatches(ContactStore contacts, BehaviourHistories histories, Clock clock, S3Client s3,
            @Value("${snapshots.bucket:}") String snapshotsBucket,
            @Value("${segments.snapshot-max-age:PT10M}") Duration maxAge) {
        if (snapshotsBucket.isBlank()) {
            return new ContactScanMatches(contacts, histories, clock);
        }
        return new SnapshotSegmentMatches(new S3SegmentSnapshots(s3, snapshotsBucket), contacts, histories, clock, maxAge);
    }

    @Singleton
    SegmentationRunner segmentationRunner(TenantDirectory tenants, JourneyCatalog catalog, SegmentStore segments,
            SegmentMatches matches, JourneyEntries entries, SegmentJobs jobs, EnrolmentRunner runner, Clock clock) {
        return new SegmentationRunner(tenants, catalog, segments, matches, entries, jobs, runner, clock);
    }
}
