package no.dialog.aws.config;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import no.dialog.aws.snapstart.SdkCallPriming;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Where and as whom every AWS SDK client of a function connects, from configuration only:
 *
 * <ul>
 *   <li>{@code aws.region}: otherwise the SDK's default chain. In Lambda, {@code AWS_REGION} is both.</li>
 *   <li>{@code aws.endpoint-override.dynamodb|sqs|s3|events|secretsmanager|kms} ({@link AwsEndpoints}): otherwise
 *       the service's public endpoint. As environment variables: {@code AWS_ENDPOINT_OVERRIDE_DYNAMODB} and so on
 *       (Micronaut reads {@code AWS_ENDPOINT_OVERRIDE_DYNAMODB} as {@code aws.endpoint-override.dynamodb}).</li>
 *   <li>{@code aws.static-credentials.access-key-id|secret-access-key}: otherwise the default chain (the
 *       function's role in Lambda, {@code AWS_ACCESS_KEY_ID} and friends elsewhere).</li>
 * </ul>
 * The local stack sets the overrides to its emulators; the code does not know it runs locally.
 *
 * <p>Opt-in, for measuring: {@code aws.execution-interceptors} (e.g. the system property
 * {@code -Daws.execution-interceptors=no.dialog.bench.AwsCallCounter}) names SDK
 * {@link ExecutionInterceptor} classes (public, no-argument constructor) that every client built here gets.
 * The SMS benchmark counts AWS calls per message with it. Unset in every deployment.
 */
@Singleton
public class AwsClientSettings {

    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final AwsEndpoints endpoints;
    private final List<String> interceptorClasses;
    private final SdkCallPriming priming;

    public AwsClientSettings(
            @Value("${aws.region:}") String region,
            @Value("${aws.static-credentials.access-key-id:}") String accessKeyId,
            @Value("${aws.static-credentials.secret-access-key:}") String secretAccessKey,
            @Value("${aws.execution-interceptors:}") String interceptorClasses,
            AwsEndpoints endpoints,
            SdkCallPriming priming) {
        this.interceptorClasses = Arrays.stream(interceptorClasses.split(","))
                .map(String::strip).filter(name -> !name.isEmpty()).toList();
        this.region = region.isBlank() ? DefaultAwsRegionProviderChain.builder().build().getRegion() : Region.of(region);
        this.credentials = accessKeyId.isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
        this.endpoints = endpoints;
        this.priming = priming;
    }

    public Region region() {
        return region;
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    public AwsEndpoints endpoints() {
        return endpoints;
    }

    /**
     * Region, credentials, the endpoint override if any, the opt-in interceptors, and the priming interceptor
     * (which stops calls made while priming before they leave the process, see {@link SdkCallPriming}).
     */
    public <B extends AwsClientBuilder<B, ?>> B configure(B builder, Optional<URI> endpoint) {
        return configure(builder, endpoint, List.of());
    }

    /** As {@link #configure(AwsClientBuilder, Optional)}, with the client's own interceptors too. */
    public <B extends AwsClientBuilder<B, ?>> B configure(B builder, Optional<URI> endpoint,
            List<ExecutionInterceptor> own) {
        builder.region(region).credentialsProvider(credentials);
        endpoint.ifPresent(builder::endpointOverride);
        builder.overrideConfiguration(c -> {
            own.forEach(c::addExecutionInterceptor);
            interceptorClasses.forEach(name -> c.addExecutionInterceptor(interceptor(name)));
            c.addExecutionInterceptor(priming.interceptor());
        });
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
}
