package no.dialog.local.template;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CloudFormation and SAM resource types the local stack knows, and the {@code Fn::GetAtt} attributes
 * each of them offers. Types missing here are still parsed; they just are not emulated.
 */
public final class ResourceTypes {

    public static final String TABLE = "AWS::DynamoDB::Table";
    public static final String QUEUE = "AWS::SQS::Queue";
    public static final String QUEUE_POLICY = "AWS::SQS::QueuePolicy";
    public static final String BUCKET = "AWS::S3::Bucket";
    public static final String EVENT_BUS = "AWS::Events::EventBus";
    public static final String RULE = "AWS::Events::Rule";
    public static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";
    public static final String LAMBDA_FUNCTION = "AWS::Lambda::Function";
    public static final String SERVERLESS_HTTP_API = "AWS::Serverless::HttpApi";
    public static final String HTTP_API = "AWS::ApiGatewayV2::Api";
    public static final String LOG_GROUP = "AWS::Logs::LogGroup";
    /** Provisioned in the local Secrets Manager endpoint; {@code Ref} is the secret's ARN. */
    public static final String SECRET = "AWS::SecretsManager::Secret";
    /**
     * Provisioned in the local KMS endpoint; {@code Ref} is the key's id, {@code Fn::GetAtt Arn} its ARN (known once
     * the key exists; planned from the stack name and logical id before).
     */
    public static final String KMS_KEY = "AWS::KMS::Key";
    /** Not emulated as such: the local SES sandbox takes any set name; named so that {@code Ref} resolves. */
    public static final String SES_CONFIGURATION_SET = "AWS::SES::ConfigurationSet";

    /**
     * Not emulated: the local stack's staff tokens come from its dev-token issuer. Named so that {@code Ref} and
     * {@code Fn::GetAtt} resolve when a template is read with {@code IdentityProvider=cognito}.
     */
    public static final String USER_POOL = "AWS::Cognito::UserPool";
    public static final String USER_POOL_CLIENT = "AWS::Cognito::UserPoolClient";

    /** The logical id SAM gives the API it creates for {@code HttpApi} events that name no {@code ApiId}. */
    public static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";

    private static final Map<String, Set<String>> ATTRIBUTES = Map.ofEntries(
            Map.entry(TABLE, Set.of("Arn", "StreamArn")),
            Map.entry(QUEUE, Set.of("Arn", "QueueName", "QueueUrl")),
            Map.entry(BUCKET, Set.of("Arn", "DomainName", "RegionalDomainName", "DualStackDomainName", "WebsiteURL")),
            Map.entry(EVENT_BUS, Set.of("Arn", "Name", "Policy")),
            Map.entry(RULE, Set.of("Arn")),
            Map.entry(SERVERLESS_FUNCTION, Set.of("Arn")),
            Map.entry(LAMBDA_FUNCTION, Set.of("Arn")),
            Map.entry(SERVERLESS_HTTP_API, Set.of("ApiEndpoint", "ApiId")),
            Map.entry(HTTP_API, Set.of("ApiEndpoint", "ApiId")),
            Map.entry(LOG_GROUP, Set.of("Arn")),
            Map.entry(SECRET, Set.of("Id")),
            Map.entry(KMS_KEY, Set.of("Arn", "KeyId")),
            Map.entry(USER_POOL, Set.of("Arn", "ProviderName", "ProviderURL", "UserPoolId")),
            Map.entry(USER_POOL_CLIENT, Set.of("ClientId", "Name")));

    private ResourceTypes() {
    }

    /**
     * The {@code Fn::GetAtt} attributes of a resource type, or empty if this class does not know the type
     * (then any attribute is accepted, since we cannot tell).
     */
    public static Optional<Set<String>> attributesOf(String type) {
        return Optional.ofNullable(ATTRIBUTES.get(type));
    }

    public static boolean isFunction(String type) {
        return SERVERLESS_FUNCTION.equals(type) || LAMBDA_FUNCTION.equals(type);
    }

    public static boolean isHttpApi(String type) {
        return SERVERLESS_HTTP_API.equals(type) || HTTP_API.equals(type);
    }
}
