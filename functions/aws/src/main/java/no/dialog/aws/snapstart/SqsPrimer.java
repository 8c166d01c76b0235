package no.dialog.aws.snapstart;

import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** Warms the SQS client with the sends Dialog makes, none of them sent. */
@Singleton
public class SqsPrimer implements Primer {

    /** Any well-formed queue URL: the client sends to its endpoint, the URL only names the queue. */
    static final String QUEUE_URL = "https://sqs.eu-north-1.amazonaws.com/000000000000/dialog-priming";

    private final SqsClient sqs;
    private final SdkCallPriming priming;

    public SqsPrimer(SqsClient sqs, SdkCallPriming priming) {
        this.sqs = sqs;
        this.priming = priming;
    }

    @Override
    public void prime() {
        priming.dryRun(sqs, c -> c.sendMessage(b -> b.queueUrl(QUEUE_URL).messageBody("{}").delaySeconds(0)));
        priming.dryRun(sqs, c -> c.sendMessageBatch(b -> b.queueUrl(QUEUE_URL).entries(
                SendMessageBatchRequestEntry.builder().id("0").messageBody("{}").build())));
    }
}
