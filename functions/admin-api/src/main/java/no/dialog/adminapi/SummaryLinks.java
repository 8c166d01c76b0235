package no.dialog.adminapi;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import no.dialog.core.results.SummaryFiles;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Download links for weekly results summaries in the exports bucket, signed when staff ask and valid as long as
 * run-file links ({@link RunFileLinks#VALIDITY}, for the same reasons). Only a key under the journey's own
 * prefix ({@code results/<tenant>/<journeyId>/}) gets a link: a second guard after the prefix-scoped listing.
 */
@Singleton
class SummaryLinks {

    /** A link and when it stops working. */
    record Link(String url, Instant expiresAt) {}

    private final S3Presigner presigner;
    private final String bucket;
    private final Clock clock;

    SummaryLinks(S3Presigner presigner, @Value("${exports.bucket}") String bucket, Clock clock) {
        this.presigner = presigner;
        this.bucket = bucket;
        this.clock = clock;
    }

    Optional<Link> sign(TenantId tenant, String journeyId, String key) {
        if (key.contains("..") || !key.startsWith(SummaryFiles.prefix(tenant, journeyId))) {
            return Optional.empty();
        }
        Instant expires = clock.instant().plus(RunFileLinks.VALIDITY);
        String url = presigner.presignGetObject(b -> b.signatureDuration(RunFileLinks.VALIDITY)
                .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toString();
        return Optional.of(new Link(url, expires));
    }
}
