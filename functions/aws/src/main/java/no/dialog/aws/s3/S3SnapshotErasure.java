package no.dialog.aws.s3;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import no.dialog.core.privacy.PersonalData;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Deletes the tenant's segment snapshots ({@code snapshots/<tenant>/}, ADR 0004), rather than blanking the
 * person's row in them: a snapshot is a columnar copy of the whole contacts table, rebuilt from it whenever it
 * is missing or old ({@code SnapshotSegmentMatches.current}), and the rebuild reads the contact's tombstone and
 * leaves the person out. Blanking one row would mean a second writer of the columnar format, with the risk of
 * a snapshot that disagrees with the table; deleting costs one rebuild. The bucket keeps no versions, so a
 * deleted snapshot is gone. A second erasure finds nothing to delete (unless a rebuild came in between, which
 * no longer holds the person) and counts 0.
 */
@Singleton
@Order(80)
@Requires(classes = S3Client.class)
@Requires(property = "snapshots.bucket")
public class S3SnapshotErasure implements PersonalData {

    private final S3Client s3;
    private final String bucket;

    public S3SnapshotErasure(S3Client s3, @Value("${snapshots.bucket}") String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public String store() {
        return "segment-snapshots";
    }

    @Override
    public long erase(TenantId tenant, String contactId) {
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("snapshots/" + tenant.value() + "/")).contents()
                .stream().map(S3Object::key).forEach(keys::add);
        keys.forEach(key -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
        return keys.size();
    }
}
