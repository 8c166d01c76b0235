package no.dialog.local.template;

import java.util.Set;

/**
 * CloudFormation's pseudo parameters ({@code AWS::Region}, {@code AWS::AccountId}, ...) and the values the
 * local stack gives them. The account and region are the same ones the emulators use, so ARNs built by
 * the template match the ARNs the emulators report.
 */
public final class PseudoParameters {

    public static final String ACCOUNT_ID = "000000000000";
    public static final String REGION = "eu-north-1";
    public static final String PARTITION = "aws";
    public static final String URL_SUFFIX = "amazonaws.com";

    /** {@code Ref: AWS::NoValue} removes the property that holds it. */
    public static final String NO_VALUE = "AWS::NoValue";

    private static final Set<String> NAMES = Set.of(
            "AWS::AccountId", "AWS::Region", "AWS::StackName", "AWS::StackId", "AWS::Partition",
            "AWS::URLSuffix", "AWS::NotificationARNs", NO_VALUE);

    private PseudoParameters() {
    }

    public static boolean isPseudoParameter(String name) {
        return NAMES.contains(name);
    }
}
