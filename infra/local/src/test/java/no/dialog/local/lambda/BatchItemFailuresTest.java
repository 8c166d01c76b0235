package no.dialog.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchItemFailuresTest {

  private static final Set<String> BATCH = Set.of("m1", "m2", "m3");

  @Test
  void noResponseOrAnEmptyListMeansEverythingSucceeded() {
    assertThat(BatchItemFailures.fromResponse(null, BATCH).failed("m1")).isFalse();
    assertThat(BatchItemFailures.fromResponse(new SQSBatchResponse(), BATCH).failed("m1")).isFalse();
    assertThat(BatchItemFailures.fromResponse(new SQSBatchResponse(List.of()), BATCH).failed("m1")).isFalse();
    assertThat(BatchItemFailures.fromResponse(Map.of(), BATCH).failed("m1")).isFalse();
  }

  @Test
  void listedIdsFailAndTheOthersSucceed() {
    BatchItemFailures failures = BatchItemFailures.fromResponse(
        new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("m2"))), BATCH);

    assertThat(failures.wholeBatchFailed()).isFalse();
    assertThat(failures.failed("m1")).isFalse();
    assertThat(failures.failed("m2")).isTrue();
    assertThat(failures.failed("m3")).isFalse();
  }

  @Test
  void anUnknownEmptyOrNullIdentifierFailsTheWholeBatch() {
    assertThat(BatchItemFailures.fromResponse(
        new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("other"))), BATCH).wholeBatchFailed()).isTrue();
    assertThat(BatchItemFailures.fromResponse(
        new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure(""))), BATCH).wholeBatchFailed()).isTrue();
    List<SQSBatchResponse.BatchItemFailure> withNull = new ArrayList<>();
    withNull.add(new SQSBatchResponse.BatchItemFailure(null));
    assertThat(BatchItemFailures.fromResponse(new SQSBatchResponse(withNull), BATCH).wholeBatchFailed()).isTrue();
  }

  @Test
  void aMapShapedResponseIsReadLikeItsJson() {
    BatchItemFailures failures = BatchItemFailures.fromResponse(
        Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "m3"))), BATCH);
    assertThat(failures.failed("m3")).isTrue();
    assertThat(failures.failed("m1")).isFalse();

    BatchItemFailures badKey = BatchItemFailures.fromResponse(
        Map.of("batchItemFailures", List.of(Map.of("id", "m3"))), BATCH);
    assertThat(badKey.wholeBatchFailed()).isTrue();
  }
}
