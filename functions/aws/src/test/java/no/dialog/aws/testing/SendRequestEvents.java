package no.dialog.aws.testing;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;

/**
 * A function's sample SQS event ({@code events/<function>/send-request.json}) as the tests feed it: for
 * another idempotency key, so each test has its own ledger entry, and with the receive count SQS would
 * give it on that delivery.
 */
public final class SendRequestEvents {

    private final String function;
    private final String sampleKey;

    /** The samples of {@code function}, whose send request carries the idempotency key {@code sampleKey}. */
    public SendRequestEvents(String function, String sampleKey) {
        this.function = function;
        this.sampleKey = sampleKey;
    }

    /** The sample as SQS delivers it the {@code receiveCount}-th time, unchanged otherwise. */
    public static SQSEvent sample(String function, int receiveCount) {
        SQSEvent event = EventLoader.loadSQSEvent(EventFiles.path(function, "send-request.json").toString());
        event.getRecords().get(0).getAttributes().put("ApproximateReceiveCount", Integer.toString(receiveCount));
        return event;
    }

    /** The sample with {@code key} for its idempotency key, delivered the {@code receiveCount}-th time. */
    public SQSEvent withKey(String key, int receiveCount) {
        SQSEvent event = sample(function, receiveCount);
        SQSEvent.SQSMessage message = event.getRecords().get(0);
        message.setBody(message.getBody().replace(sampleKey, key));
        return event;
    }
}
