package no.dialog.aws.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.dialog.emulators.AwsLocal;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/** An upload to S3 (S3Proxy) leaves without Expect: 100-continue once NoExpectContinue is on the client. */
class NoExpectContinueTest {

    @Test
    void thePutObjectThatTheS3ClientWouldSendWithExpectContinueGoesWithout() {
        String bucket = "expect-" + UUID.randomUUID();
        List<String> plain = sentExpectHeaders(bucket, false);
        List<String> without = sentExpectHeaders(bucket, true);

        assertThat(plain).as("the S3 client adds the header by itself").containsExactly("100-continue");
        assertThat(without).as("what leaves with NoExpectContinue").isEmpty();
    }

    /** The Expect headers of a PutObject as transmitted, and the object arrives. */
    private static List<String> sentExpectHeaders(String bucket, boolean withoutExpect) {
        List<String> seen = new ArrayList<>();
        ExecutionInterceptor transmitted = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                if (context.httpRequest().method().name().equals("PUT")
                        && context.httpRequest().encodedPath().contains("/note.txt")) {
                    seen.addAll(context.httpRequest().headers().getOrDefault("Expect", List.of()));
                }
            }
        };
        try (S3Client s3 = S3Client.builder().endpointOverride(SharedEmulators.get().s3Endpoint())
                .region(AwsLocal.REGION).credentialsProvider(AwsLocal.CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).forcePathStyle(true)
                .overrideConfiguration(c -> {
                    if (withoutExpect) {
                        c.addExecutionInterceptor(new NoExpectContinue());
                    }
                    c.addExecutionInterceptor(transmitted);
                }).build()) {
            if (!withoutExpect) {
                s3.createBucket(b -> b.bucket(bucket));
            }
            s3.putObject(b -> b.bucket(bucket).key("note.txt"), RequestBody.fromString("hei"));
            assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("note.txt")).asUtf8String()).isEqualTo("hei");
        }
        return seen;
    }
}
