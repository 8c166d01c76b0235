package no.dialog.aws.s3;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import no.dialog.core.predicted.PredictionTable;
import no.dialog.core.predicted.PredictionTables;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Tenants' prediction tables in S3 (ADR 0037), one object per tenant at {@code predictions/<tenant>/scores.bin}
 * in the snapshots bucket, replaced whole by each publish: there is one copy, so an erasure that rewrites it
 * reaches every copy (readers keep theirs for {@code cacheFor} at most).
 *
 * <p>Segment previews and journey branches read the table often, so a loaded table is kept for
 * {@code cacheFor} without asking S3; after that the next read asks with If-None-Match and keeps the table
 * when S3 answers 304 Not Modified, so an unchanged table costs one small request, not a download.
 */
public class S3PredictionTables implements PredictionTables {

    /** How long a loaded table is used without asking S3 whether it changed. */
    public static final Duration CACHE_FOR = Duration.ofMinutes(5);

    private final S3Client s3;
    private final String bucket;
    private final long cacheNanos;
    private final LongSupplier ticker;
    private final Map<TenantId, Cached> cache = new ConcurrentHashMap<>();

    /** @param table null when the tenant has none; @param checkedAt ticker time of the last answer from S3 */
    private record Cached(String eTag, PredictionTable table, long checkedAt) {}

    public S3PredictionTables(S3Client s3, String bucket) {
        this(s3, bucket, CACHE_FOR, System::nanoTime);
    }

    /** @param ticker monotonic nanoseconds (not the clock: the local stack's clock can jump) */
    S3PredictionTables(S3Client s3, String bucket, Duration cacheFor, LongSupplier ticker) {
        this.s3 = s3;
        this.bucket = bucket;
        this.cacheNanos = cacheFor.toNanos();
        this.ticker = ticker;
    }

    public static String key(TenantId tenant) {
        return "predictions/" + tenant.value() + "/scores.bin";
    }

    @Override
    public Optional<PredictionTable> latest(TenantId tenant) {
        Cached cached = cache.get(tenant);
        long now = ticker.getAsLong();
        if (cached != null && now - cached.checkedAt() < cacheNanos) {
            return Optional.ofNullable(cached.table());
        }
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> {
            b.bucket(bucket).key(key(tenant));
            if (cached != null && cached.eTag() != null) {
                b.ifNoneMatch(cached.eTag());
            }
        })) {
            PredictionTable table = PredictionTable.readFrom(in);
            cache.put(tenant, new Cached(in.response().eTag(), table, now));
            return Optional.of(table);
        } catch (NoSuchKeyException e) {
            cache.put(tenant, new Cached(null, null, now));
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 304 && cached != null) {
                cache.put(tenant, new Cached(cached.eTag(), cached.table(), now));
                return Optional.ofNullable(cached.table());
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the prediction table of tenant " + tenant, e);
        }
    }

    /**
     * Writes the (gzip) table to a temporary file first, so the upload has a known length without holding
     * the bytes twice; S3 replaces the object atomically, so a reader never sees half a table.
     */
    @Override
    public void publish(TenantId tenant, PredictionTable table) {
        Path file = null;
        try {
            file = Files.createTempFile("prediction-table-", ".bin");
            try (OutputStream out = Files.newOutputStream(file)) {
                table.writeTo(out);
            }
            s3.putObject(b -> b.bucket(bucket).key(key(tenant)).contentType("application/octet-stream"),
                    RequestBody.fromFile(file));
            cache.remove(tenant);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the prediction table of tenant " + tenant, e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // A leftover temp file is harmless; the next cold start has a fresh /tmp.
                }
            }
        }
    }

    /**
     * Reads the current table (never the cached one) and writes it back without the person. A nightly publish
     * racing with it cannot bring the person back: scoring reads the replica, from which they are gone first.
     */
    @Override
    public boolean erase(TenantId tenant, String contactId) {
        cache.remove(tenant);
        Optional<PredictionTable> current = latest(tenant);
        if (current.isEmpty()) {
            return false;
        }
        PredictionTable without = current.get().without(contactId);
        if (without == current.get()) {
            return false;
        }
        publish(tenant, without);
        return true;
    }
}
