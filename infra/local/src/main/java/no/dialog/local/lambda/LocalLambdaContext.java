package no.dialog.local.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * The Lambda {@link Context} for one local invocation.
 *
 * <p>Create a new one per invocation: the request id and the deadline belong to that invocation.
 * The deadline runs on real (monotonic) time, not on the local stack's advanceable clock, because it
 * tells a handler how long it may still work, which is about wall-clock seconds on this machine.
 */
public final class LocalLambdaContext implements Context {

  /** Memory size of every function in {@code template.yaml} (Globals.Function.MemorySize). */
  public static final int DEFAULT_MEMORY_MB = 1024;

  private final String requestId = UUID.randomUUID().toString();
  private final String functionName;
  private final int memoryLimitInMb;
  private final long deadlineNanos;
  private final LambdaLogger logger;

  public LocalLambdaContext(String functionName, Duration timeout) {
    this(functionName, timeout, DEFAULT_MEMORY_MB);
  }

  public LocalLambdaContext(String functionName, Duration timeout, int memoryLimitInMb) {
    this.functionName = Objects.requireNonNull(functionName, "functionName");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    this.memoryLimitInMb = memoryLimitInMb;
    this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    this.logger = new Slf4jLambdaLogger(functionName);
  }

  /** A fresh context for one invocation of this function, with its timeout from the template. */
  public static LocalLambdaContext forInvocationOf(LocalFunction function) {
    return new LocalLambdaContext(function.name(), function.timeout());
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "local/[$LATEST]" + requestId.replace("-", "");
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return LocalAws.functionArn(functionName);
  }

  /** Always null: local invocations do not come through Cognito identity pools. */
  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  /** Always null: local invocations do not come from the AWS Mobile SDK. */
  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    long remaining = Duration.ofNanos(deadlineNanos - System.nanoTime()).toMillis();
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
  }

  @Override
  public int getMemoryLimitInMB() {
    return memoryLimitInMb;
  }

  @Override
  public LambdaLogger getLogger() {
    return logger;
  }
}
