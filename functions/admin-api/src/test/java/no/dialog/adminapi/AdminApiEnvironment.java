package no.dialog.adminapi;

import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import no.dialog.aws.config.FunctionContexts;
import no.dialog.aws.testing.TestTables;
import no.dialog.emulators.AwsLocal;
import no.dialog.emulators.Emulators;

/** The admin API function's environment as template.yaml gives it, on fresh tables in DynamoDB Local. */
final class AdminApiEnvironment {

    private AdminApiEnvironment() {}

    /** The function's table variables, each naming a new, empty table. */
    static Map<String, Object> tables(Emulators emulators) {
        Map<String, Object> env = new HashMap<>();
        env.put("CONTACTS_TABLE", TestTables.contacts(emulators.dynamoDb()));
        env.put("TENANTS_TABLE", TestTables.withHashKey(emulators.dynamoDb(), "tenants", "tenant"));
        env.put("DEFINITIONS_TABLE", TestTables.definitions(emulators.dynamoDb()));
        env.put("ENROLMENTS_TABLE", TestTables.enrolments(emulators.dynamoDb()));
        env.put("RUN_FILES_TABLE", TestTables.runFiles(emulators.dynamoDb()));
        String exports = "exports-" + java.util.UUID.randomUUID();
        emulators.s3().createBucket(b -> b.bucket(exports));
        env.put("EXPORTS_BUCKET", exports);
        return env;
    }

    /** An application context as Lambda would build it from {@code env}, with DynamoDB Local and S3Proxy as endpoints. */
    static ApplicationContext start(Map<String, Object> env, Emulators emulators, Clock clock) {
        return FunctionContexts.start(env, FunctionContexts.endpoints(AwsLocal.REGION.id(), "local", "local",
                emulators.dynamoDbEndpoint(), null, emulators.s3Endpoint(), null), clock);
    }
}
