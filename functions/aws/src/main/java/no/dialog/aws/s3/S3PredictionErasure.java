package no.dialog.aws.s3;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import no.dialog.core.predicted.PredictionTables;
import no.dialog.core.privacy.PersonalData;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Removes the person's row from the tenant's prediction table (ADR 0037). Unlike a segment snapshot, the table
 * cannot be rebuilt from the contacts table on demand (it needs a night's scoring), so it is rewritten without
 * the row rather than deleted. Counts 1 when a row was removed; a second erasure finds none and counts 0.
 */
@Singleton
@Order(81)
@Requires(classes = S3Client.class)
@Requires(property = "snapshots.bucket")
public class S3PredictionErasure implements PersonalData {

    private final PredictionTables tables;

    public S3PredictionErasure(S3Client s3, @Value("${snapshots.bucket}") String bucket) {
        this.tables = new S3PredictionTables(s3, bucket);
    }

    @Override
    public String store() {
        return "prediction-tables";
    }

    @Override
    public long erase(TenantId tenant, String contactId) {
        return tables.erase(tenant, contactId) ? 1 : 0;
    }
}
