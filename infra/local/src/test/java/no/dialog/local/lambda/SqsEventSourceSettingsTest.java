package no.dialog.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SqsEventSourceSettingsTest {

  private static final String URL = "http://localhost/q";
  private static final String ARN = "arn:aws:sqs:eu-north-1:000000000000:q";
  private final SqsEventSourceSettings defaults = SqsEventSourceSettings.defaults(URL, ARN);

  @Test
  void defaultsAreLambdas() {
    assertThat(defaults.batchSize()).isEqualTo(10);
    assertThat(defaults.maximumBatchingWindow()).isZero();
    assertThat(defaults.reportBatchItemFailures()).isFalse();
    assertThat(defaults.maximumConcurrency()).isEqualTo(2);
  }

  @Test
  void rejectsWhatAwsRejects() {
    assertThatThrownBy(() -> settings().batchSize(0).build()).hasMessageContaining("BatchSize");
    assertThatThrownBy(() -> settings().batchSize(10_001).maximumBatchingWindow(Duration.ofSeconds(1)).build())
        .hasMessageContaining("BatchSize");
    assertThatThrownBy(() -> settings().batchSize(11).build()).hasMessageContaining("MaximumBatchingWindowInSeconds");
    assertThatThrownBy(() -> settings().maximumBatchingWindow(Duration.ofSeconds(301)).build())
        .hasMessageContaining("MaximumBatchingWindowInSeconds");
    assertThatThrownBy(() -> settings().maximumConcurrency(0).build()).hasMessageContaining("MaximumConcurrency");
  }

  @Test
  void theOrderOfSettingsDoesNotMatter() {
    SqsEventSourceSettings settings = settings().batchSize(100).maximumBatchingWindow(Duration.ofSeconds(2)).build();
    assertThat(settings.batchSize()).isEqualTo(100);
    assertThat(settings.maximumBatchingWindow()).hasSeconds(2);
  }

  private static SqsEventSourceSettings.Builder settings() {
    return SqsEventSourceSettings.builder(URL, ARN);
  }
}
