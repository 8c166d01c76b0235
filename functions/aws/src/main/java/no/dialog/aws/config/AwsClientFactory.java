package no.dialog.aws.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The HTTP client and the AWS SDK clients every function uses (DynamoDB, SQS), built once per execution
 * environment, at init. Where they connect is {@link AwsClientSettings}. The clients of services only some
 * functions call are in {@link S3ClientFactory}, {@link EventBridgeClientFactory} and
 * {@link SecretsManagerClientFactory}, each a bean only where its SDK module is in the function's jar.
 */
@Factory
public class AwsClientFactory {

    /**
     * How many idle connections per host the JDK keeps open for reuse. Batch calls run in parallel (16 ledger
     * writes, 8 journey steps, contact writes): with the JDK's default of 5, most of those connections would be
     * closed after each call and opened again, with a new TLS handshake, for the next.
     */
    static final int KEPT_ALIVE_PER_HOST = 64;

    /**
     * One HTTP client shared by all SDK clients of this function: the JDK's HttpURLConnection, light to load
     * (no pool library, no Netty). Calls run in parallel, each on its own connection; idle connections are
     * kept for reuse by the JDK ({@link #KEPT_ALIVE_PER_HOST}).
     */
    @Singleton
    SdkHttpClient httpClient() {
        KeepAlive.keepIdleConnectionsPerHost(KEPT_ALIVE_PER_HOST);
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Singleton
    DynamoDbClient dynamoDb(AwsClientSettings settings, SdkHttpClient http) {
        return settings.configure(DynamoDbClient.builder(), settings.endpoints().dynamodb()).httpClient(http).build();
    }

    @Singleton
    SqsClient sqs(AwsClientSettings settings, SdkHttpClient http) {
        return settings.configure(SqsClient.builder(), settings.endpoints().sqs()).httpClient(http).build();
    }
}
