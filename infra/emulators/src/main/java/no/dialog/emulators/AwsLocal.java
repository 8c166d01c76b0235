package no.dialog.emulators;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The fixed AWS identity of the local stack.
 *
 * <p>The emulators do not check credentials, but the AWS SDK insists on having some and signs every
 * request with them. Using one fixed region, account and key pair everywhere keeps queue URLs,
 * ARNs and DynamoDB Local's data files the same from run to run.
 */
public final class AwsLocal {

    /** The region every local client and emulator uses. */
    public static final Region REGION = Region.EU_NORTH_1;

    /** The account id that appears in local queue URLs and ARNs. */
    public static final String ACCOUNT_ID = "000000000000";

    /** Dummy credentials: access key {@code local}, secret {@code local}. */
    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private AwsLocal() {
    }
}
