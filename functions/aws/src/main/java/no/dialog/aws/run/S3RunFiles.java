package no.dialog.aws.run;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import no.dialog.core.run.LetterDrop;
import no.dialog.core.run.RunFile;
import no.dialog.core.run.RunFileStore;
import no.dialog.core.run.RunRef;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Run files in the exports bucket ({@code EXPORTS_BUCKET}), and the 21Grams letter drop under
 * {@code drops/<tenant>/21grams/<runId>/} in the same bucket. A file is described by its key, without a link:
 * download links are signed when staff ask for them, for an hour (the admin API's {@code RunFileLinks}), and
 * never stored, so no long-lived link sits in a table (ADR 0024). The exports bucket's lifecycle removes the
 * files later.
 */
@Singleton
@Requires(classes = S3Client.class)
@Requires(property = "exports.bucket")
public class S3RunFiles implements RunFileStore, LetterDrop {

    private final S3Client s3;
    private final String bucket;

    public S3RunFiles(S3Client s3, @Value("${exports.bucket}") String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
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
        return new RunFile(name, key, contentType, null, null);
    }

    private void write(String key, byte[] content, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content));
    }
}
