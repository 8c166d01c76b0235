package no.dialog.aws.run;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import no.dialog.core.run.LetterDrop;
import no.dialog.core.run.RunFile;
import no.dialog.core.run.RunFileStore;
import no.dialog.core.run.RunRef;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Run files in the exports bucket ({@code EXPORTS_BUCKET}), and the 21Grams letter drop under
 * {@code drops/<tenant>/21grams/<runId>/} in the same bucket. Each file is described with a presigned GET
 * link valid {@link #LINK_VALIDITY} (the longest S3 allows for a signature: 7 days); the exports bucket's
 * lifecycle removes the files later.
 */
@Singleton
@Requires(classes = S3Client.class)
@Requires(property = "exports.bucket")
public class S3RunFiles implements RunFileStore, LetterDrop {

    public static final Duration LINK_VALIDITY = Duration.ofDays(7);

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final Clock clock;

    public S3RunFiles(S3Client s3, S3Presigner presigner, @Value("${exports.bucket}") String bucket, Clock clock) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.clock = clock;
    }

    @Override
    public RunFile put(RunRef run, String name, byte[] content, String contentType) {
        String key = RunFileStore.key(run, name);
        write(key, content, contentType);
        return describe(key, name, contentType);
    }

    @Override
    public String drop(RunRef run, String fileName, byte[] content, String contentType) {
        String key = LetterDrop.key(run, fileName);
        write(key, content, contentType);
        return key;
    }

    @Override
    public RunFile describe(String key, String name, String contentType) {
        Instant expires = clock.instant().plus(LINK_VALIDITY);
        String link = presigner.presignGetObject(b -> b.signatureDuration(LINK_VALIDITY)
                .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toString();
        return new RunFile(name, key, contentType, link, expires);
    }

    private void write(String key, byte[] content, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content));
    }
}
