package no.dialog.emulators;

import java.net.URI;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds AWS SDK clients that talk to a local emulator, or to anything else at a given endpoint: endpoint
 * override, {@link AwsLocal} region and credentials, and the JDK's URLConnection HTTP client, which has
 * no connection-pool threads to start or shut down.
 *
 * <p>Each client owns its HTTP client and releases it on {@code close()}.
 */
public final class LocalAwsClients {

    private LocalAwsClients() {
    }

    public static DynamoDbClient dynamoDb(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(AwsLocal.REGION)
                .credentialsProvider(AwsLocal.CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    public static SqsClient sqs(URI endpoint) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(AwsLocal.REGION)
                .credentialsProvider(AwsLocal.CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /**
     * Path-style ({@code http://host:port/bucket/key}): the emulator has no per-bucket host names. Uploads go without
     * {@code Expect: 100-continue}, as the functions' S3 client sends them (no.dialog.aws.config.NoExpectContinue):
     * on a kept-alive connection the server has closed, the URL-connection client's handling of that header fails
     * with an error the SDK does not retry.
     */
    public static S3Client s3(URI endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(AwsLocal.REGION)
                .credentialsProvider(AwsLocal.CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .forcePathStyle(true)
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context,
                            ExecutionAttributes attributes) {
                        return context.httpRequest().toBuilder().removeHeader("Expect").build();
                    }
                }))
                .build();
    }

    public static SecretsManagerClient secretsManager(URI endpoint) {
        return SecretsManagerClient.builder()
                .endpointOverride(endpoint)
                .region(AwsLocal.REGION)
                .credentialsProvider(AwsLocal.CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    public static KmsClient kms(URI endpoint) {
        return KmsClient.builder()
                .endpointOverride(endpoint)
                .region(AwsLocal.REGION)
                .credentialsProvider(AwsLocal.CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}
