package no.dialog.aws.results;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import no.dialog.core.results.ResultsWeek;
import no.dialog.core.results.SummaryFiles;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Weekly results summaries in the exports bucket ({@code EXPORTS_BUCKET}) under
 * {@code results/<tenant>/<journeyId>/}. A listing asks S3 only for that prefix, so it never sees another
 * tenant's or journey's files; the bucket's lifecycle rule expires summaries with the other exports.
 */
@Singleton
@Requires(classes = S3Client.class)
@Requires(property = "exports.bucket")
public class S3SummaryFiles implements SummaryFiles {

    private static final Comparator<StoredSummary> NEWEST_FIRST = Comparator.comparing(StoredSummary::week)
            .reversed().thenComparing(StoredSummary::format);

    private final S3Client s3;
    private final String bucket;

    public S3SummaryFiles(S3Client s3, @Value("${exports.bucket}") String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(TenantId tenant, String journeyId, ResultsWeek week, Format format, byte[] content) {
        s3.putObject(b -> b.bucket(bucket).key(SummaryFiles.key(tenant, journeyId, week, format))
                .contentType(format.contentType()), RequestBody.fromBytes(content));
    }

    @Override
    public List<StoredSummary> list(TenantId tenant, String journeyId) {
        String prefix = SummaryFiles.prefix(tenant, journeyId);
        List<StoredSummary> found = new ArrayList<>();
        // A journey gets one summary a week: a few hundred objects over the exports' retention at most.
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            SummaryFiles.parse(tenant, journeyId, object.key()).ifPresent(found::add);
        }
        found.sort(NEWEST_FIRST);
        return found;
    }
}
