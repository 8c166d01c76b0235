package no.dialog.adminapi;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import no.dialog.aws.s3.S3SegmentSnapshots;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.segment.BehaviourHistories;
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.Preview;
import no.dialog.core.segment.snapshot.SnapshotSegmentMatches;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Previews on the tenant's segment snapshot in S3 (docs/adr/0004), the same one segmentation
 * evaluates: milliseconds per preview once built, whatever the register's size. A snapshot older
 * than {@code previews.snapshot-max-age} (one minute by default, so staff see their register's
 * recent changes) is rebuilt from Contacts first. Used wherever a snapshots bucket is configured;
 * without one, {@link ContactScanPreviews} reads the table.
 */
@Singleton
@Requires(property = "snapshots.bucket")
@Replaces(ContactScanPreviews.class)
public class SnapshotPreviews implements SegmentPreviews {

    private final SnapshotSegmentMatches matches;

    public SnapshotPreviews(S3Client s3, @Value("${snapshots.bucket}") String bucket, ContactStore contacts,
            BehaviourHistories histories, Clock clock,
            @Value("${previews.snapshot-max-age:PT1M}") Duration maxAge) {
        this.matches = new SnapshotSegmentMatches(new S3SegmentSnapshots(s3, bucket), contacts, histories, clock, maxAge);
    }

    @Override
    public Preview preview(TenantId tenant, Criterion criterion, int sampleSize) {
        return matches.preview(tenant, criterion, sampleSize);
    }
}
