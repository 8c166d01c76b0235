package no.dialog.aws.s3;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import no.dialog.core.predicted.PredictionTables;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The tenants' score tables (ADR 0037) as a bean, where a function has the snapshots bucket: the nightly scoring
 * publishes them, a person's export reads them. Segment evaluation makes its own reader beside its snapshots.
 */
@Factory
public class PredictionTablesFactory {

    @Singleton
    @Requires(classes = S3Client.class)
    @Requires(property = "snapshots.bucket")
    PredictionTables predictionTables(S3Client s3, @Value("${snapshots.bucket}") String bucket) {
        return new S3PredictionTables(s3, bucket);
    }
}
