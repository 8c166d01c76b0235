package no.dialog.aws.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS SDK clients every function uses, built once per execution environment (at init, which
 * Lambda runs with more CPU). Where they connect comes from configuration only:
 *
 * <ul>
 *   <li>{@code aws.region}: otherwise the SDK's default chain ({@code AWS_REGION} in Lambda);</li>
 *   <li>{@code aws.endpoint-override.dynamodb|sqs|s3|events|secretsmanager}: otherwise the service's public
 *       endpoint;</li>
 *   <li>{@code aws.static-credentials.access-key-id|secret-access-key}: otherwise the default chain
 *       (the function's role in Lambda).</li>
 * </ul>
 * The local stack sets the overrides to its emulators; the code does not know it runs locally.
 *
 * <p>Opt-in, for measuring: {@code aws.execution-interceptors} (e.g. the system property
 * {@code -Daws.execution-interceptors=no.dialog.bench.AwsCallCounter}) names SDK
 * {@link ExecutionInterceptor} classes (public, no-argument constructor) that every client built here gets.
 * The SMS benchmark counts AWS calls per message with it. Unset in every deployment.
 */
@Factory
public class AwsClientFactory {

    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final AwsEndpoints endpoints;
    private final List<String> interceptorClasses;

    public AwsClientFactory(
            @Value("${aws.region:}") String region,
            @Value("${aws.static-credentials.access-key-id:}") String accessKeyId,
            @Value("${aws.static-credentials.secret-access-key:}") String secretAccessKey,
            @Value("${aws.execution-interceptors:}") String interceptorClasses,
            AwsEndpoints endpoints) {
        this.interceptorClasses = java.util.Arrays.stream(interceptorClasses.split(","))
                .map(String::strip).filter(name -> !name.isEmpty()).toList();
        this.region = region.isBlank() ? DefaultAwsRegionProviderChain.builder().build().getRegion() : Region.of(region);
        this.credentials = accessKeyId.isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
        this.endpoints = endpoints;
    }

    /** One pooled HTTP client shared by all SDK clients of this function. */
    @Singleton
    SdkHttpClient httpClient() {
        return ApacheHttpClient.builder()
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Singleton
    DynamoDbClient dynamoDb(SdkHttpClient http) {
        return configure(DynamoDbClient.builder(), endpoints.dynamodb()).httpClient(http).build();
    }

    @Singleton
    SqsClient sqs(SdkHttpClient http) {
        return configure(SqsClient.builder(), endpoints.sqs()).httpClient(http).build();
    }

    @Singleton
    S3Client s3(SdkHttpClient http) {
        return configure(S3Client.builder(), endpoints.s3())
                .httpClient(http)
                // Path-style works with every S3-compatible endpoint; checksums only where S3 needs them.
                .forcePathStyle(endpoints.s3().isPresent())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .build();
    }

    /** Presigned download links (run files); signs with the same region, credentials and endpoint as S3. */
    @Singleton
    S3Presigner s3Presigner() {
        S3Presigner.Builder builder = S3Presigner.builder().region(region).credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(endpoints.s3().isPresent())
                        .build());
        endpoints.s3().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Singleton
    EventBridgeClient eventBridge(SdkHttpClient http) {
        return configure(EventBridgeClient.builder(), endpoints.events()).httpClient(http).build();
    }

    /** Tenants' provider secrets (Vipps keys); built only where a function reads them. */
    @Singleton
    SecretsManagerClient secretsManager(SdkHttpClient http) {
        return configure(SecretsManagerClient.builder(), endpoints.secretsmanager()).httpClient(http).build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, Optional<URI> endpoint) {
        builder.region(region).credentialsProvider(credentials);
        endpoint.ifPresent(builder::endpointOverride);
        if (!interceptorClasses.isEmpty()) {
            builder.overrideConfiguration(c -> interceptorClasses.forEach(name -> c.addExecutionInterceptor(
                    interceptor(name))));
        }
        return builder;
    }

    private static ExecutionInterceptor interceptor(String className) {
        try {
            return (ExecutionInterceptor) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("aws.execution-interceptors: " + className
                    + " is not an ExecutionInterceptor with a public no-argument constructor", e);
        }
    }

    /** Endpoint overrides from configuration; empty means the real AWS endpoint. */
    @Singleton
    public static class AwsEndpoints {
        private final Optional<URI> dynamodb;
        private final Optional<URI> sqs;
        private final Optional<URI> s3;
        private final Optional<URI> events;
        private final Optional<URI> secretsmanager;

        public AwsEndpoints(
                @Nullable @Value("${aws.endpoint-override.dynamodb:}") String dynamodb,
                @Nullable @Value("${aws.endpoint-override.sqs:}") String sqs,
                @Nullable @Value("${aws.endpoint-override.s3:}") String s3,
                @Nullable @Value("${aws.endpoint-override.events:}") String events,
                @Nullable @Value("${aws.endpoint-override.secretsmanager:}") String secretsmanager) {
            this.dynamodb = uri(dynamodb);
            this.sqs = uri(sqs);
            this.s3 = uri(s3);
            this.events = uri(events);
            this.secretsmanager = uri(secretsmanager);
        }

        private static Optional<URI> uri(String value) {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(URI.create(value));
        }

        public Optional<URI> dynamodb() { return dynamodb; }
        public Optional<URI> sqs() { return sqs; }
        public Optional<URI> s3() { return s3; }
        public Optional<URI> events() { return events; }
        public Optional<URI> secretsmanager() { return secretsmanager; }
    }
}
