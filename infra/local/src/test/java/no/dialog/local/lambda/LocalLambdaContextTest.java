package no.dialog.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalLambdaContextTest {

  @Test
  void describesTheFunctionAsLambdaWould() {
    LocalLambdaContext context = new LocalLambdaContext("dialog-landing-local", Duration.ofSeconds(30));

    assertThat(context.getFunctionName()).isEqualTo("dialog-landing-local");
    assertThat(context.getFunctionVersion()).isEqualTo("$LATEST");
    assertThat(context.getInvokedFunctionArn())
        .isEqualTo("arn:aws:lambda:eu-north-1:000000000000:function:dialog-landing-local");
    assertThat(context.getLogGroupName()).isEqualTo("/aws/lambda/dialog-landing-local");
    assertThat(context.getMemoryLimitInMB()).isEqualTo(1024);
    assertThat(context.getAwsRequestId()).hasSize(36);
  }

  @Test
  void eachInvocationHasItsOwnRequestId() {
    FakeFunction function = new FakeFunction("f", (event, context) -> null);
    assertThat(LocalLambdaContext.forInvocationOf(function).getAwsRequestId())
        .isNotEqualTo(LocalLambdaContext.forInvocationOf(function).getAwsRequestId());
  }

  @Test
  void remainingTimeCountsDownFromTheTimeout() {
    LocalLambdaContext context = new LocalLambdaContext("f", Duration.ofSeconds(30));
    assertThat(context.getRemainingTimeInMillis()).isBetween(1, 30_000);
  }

  @Test
  void rejectsANonPositiveTimeout() {
    assertThatThrownBy(() -> new LocalLambdaContext("f", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theLoggerAcceptsEveryForm() {
    LocalLambdaContext context = new LocalLambdaContext("f", Duration.ofSeconds(1));
    context.getLogger().log("plain line\n");
    context.getLogger().log("bytes".getBytes());
    context.getLogger().log("warned", LogLevel.WARN);
  }
}
