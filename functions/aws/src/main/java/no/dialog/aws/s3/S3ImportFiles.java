package no.dialog.aws.s3;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.InputStream;
import no.dialog.core.sync.ImportFile;
import no.dialog.core.sync.ImportFiles;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Contact files in S3: read from an offset with a ranged GET, reports written next to the file. */
@Singleton
@Requires(classes = S3Client.class)
public class S3ImportFiles implements ImportFiles {

    private final S3Client s3;

    public S3ImportFiles(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public InputStream openFrom(ImportFile file, long offset) {
        // If-Match: a file replaced since the notification is a different upload, with its own notification.
        return s3.getObject(b -> {
            b.bucket(file.bucket()).key(file.key());
            if (file.eTag() != null && !file.eTag().isBlank()) {
                // Notifications carry the ETag bare; HTTP wants it quoted.
                b.ifMatch(file.eTag().startsWith("\"") ? file.eTag() : "\"" + file.eTag() + "\"");
            }
            if (offset > 0) {
                b.range("bytes=" + offset + "-");
            }
        });
    }

    @Override
    public void writeReport(ImportFile file, String reportJson) {
        s3.putObject(b -> b.bucket(file.bucket()).key(file.reportKey()).contentType("application/json"),
                RequestBody.fromString(reportJson));
    }
}
