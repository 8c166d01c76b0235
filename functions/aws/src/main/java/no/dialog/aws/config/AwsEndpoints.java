package no.dialog.aws.config;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;

/**
 * Endpoint overrides from configuration ({@code aws.endpoint-override.<service>}, as environment variables
 * {@code AWS_ENDPOINT_OVERRIDE_DYNAMODB}, {@code _SQS}, {@code _S3}, {@code _EVENTS}, {@code _SECRETSMANAGER}, {@code _KMS});
 * empty means the real AWS endpoint.
 */
@Singleton
public class AwsEndpoints {
    private final Optional<URI> dynamodb;
    private final Optional<URI> sqs;
    private final Optional<URI> s3;
    private final Optional<URI> events;
    private final Optional<URI> secretsmanager;
    private final Optional<URI> kms;

    public AwsEndpoints(
            @Nullable @Value("${aws.endpoint-override.dynamodb:}") String dynamodb,
            @Nullable @Value("${aws.endpoint-override.sqs:}") String sqs,
            @Nullable @Value("${aws.endpoint-override.s3:}") String s3,
            @Nullable @Value("${aws.endpoint-override.events:}") String events,
            @Nullable @Value("${aws.endpoint-override.secretsmanager:}") String secretsmanager,
            @Nullable @Value("${aws.endpoint-override.kms:}") String kms) {
        this.dynamodb = uri(dynamodb);
        this.sqs = uri(sqs);
        this.s3 = uri(s3);
        this.events = uri(events);
        this.secretsmanager = uri(secretsmanager);
        this.kms = uri(kms);
    }

    private static Optional<URI> uri(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(URI.create(value.strip()));
    }

    public Optional<URI> dynamodb() { return dynamodb; }
    public Optional<URI> sqs() { return sqs; }
    public Optional<URI> s3() { return s3; }
    public Optional<URI> events() { return events; }
    public Optional<URI> secretsmanager() { return secretsmanager; }
    public Optional<URI> kms() { return kms; }
}
