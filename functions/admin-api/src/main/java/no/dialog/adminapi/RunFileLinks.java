package no.dialog.adminapi;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import no.dialog.core.run.RunFile;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Fresh download links for run files in the exports bucket ({@code EXPORTS_BUCKET}), signed when staff ask
 * for them and valid {@link #VALIDITY}.
 *
 * <p>Why not hand out the link close-runs stored on the run: in Lambda it is signed with the function's
 * temporary role credentials, and a presigned URL stops working when those expire (hours), whatever its
 * 7-day expiry says; a link signed now is known to work for its whole hour. A short link also limits what
 * a forwarded or logged URL exposes, and every link follows a role and tenant check made at that moment.
 */
@Singleton
class RunFileLinks {

    static final Duration VALIDITY = Duration.ofHours(1);

    private final S3Presigner presigner;
    private final String bucket;
    private final Clock clock;

    RunFileLinks(S3Presigner presigner, @Value("${exports.bucket}") String bucket, Clock clock) {
        this.presigner = presigner;
        this.bucket = bucket;
        this.clock = clock;
    }

    /**
     * The file with a link signed now; without a link when its key is not under the tenant's prefixes
     * ({@code <tenant>/…} or the letter drop {@code drops/<tenant>/…}), which a run of the tenant never
     * records: a second guard after the tenant-scoped query.
     */
    RunFile fresh(TenantId tenant, RunFile file) {
        if (!belongsTo(tenant, file.key())) {
            return new RunFile(file.name(), file.key(), file.contentType(), null, null);
        }
        Instant expires = clock.instant().plus(VALIDITY);
        String link = presigner.presignGetObject(b -> b.signatureDuration(VALIDITY)
                .getObjectRequest(g -> g.bucket(bucket).key(file.key()))).url().toString();
        return new RunFile(file.name(), file.key(), file.contentType(), link, expires);
    }

    static boolean belongsTo(TenantId tenant, String key) {
        return !key.contains("..") && (key.startsWith(tenant.value() + "/")
                || key.startsWith("drops/" + tenant.value() + "/"));
    }
}
