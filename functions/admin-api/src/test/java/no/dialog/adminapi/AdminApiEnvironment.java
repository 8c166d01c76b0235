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
        env.put("AUDIT_TABLE", TestTables.audit(emulators.dynamoDb()));
        env.put("LANDING_LINKS_TABLE", TestTables.withContactIndex(emulators.dynamoDb(), "landing-links"));
        String exports = "exports-" + java.util.UUID.randomUUID();
        emulators.s3().createBucket(b -> b.bucket(exports));
        env.put("EXPORTS_BUCKET", exports);
        return env;
    }

    /**
     * What the payment routes add (template.yaml): the payments table, the send ledger (evidence), the
     * responses queue and the bus the confirm path registers through.
     */
    static Map<String, Object> withPayments(Map<String, Object> env, Emulators emulators, String queueName) {
        env.put("PAYMENTS_TABLE", TestTables.payments(emulators.dynamoDb()));
        env.put("SEND_LEDGER_TABLE", TestTables.withContactIndex(emulators.dynamoDb(), "send-ledger"));
        env.put("RESPONSES_QUEUE_URL", emulators.sqs().createQueue(b -> b.queueName(queueName)).queueUrl());
        env.put("EVENT_BUS_NAME", "dialog-test");
        return env;
    }

    /** As {@link #start(Map, Emulators, Clock)}, with ElasticMQ and {@code eventBridge} as endpoints too. */
    static ApplicationContext start(Map<String, Object> env, Emulators emulators, Clock clock, java.net.URI eventBridge) {
        return FunctionContexts.start(env, FunctionContexts.endpoints(AwsLocal.REGION.id(), "local", "local",
                emulators.dynamoDbEndpoint(), emulators.sqsEndpoint(), emulators.s3Endpoint(), eventBridge,
                emulators.secretsManagerEndpoint()), clock);
    }

    /**
     * An application context as Lambda would build it from {@code env}, with DynamoDB Local, S3Proxy and the local
     * Secrets Manager endpoint.
     */
    static ApplicationContext start(Map<String, Object> env, Emulators emulators, Clock clock) {
        return FunctionContexts.start(env, FunctionContexts.endpoints(AwsLocal.REGION.id(), "local", "local",
                emulators.dynamoDbEndpoint(), null, emulators.s3Endpoint(), null, emulators.secretsManagerEndpoint()),
                clock);
    }
}
