package no.dialog.ocrimport;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.payment.ocr.OcrImportReport;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The OCR files in the imports bucket and their reports in the exports bucket ({@code EXPORTS_BUCKET}, at
 * {@link OcrUpload#reportKey()}). Reports go to another bucket than the files so that nothing this function
 * writes can ever notify it again.
 */
@Singleton
class S3OcrFiles {

    /** Nets' files hold a day's payments, a few MB at most; anything far bigger is not one. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final S3Client s3;
    private final String reportsBucket;

    S3OcrFiles(S3Client s3, @Value("${exports.bucket}") String reportsBucket) {
        this.s3 = s3;
        this.reportsBucket = reportsBucket;
    }

    /**
     * The file's bytes as they are now (a file replaced since the notification is read as replaced: the
     * import log and the ledger make the older notification harmless).
     *
     * @throws PermanentFailure if the object is gone (deleted: nothing to import) or too big to be an OCR file
     */
    byte[] read(OcrUpload upload) {
        try (ResponseInputStream<GetObjectResponse> object = s3.getObject(b -> b.bucket(upload.bucket()).key(upload.key()))) {
            Long length = object.response().contentLength();
            if (length != null && length > MAX_BYTES) {
                throw new PermanentFailure("the OCR file is " + length + " bytes; more than " + MAX_BYTES
                        + " is not an OCR file");
            }
            return object.readAllBytes();
        } catch (NoSuchKeyException e) {
            throw new PermanentFailure("the OCR file is no longer in the bucket");
        } catch (IOException e) {
            throw new UncheckedIOException("reading the OCR file failed", e);
        }
    }

    /**
     * Writes the report. A report that says only ALREADY_IMPORTED does not replace one already there: a
     * notification delivered twice, or the same file put again under its name, keeps the report of the import
     * that did the work (S3's conditional write, {@code If-None-Match: *}).
     *
     * @return false if an earlier report was kept
     */
    boolean writeReport(OcrUpload upload, OcrImportReport report) {
        boolean keepEarlier = report.status() == OcrImportReport.Status.ALREADY_IMPORTED;
        try {
            s3.putObject(b -> {
                b.bucket(reportsBucket).key(upload.reportKey()).contentType("application/json");
                if (keepEarlier) {
                    b.ifNoneMatch("*");
                }
            }, RequestBody.fromString(report.toJson()));
            return true;
        } catch (S3Exception e) {
            if (keepEarlier && e.statusCode() == 412) {
                return false;
            }
            throw e;
        }
    }
}
