package no.dialog.segmentation;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import no.dialog.aws.s3.S3PredictionTables;
import no.dialog.aws.s3.S3SegmentSnapshots;
import no.dialog.core.segment.snapshot.ContactChangeFeed;
import no.dialog.core.segment.snapshot.FreshSnapshots;
import no.dialog.core.segment.snapshot.SnapshotFreshness;
import no.dialog.core.segment.snapshot.SnapshotSegmentMatches;
import software.amazon.awssdk.services.s3.S3Client;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.enrolment.EnrolmentRunner;
import no.dialog.core.enrolment.JourneyCatalog;
import no.dialog.core.enrolment.JourneyEntries;
import no.dialog.core.enrolment.JourneyRuns;
import no.dialog.core.enrolment.SegmentJobs;
import no.dialog.core.enrolment.SegmentationRunner;
import no.dialog.core.segment.BehaviourHistories;
import no.dialog.core.segment.ContactScanMatches;
import no.dialog.core.segment.HistoriesWithPredictions;
import no.dialog.core.segment.SegmentMatches;
import no.dialog.core.segment.SegmentStore;
import no.dialog.core.tenant.TenantDirectory;

/** Wires core's segmentation services to the AWS adapters. Core itself knows nothing of Micronaut. */
@Factory
public class SegmentationFactory {

    /**
     * On the tenant's snapshot when a snapshots bucket is configured (as template.yaml does), with the
     * contacts written since laid over it (ADR 0034), rebuilt from Contacts when older than
     * {@code segments.snapshot-rebuild-after}; otherwise by reading every contact. Predicted conditions read
     * the tenant's prediction table beside the snapshots (ADR 0037); without a snapshots bucket nobody is scored.
     */
    @Singleton
    SegmentMatches segmentMatches(ContactStore contacts, ContactChangeFeed changes, BehaviourHistories histories,
            Clock clock, S3Client s3, @Value("${snapshots.bucket:}") String snapshotsBucket,
            @Value("${segments.snapshot-rebuild-after:PT6H}") Duration rebuildAfter) {
        if (snapshotsBucket.isBlank()) {
            return new ContactScanMatches(contacts, histories, clock);
        }
        BehaviourHistories withPredictions =
                new HistoriesWithPredictions(histories, new S3PredictionTables(s3, snapshotsBucket));
        return new SnapshotSegmentMatches(new FreshSnapshots(new S3SegmentSnapshots(s3, snapshotsBucket), contacts,
                changes, clock, SnapshotFreshness.standard(rebuildAfter)), withPredictions, clock);
    }

    @Singleton
    SegmentationRunner segmentationRunner(TenantDirectory tenants, JourneyCatalog catalog, SegmentStore segments,
            SegmentMatches matches, JourneyEntries entries, SegmentJobs jobs, EnrolmentRunner runner, JourneyRuns runs,
            Clock clock) {
        return new SegmentationRunner(tenants, catalog, segments, matches, entries, jobs, runner, runs, clock);
    }
}
