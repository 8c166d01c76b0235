package no.dialog.adminapi;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import no.dialog.aws.s3.S3PredictionTables;
import no.dialog.aws.s3.S3SegmentSnapshots;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.segment.BehaviourHistories;
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.HistoriesWithPredictions;
import no.dialog.core.segment.Preview;
import no.dialog.core.segment.snapshot.ContactChangeFeed;
import no.dialog.core.segment.snapshot.FreshSnapshots;
import no.dialog.core.segment.snapshot.SnapshotFreshness;
import no.dialog.core.segment.snapshot.SnapshotSegmentMatches;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Previews on the tenant's segment snapshot in S3 (docs/adr/0004), the same one segmentation
 * evaluates, with the contacts written since laid over it (docs/adr/0034): milliseconds per preview
 * once built, whatever the register's size, and every change the replica has is seen. A snapshot older
 * than {@code segments.snapshot-rebuild-after} is rebuilt from Contacts first. Used wherever a
 * snapshots bucket is configured; without one, {@link ContactScanPreviews} reads the table. Predicted
 * conditions read the tenant's prediction table beside the snapshot (docs/adr/0037).
 */
@Singleton
@Requires(property = "snapshots.bucket")
@Replaces(ContactScanPreviews.class)
public class SnapshotPreviews implements SegmentPreviews {

    private final SnapshotSegmentMatches matches;

    public SnapshotPreviews(S3Client s3, @Value("${snapshots.bucket}") String bucket, ContactStore contacts,
            ContactChangeFeed changes, BehaviourHistories histories, Clock clock,
            @Value("${segments.snapshot-rebuild-after:PT6H}") Duration rebuildAfter) {
        this.matches = new SnapshotSegmentMatches(new FreshSnapshots(new S3SegmentSnapshots(s3, bucket), contacts,
                changes, clock, SnapshotFreshness.standard(rebuildAfter)),
                new HistoriesWithPredictions(histories, new S3PredictionTables(s3, bucket)), clock);
    }

    @Override
    public Preview preview(TenantId tenant, Criterion criterion, int sampleSize) {
        return matches.preview(tenant, criterion, sampleSize);
    }
}
