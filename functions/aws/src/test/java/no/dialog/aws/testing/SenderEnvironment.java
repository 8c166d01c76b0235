package no.dialog.aws.testing;

import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import no.dialog.aws.config.FunctionContexts;
import no.dialog.emulators.AwsLocal;
import no.dialog.emulators.Emulators;

/**
 * A sender function's environment as template.yaml gives it, on the shared emulators: the tables every
 * sender reads or writes, and the queues of its channel. A test adds the provider's settings.
 */
public final class SenderEnvironment {

    private SenderEnvironment() {}

    /**
     * {@code CONTACTS_TABLE}, {@code TENANTS_TABLE}, {@code DEFINITIONS_TABLE} (templates) and
     * {@code SEND_LEDGER_TABLE} and {@code RESULTS_TABLE} (an enrolments table, where results are counted),
     * each naming a new, empty table; the map is the caller's to add to.
     */
    public static Map<String, Object> tables(Emulators emulators) {
        Map<String, Object> env = new HashMap<>();
        env.put("CONTACTS_TABLE", TestTables.contacts(emulators.dynamoDb()));
        env.put("TENANTS_TABLE", TestTables.withHashKey(emulators.dynamoDb(), "tenants", "tenant"));
        env.put("DEFINITIONS_TABLE", TestTables.definitions(emulators.dynamoDb()));
        env.put("SEND_LEDGER_TABLE", TestTables.withHashKey(emulators.dynamoDb(), "send-ledger", "pk"));
        env.put("RESULTS_TABLE", TestTables.enrolments(emulators.dynamoDb()));
        return env;
    }

    /**
     * The queue of {@code channel} ({@code SEND_<CHANNEL>_QUEUE_URL}, named {@code queueName}) and its
     * dead-letter queue ({@code SEND_<CHANNEL>_DLQ_URL}, named {@code queueName-dlq}), put into {@code env}.
     *
     * @return the dead-letter queue's URL, for reading what the function gave up on
     */
    public static String putChannelQueues(Map<String, Object> env, Emulators emulators, String channel,
            String queueName) {
        String dlqUrl = queue(emulators, queueName + "-dlq");
        env.put("SEND_" + channel + "_QUEUE_URL", queue(emulators, queueName));
        env.put("SEND_" + channel + "_DLQ_URL", dlqUrl);
        return dlqUrl;
    }

    /** The URL of the queue {@code name}, created if it is not there yet. */
    public static String queue(Emulators emulators, String name) {
        return emulators.sqs().createQueue(b -> b.queueName(name)).queueUrl();
    }

    /**
     * An application context as Lambda would build it from {@code env}, with DynamoDB Local, ElasticMQ and the local
     * Secrets Manager endpoint (secrets named by ARN in {@code env}, see {@link TestSecrets}).
     */
    public static ApplicationContext start(Map<String, Object> env, Emulators emulators, Clock clock) {
        return FunctionContexts.start(env, FunctionContexts.endpoints(AwsLocal.REGION.id(), "local", "local",
                emulators.dynamoDbEndpoint(), emulators.sqsEndpoint(), null, null, emulators.secretsManagerEndpoint()),
                clock);
    }

    /** As {@link #start}, with S3Proxy too, for the functions that write files. */
    public static ApplicationContext startWithFiles(Map<String, Object> env, Emulators emulators, Clock clock) {
        return FunctionContexts.start(env, FunctionContexts.endpoints(AwsLocal.REGION.id(), "local", "local",
                emulators.dynamoDbEndpoint(), emulators.sqsEndpoint(), emulators.s3Endpoint(), null,
                emulators.secretsManagerEndpoint()), clock);
    }
}
