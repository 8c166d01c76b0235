package no.dialog.local.template;

/**
 * ARNs of local resources, built as AWS builds them, with the local account and region
 * ({@link PseudoParameters#ACCOUNT_ID}, {@link PseudoParameters#REGION}).
 */
public final class Arns {

    private static final String REGION_AND_ACCOUNT = PseudoParameters.REGION + ":" + PseudoParameters.ACCOUNT_ID;

    private Arns() {
    }

    public static String table(String tableName) {
        return "arn:aws:dynamodb:" + REGION_AND_ACCOUNT + ":table/" + tableName;
    }

    public static String userPool(String userPoolId) {
        return "arn:aws:cognito-idp:" + REGION_AND_ACCOUNT + ":userpool/" + userPoolId;
    }

    public static String queue(String queueName) {
        return "arn:aws:sqs:" + REGION_AND_ACCOUNT + ":" + queueName;
    }

    public static String bucket(String bucketName) {
        return "arn:aws:s3:::" + bucketName;
    }

    public static String eventBus(String busName) {
        return "arn:aws:events:" + REGION_AND_ACCOUNT + ":event-bus/" + busName;
    }

    /** Rules on the default bus have {@code rule/<name>}; rules on other buses {@code rule/<bus>/<name>}. */
    public static String rule(String busName, String ruleName) {
        String bus = busName == null || busName.equals("default") ? "" : busName + "/";
        return "arn:aws:events:" + REGION_AND_ACCOUNT + ":rule/" + bus + ruleName;
    }

    public static String function(String functionName) {
        return "arn:aws:lambda:" + REGION_AND_ACCOUNT + ":function:" + functionName;
    }

    public static String logGroup(String logGroupName) {
        return "arn:aws:logs:" + REGION_AND_ACCOUNT + ":log-group:" + logGroupName + ":*";
    }

    public static String sesConfigurationSet(String name) {
        return "arn:aws:ses:" + REGION_AND_ACCOUNT + ":configuration-set/" + name;
    }

    /** Planned from the name alone: AWS adds a dash and six random characters, known once the secret exists. */
    public static String secret(String name) {
        return "arn:aws:secretsmanager:" + REGION_AND_ACCOUNT + ":secret:" + name;
    }

    public static String kmsKey(String keyId) {
        return "arn:aws:kms:" + REGION_AND_ACCOUNT + ":key/" + keyId;
    }

    public static String httpApi(String apiId) {
        return "arn:aws:apigateway:" + PseudoParameters.REGION + "::/apis/" + apiId;
    }

    /** The last part of a queue ARN, which is the queue's name. */
    public static String queueName(String queueArn) {
        return queueArn.substring(queueArn.lastIndexOf(':') + 1);
    }

    /** The bus name in an event bus ARN, or the text itself if it is a name rather than an ARN. */
    public static String eventBusName(String nameOrArn) {
        int slash = nameOrArn.lastIndexOf("event-bus/");
        return nameOrArn.startsWith("arn:") && slash >= 0 ? nameOrArn.substring(slash + "event-bus/".length()) : nameOrArn;
    }
}
