package no.dialog.ocrimport;

import java.util.Objects;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.tenant.TenantId;

/**
 * An OCR file put into the imports bucket at {@code ocr/<tenant>/<file name>} (the file name may hold
 * folders of its own). The key says whose file it is: Dialog never guesses a tenant.
 *
 * @param bucket   the imports bucket
 * @param key      the object key, decoded
 * @param tenant   the tenant named by the key's second segment
 * @param fileName what follows the tenant; the report is named after it
 */
record OcrUpload(String bucket, String key, TenantId tenant, String fileName) {

    /** Where OCR files go in the imports bucket (the notification's prefix rule in template.yaml). */
    static final String PREFIX = "ocr/";

    OcrUpload {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(fileName, "fileName");
    }

    /**
     * The upload the key names.
     *
     * @throws PermanentFailure if the key is not {@code ocr/<tenant>/<file name>} (the message names the rule
     *                          broken, not the key, which a person may have typed a name into)
     */
    static OcrUpload of(String bucket, String key) {
        if (bucket == null || bucket.isBlank()) {
            throw new PermanentFailure("the S3 notification has no bucket name");
        }
        if (!key.startsWith(PREFIX)) {
            throw new PermanentFailure("not an OCR file: the key does not start with '" + PREFIX + "'");
        }
        String rest = key.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw new PermanentFailure("an OCR file key must be ocr/<tenant>/<file name>; this one has no tenant folder");
        }
        String tenant = rest.substring(0, slash);
        if (!TenantId.isValid(tenant)) {
            throw new PermanentFailure("an OCR file key must be ocr/<tenant>/<file name>; the tenant folder is not a"
                    + " tenant id (lower-case letters, digits and hyphens)");
        }
        String fileName = rest.substring(slash + 1);
        if (fileName.isEmpty() || fileName.endsWith("/")) {
            throw new PermanentFailure("an OCR file key must be ocr/<tenant>/<file name>; this one names a folder");
        }
        return new OcrUpload(bucket, key, TenantId.of(tenant), fileName);
    }

    /** The report's key in the exports bucket: {@code reports/<tenant>/ocr/<file name>.json}. */
    String reportKey() {
        return "reports/" + tenant.value() + "/ocr/" + fileName + ".json";
    }
}
