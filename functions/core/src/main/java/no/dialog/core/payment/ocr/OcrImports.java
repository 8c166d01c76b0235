package no.dialog.core.payment.ocr;

import java.time.Instant;
import java.util.Objects;
import no.dialog.core.tenant.TenantId;

/**
 * Port: the OCR files a tenant has imported, so that the same file delivered twice (a re-upload, a
 * redelivered S3 notification) is imported once. A file is known by the SHA-256 of its content and by
 * Nets' transmission number; either one matching a finished import makes it a repeat. An import that
 * began but never finished (cut off) may begin again: the payment ids in the ledger keep its payments
 * from being registered twice.
 */
public interface OcrImports {

    /** A file as the import log knows it. */
    record ImportedFile(String sha256, String transmissionNumber, String fileName) {

        public ImportedFile {
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(transmissionNumber, "transmissionNumber");
        }
    }

    /**
     * Notes that the file's import begins.
     *
     * @return false if a file with the same content or transmission number was imported to the end before
     *         (nothing is to be done)
     */
    boolean begin(TenantId tenant, ImportedFile file, Instant at);

    /** Notes that the import ended, with what it did. */
    void finish(TenantId tenant, ImportedFile file, OcrImportReport report, Instant at);
}
