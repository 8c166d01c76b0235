package no.dialog.aws.testing;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.aws.sqs.SqsDeadLetters;
import no.dialog.core.send.LedgerEntry;
import no.dialog.core.send.SendLedger;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * One {@code send-<channel>} function started on the shared emulators, as its handler test uses it: its
 * application context, its sample send request for any key, its ledger entries and its dead letters.
 */
public final class SenderFunctionFixture implements AutoCloseable {

    private final Emulators emulators;
    private final ApplicationContext context;
    private final SendRequestEvents events;
    private final String dlqUrl;
    private final String responsesUrl;

    private SenderFunctionFixture(Emulators emulators, ApplicationContext context, SendRequestEvents events,
            String dlqUrl, String responsesUrl) {
        this.emulators = emulators;
        this.context = context;
        this.events = events;
        this.dlqUrl = dlqUrl;
        this.responsesUrl = responsesUrl;
    }

    /**
     * Starts {@code function} (such as {@code send-sms}) on the sender tables, its channel's queue, dead-letter
     * queue and the responses queue, with the provider's {@code settings} as further environment variables.
     *
     * @param sampleKey the idempotency key in {@code events/<function>/send-request.json}
     */
    public static SenderFunctionFixture start(String function, String sampleKey, Map<String, Object> settings,
            Clock clock) {
        if (!function.startsWith("send-")) {
            throw new IllegalArgumentException("not a sender function: " + function);
        }
        Emulators emulators = SharedEmulators.get();
        String channel = function.substring("send-".length()).toUpperCase(java.util.Locale.ROOT);
        Map<String, Object> env = SenderEnvironment.tables(emulators);
        String dlqUrl = SenderEnvironment.putChannelQueues(env, emulators, channel, function + "-test");
        String responsesUrl = SenderEnvironment.queue(emulators, function + "-test-responses");
        env.put("RESPONSES_QUEUE_URL", responsesUrl);
        env.putAll(settings);
        ApplicationContext context = SenderEnvironment.start(env, emulators, clock);
        return new SenderFunctionFixture(emulators, context, new SendRequestEvents(function, sampleKey), dlqUrl,
                responsesUrl);
    }

    public ApplicationContext context() {
        return context;
    }

    public Emulators emulators() {
        return emulators;
    }

    /** The URL of the queue the function reports delivered and failed sends to. */
    public String responsesUrl() {
        return responsesUrl;
    }

    /** The sample send request with {@code key} for its idempotency key, delivered the {@code receiveCount}-th time. */
    public SQSEvent event(String key, int receiveCount) {
        return events.withKey(key, receiveCount);
    }

    /** The ledger entry of {@code key}, which the test expects to be there. */
    public LedgerEntry ledger(String key) {
        return findLedgerEntry(key).orElseThrow(() -> new AssertionError("no ledger entry for " + key));
    }

    public Optional<LedgerEntry> findLedgerEntry(String key) {
        return context.getBean(SendLedger.class).find(key);
    }

    /**
     * The reasons of the messages now in the dead-letter queue (up to ten, waiting a second for the first);
     * null for a message without one. Once read, a message stays hidden from the next read for a while.
     */
    public List<String> deadLetterReasons() {
        return emulators.sqs().receiveMessage(b -> b.queueUrl(dlqUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(1).messageAttributeNames("All")).messages().stream()
                .map(m -> Optional.ofNullable(m.messageAttributes().get(SqsDeadLetters.REASON_ATTRIBUTE))
                        .map(MessageAttributeValue::stringValue).orElse(null))
                .toList();
    }

    @Override
    public void close() {
        context.close();
    }
}
