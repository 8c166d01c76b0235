package no.dialog.aws.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The S3 client and presigner, in the functions whose module brings the SDK's S3 module. */
@Factory
@Requires(classes = S3Client.class)
public class S3ClientFactory {

    @Singleton
    S3Client s3(AwsClientSettings settings, SdkHttpClient http) {
        boolean overridden = settings.endpoints().s3().isPresent();
        return settings.configure(S3Client.builder(), settings.endpoints().s3(), List.of(new NoExpectContinue()))
                .httpClient(http)
                // Path-style works with every S3-compatible endpoint; checksums only where S3 needs them.
                .forcePathStyle(overridden)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .build();
    }

    /**
     * Presigned download links to run files in the exports bucket ({@code EXPORTS_BUCKET}); signs with the same
     * region, credentials and endpoint as S3. Only where there is such a bucket: nothing else presigns.
     */
    @Singleton
    @Requires(property = "exports.bucket")
    S3Presigner s3Presigner(AwsClientSettings settings) {
        S3Presigner.Builder builder = S3Presigner.builder().region(settings.region())
                .credentialsProvider(settings.credentials())
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(settings.endpoints().s3().isPresent()).build());
        settings.endpoints().s3().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
