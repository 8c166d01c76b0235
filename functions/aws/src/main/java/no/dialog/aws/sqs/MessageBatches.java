package no.dialog.aws.sqs;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends many bodies to one queue with SendMessageBatch (ten per call), retrying entries SQS failed,
 * and throwing if some still fail, so the caller's message is retried instead of losing them.
 */
public final class MessageBatches {

    private static final int PER_CALL = 10;
    private static final int ATTEMPTS = 5;

    private MessageBatches() {}

    public static void send(SqsClient sqs, String queueUrl, List<String> bodies) {
        for (int from = 0; from < bodies.size(); from += PER_CALL) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<String> slice = bodies.subList(from, Math.min(from + PER_CALL, bodies.size()));
            for (int i = 0; i < slice.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(slice.get(i)).build());
            }
            sendWithRetries(sqs, queueUrl, entries);
        }
    }

    private static void sendWithRetries(SqsClient sqs, String queueUrl, List<SendMessageBatchRequestEntry> entries) {
        List<SendMessageBatchRequestEntry> remaining = entries;
        for (int attempt = 1; attempt <= ATTEMPTS && !remaining.isEmpty(); attempt++) {
            List<SendMessageBatchRequestEntry> current = remaining;
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(current));
            List<String> failedIds = response.failed().stream().map(f -> f.id()).toList();
            remaining = current.stream().filter(e -> failedIds.contains(e.id())).toList();
            if (!remaining.isEmpty()) {
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (!remaining.isEmpty()) {
            throw new IllegalStateException(remaining.size() + " messages could not be sent to their queue");
        }
    }
}
