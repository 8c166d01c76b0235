package no.dialog.bench;

/**
 * The calls Lambda's SQS poller makes (ReceiveMessage, DeleteMessageBatch), which AWS bills too. The local
 * stack's poller uses the emulators' client, not AwsClientFactory's, so this counter is registered for every
 * SDK client in the benchmark JVM (the SDK's global {@code execution.interceptors} resource) and counts only
 * those two operations, on the send-sms poller threads; {@link AwsCallCounter} counts everything else.
 */
public class PollerCallCounter extends AwsCallCounter {

    @Override
    protected boolean counts(String operation) {
        return !super.counts(operation);
    }
}
