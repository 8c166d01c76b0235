package no.dialog.aws.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a function's application context outside Lambda (the local stack, handler tests): from the
 * function's environment variables as template.yaml declares them, plus the settings that say where
 * AWS is, plus the clock. This is the only difference between a function here and in AWS.
 */
public final class FunctionContexts {

    private FunctionContexts() {}

    /**
     * @param environment the function's environment variables (read like real ones: {@code CONTACTS_TABLE}
     *                    becomes {@code contacts.table})
     * @param settings    further properties, e.g. from {@link #endpoints}
     * @param clock       the clock core reads time from
     */
    public static ApplicationContext start(Map<String, ?> environment, Map<String, Object> settings, Clock clock) {
        return ApplicationContext.builder()
                .propertySources(PropertySource.of("lambda-environment", Map.copyOf(environment),
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .properties(settings)
                .singletons(clock)
                .start();
    }

    /** Region, static credentials and endpoint overrides for AWS-compatible services (null: not overridden). */
    public static Map<String, Object> endpoints(String region, String accessKeyId, String secretAccessKey,
            URI dynamoDb, URI sqs, URI s3, URI events) {
        return endpoints(region, accessKeyId, secretAccessKey, dynamoDb, sqs, s3, events, null);
    }

    /** As {@link #endpoints(String, String, String, URI, URI, URI, URI)}, with a Secrets Manager endpoint too. */
    public static Map<String, Object> endpoints(String region, String accessKeyId, String secretAccessKey,
            URI dynamoDb, URI sqs, URI s3, URI events, URI secretsManager) {
        return endpoints(region, accessKeyId, secretAccessKey, dynamoDb, sqs, s3, events, secretsManager, null);
    }

    /** As above, with a KMS endpoint too. */
    public static Map<String, Object> endpoints(String region, String accessKeyId, String secretAccessKey,
            URI dynamoDb, URI sqs, URI s3, URI events, URI secretsManager, URI kms) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("aws.region", region);
        settings.put("aws.static-credentials.access-key-id", accessKeyId);
        settings.put("aws.static-credentials.secret-access-key", secretAccessKey);
        put(settings, "dynamodb", dynamoDb);
        put(settings, "sqs", sqs);
        put(settings, "s3", s3);
        put(settings, "events", events);
        put(settings, "secretsmanager", secretsManager);
        put(settings, "kms", kms);
        return settings;
    }

    private static void put(Map<String, Object> settings, String service, URI endpoint) {
        if (endpoint != null) {
            settings.put("aws.endpoint-override." + service, endpoint.toString());
        }
    }
}
