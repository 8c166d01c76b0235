package no.dialog.local.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a function's partial batch response the way Lambda does for {@code ReportBatchItemFailures}.
 *
 * <p>Lambda's rules: no response, an empty response, or an empty/null {@code batchItemFailures} list
 * means every record succeeded. A failure entry whose {@code itemIdentifier} is null, empty, or not a
 * message id of this batch, or a response that cannot be read, means the whole batch failed.
 *
 * <p>The function runs in this JVM, so its result is an object rather than JSON; an
 * {@link SQSBatchResponse} is read directly and anything else (a {@code Map}, a handler's own record)
 * is read through its JSON form, as Lambda would serialise it.
 */
final class BatchItemFailures {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final boolean wholeBatchFailed;
  private final Set<String> failedMessageIds;

  private BatchItemFailures(boolean wholeBatchFailed, Set<String> failedMessageIds) {
    this.wholeBatchFailed = wholeBatchFailed;
    this.failedMessageIds = failedMessageIds;
  }

  static BatchItemFailures none() {
    return new BatchItemFailures(false, Set.of());
  }

  static BatchItemFailures wholeBatch() {
    return new BatchItemFailures(true, Set.of());
  }

  /** Interprets a function result against the message ids that were in the batch. */
  static BatchItemFailures fromResponse(Object response, Set<String> batchMessageIds) {
    if (response == null) {
      return none();
    }
    if (response instanceof SQSBatchResponse batchResponse) {
      return fromBatchResponse(batchResponse, batchMessageIds);
    }
    JsonNode tree;
    try {
      tree = JSON.valueToTree(response);
    } catch (IllegalArgumentException unreadable) {
      return wholeBatch();
    }
    return fromJson(tree, batchMessageIds);
  }

  private static BatchItemFailures fromBatchResponse(SQSBatchResponse response, Set<String> batchMessageIds) {
    List<SQSBatchResponse.BatchItemFailure> failures = response.getBatchItemFailures();
    if (failures == null || failures.isEmpty()) {
      return none();
    }
    Set<String> failed = new HashSet<>();
    for (SQSBatchResponse.BatchItemFailure failure : failures) {
      String id = failure == null ? null : failure.getItemIdentifier();
      if (!isKnownId(id, batchMessageIds)) {
        return wholeBatch();
      }
      failed.add(id);
    }
    return new BatchItemFailures(false, failed);
  }

  private static BatchItemFailures fromJson(JsonNode tree, Set<String> batchMessageIds) {
    if (tree == null || !tree.isObject()) {
      return none(); // e.g. a handler that returns a plain string: Lambda sees no batchItemFailures
    }
    JsonNode failures = tree.get("batchItemFailures");
    if (failures == null || failures.isNull()) {
      return none();
    }
    if (!failures.isArray()) {
      return wholeBatch();
    }
    Set<String> failed = new HashSet<>();
    for (JsonNode failure : failures) {
      JsonNode idNode = failure.get("itemIdentifier");
      String id = idNode == null || !idNode.isTextual() ? null : idNode.asText();
      if (!isKnownId(id, batchMessageIds)) {
        return wholeBatch();
      }
      failed.add(id);
    }
    return new BatchItemFailures(false, failed);
  }

  private static boolean isKnownId(String id, Set<String> batchMessageIds) {
    return id != null && !id.isEmpty() && batchMessageIds.contains(id);
  }

  boolean wholeBatchFailed() {
    return wholeBatchFailed;
  }

  /** Whether this message must stay on the queue (to be retried after its visibility timeout). */
  boolean failed(String messageId) {
    return wholeBatchFailed || failedMessageIds.contains(messageId);
  }
}
