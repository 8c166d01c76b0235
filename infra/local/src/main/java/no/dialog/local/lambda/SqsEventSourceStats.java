package no.dialog.local.lambda;

/**
 * A snapshot of one event-source mapping's counters, for the console.
 *
 * @param invocations batches handed to the function
 * @param messagesReceived messages received from the queue
 * @param messagesDeleted messages deleted after the function handled them
 * @param messagesFailed messages left on the queue after an invocation (reported as failed, or the
 *     function threw); they come back after their visibility timeout, and go to the DLQ after
 *     {@code maxReceiveCount} receives
 * @param invocationErrors invocations that ended with an exception
 * @param pollErrors failed receive or delete calls (retried with backoff)
 */
public record SqsEventSourceStats(
    long invocations,
    long messagesReceived,
    long messagesDeleted,
    long messagesFailed,
    long invocationErrors,
    long pollErrors) {}
