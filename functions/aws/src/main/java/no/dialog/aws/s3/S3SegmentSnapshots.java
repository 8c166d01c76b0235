package no.dialog.aws.s3;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.segment.snapshot.SegmentSnapshot;
import no.dialog.core.segment.snapshot.SegmentSnapshotStore;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Tenants' segment snapshots in S3, one object per tenant at {@code snapshots/<tenant>/contacts.snap}.
 * Loading streams the object straight into the snapshot reader. Storing writes the (gzip) snapshot to
 * a temporary file first, so the upload has a known length without holding the bytes on the heap;
 * S3 replaces the object atomically, so a reader never sees half a snapshot.
 *
 * <p>The last snapshots loaded stay in memory with their ETag (a warm Lambda keeps them between
 * invocations); the next load asks S3 with If-None-Match and reuses the snapshot when S3 answers
 * 304 Not Modified, so an unchanged snapshot costs one small request instead of a download.
 */
public class S3SegmentSnapshots implements SegmentSnapshotStore {

    private final S3Client s3;
    private final String bucket;
    private final boolean gzip;
    private final Map<TenantId, Cached> cache;

    private record Cached(String eTag, SegmentSnapshot snapshot) {}

    /** Stores gzip-compressed (several times smaller, see ADR 0004) and keeps one tenant's snapshot cached. */
    public S3SegmentSnapshots(S3Client s3, String bucket) {
        this(s3, bucket, true, 1);
    }

    /**
     * @param gzip          compress what {@link #store} writes (loading reads either)
     * @param cachedTenants how many tenants' snapshots to keep in memory between loads (0: none)
     */
    public S3SegmentSnapshots(S3Client s3, String bucket, boolean gzip, int cachedTenants) {
        this.s3 = s3;
        this.bucket = bucket;
        this.gzip = gzip;
        this.cache = new LinkedHashMap<>(4, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<TenantId, Cached> eldest) {
                return size() > cachedTenants;
            }
        };
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
        Cached cached = cached(tenant);
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> {
            b.bucket(bucket).key(key(tenant));
            if (cached != null) {
                b.ifNoneMatch(cached.eTag());
            }
        })) {
            SegmentSnapshot snapshot = SegmentSnapshot.readFrom(in);
            remember(tenant, new Cached(in.response().eTag(), snapshot));
            return Optional.of(snapshot);
        } catch (NoSuchKeyException e) {
            remember(tenant, null);
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 304 && cached != null) {
                return Optional.of(cached.snapshot());
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the segment snapshot of tenant " + tenant, e);
        }
    }

    private synchronized Cached cached(TenantId tenant) {
        return cache.get(tenant);
    }

    private synchronized void remember(TenantId tenant, Cached cached) {
        if (cached == null) {
            cache.remove(tenant);
        } else {
            cache.put(tenant, cached);
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
