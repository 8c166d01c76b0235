package no.dialog.aws.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import no.dialog.core.segment.snapshot.SegmentSnapshot;
import no.dialog.core.segment.snapshot.SegmentSnapshotStore;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Tenants' segment snapshots in S3, one object per tenant at {@code snapshots/<tenant>/contacts.snap}.
 * Loading streams the object straight into the snapshot reader. Storing writes the (gzip) snapshot to
 * a temporary file first, so the upload has a known length without holding the bytes on the heap;
 * S3 replaces the object atomically, so a reader never sees half a snapshot.
 */
public class S3SegmentSnapshots implements SegmentSnapshotStore {

    private final S3Client s3;
    private final String bucket;
    private final boolean gzip;

    /** Stores gzip-compressed: several times smaller, and reading is bound by the network (ADR 0004). */
    public S3SegmentSnapshots(S3Client s3, String bucket) {
        this(s3, bucket, true);
    }

    public S3SegmentSnapshots(S3Client s3, String bucket, boolean gzip) {
        this.s3 = s3;
        this.bucket = bucket;
        this.gzip = gzip;
    }

    public static String key(TenantId tenant) {
        return "snapshots/" + tenant.value() + "/contacts.snap";
    }

    @Override
    public void store(TenantId tenant, SegmentSnapshot snapshot) {
        Path file = null;
        try {
            file = Files.createTempFile("segment-snapshot-", ".snap");
            try (OutputStream out = Files.newOutputStream(file)) {
                snapshot.writeTo(out, gzip);
            }
            s3.putObject(b -> b.bucket(bucket).key(key(tenant)).contentType("application/octet-stream"),
                    RequestBody.fromFile(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the segment snapshot of tenant " + tenant, e);
        } finally {
            deleteQuietly(file);
        }
    }

    @Override
    public Optional<SegmentSnapshot> load(TenantId tenant) {
        try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(key(tenant)))) {
            return Optional.of(SegmentSnapshot.readFrom(in));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the segment snapshot of tenant " + tenant, e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A leftover temp file is harmless; the next cold start has a fresh /tmp.
            }
        }
    }
}
