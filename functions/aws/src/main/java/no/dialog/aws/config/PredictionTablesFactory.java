package no.dialog.aws.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import no.dialog.aws.s3.S3PredictionTables;
import no.dialog.core.predicted.PredictionTables;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The organisations' prediction tables (ADR 0037), beside the segment snapshots: only where the function has
 * the snapshots bucket. Without it there is no bean, and users fall back to {@link PredictionTables#NONE}
 * (nobody is scored), so a function starts without the setting.
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
