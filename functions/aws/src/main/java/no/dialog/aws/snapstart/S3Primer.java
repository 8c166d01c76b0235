package no.dialog.aws.snapstart;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Warms the S3 client (and presigner) where the function has S3, nothing sent. */
@Singleton
@Requires(classes = S3Client.class)
public class S3Primer implements Primer {

    private static final String BUCKET = "dialog-priming";

    private final S3Client s3;
    private final Optional<S3Presigner> presigner;
    private final SdkCallPriming priming;

    public S3Primer(S3Client s3, Optional<S3Presigner> presigner, SdkCallPriming priming) {
        this.s3 = s3;
        this.presigner = presigner;
        this.priming = priming;
    }

    @Override
    public void prime() {
        priming.dryRun(s3, c -> c.getObject(b -> b.bucket(BUCKET).key("priming").range("bytes=0-")));
        priming.dryRun(s3, c -> c.putObject(b -> b.bucket(BUCKET).key("priming").contentType("application/json"),
                RequestBody.fromString("{}")));
        // Presigning is local (no request); the link is thrown away.
        presigner.ifPresent(links -> links.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(1))
                .getObjectRequest(g -> g.bucket(BUCKET).key("priming"))));
    }
}
