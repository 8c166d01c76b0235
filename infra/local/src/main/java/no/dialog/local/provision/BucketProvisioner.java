package no.dialog.local.provision;

import no.dialog.local.template.BucketSpec;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Creates the S3 buckets that do not exist yet. Notifications, lifecycle rules and encryption are not set
 * on the emulator: the local stack delivers notifications itself, from the {@link BucketSpec}.
 */
final class BucketProvisioner {

    private static final int NOT_FOUND = 404;

    private final S3Client s3;

    BucketProvisioner(S3Client s3) {
        this.s3 = s3;
    }

    void provision(BucketSpec spec, ProvisioningLog log) {
        if (exists(spec.bucketName())) {
            log.unchanged(spec.logicalId(), spec.bucketName(), "bucket exists");
            return;
        }
        s3.createBucket(r -> r.bucket(spec.bucketName()));
        log.created(spec.logicalId(), spec.bucketName(), "bucket");
    }

    private boolean exists(String bucketName) {
        try {
            s3.headBucket(r -> r.bucket(bucketName));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }
}
