package no.dialog.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;

/**
 * A deployed function as the local stack sees it: the real handler, invoked in this JVM.
 *
 * <p>The local stack builds one per function in {@code template.yaml}; the gateway and the SQS
 * event-source mappings only call {@link #invoke}. The event is the same object type Lambda would
 * deserialise for the handler ({@code APIGatewayV2HTTPEvent}, {@code SQSEvent}, ...), and the result is
 * whatever the handler returned.
 */
public interface LocalFunction {

  /** The function name, e.g. {@code dialog-sync-local}. */
  String name();

  /** The function's timeout from {@code template.yaml}. */
  Duration timeout();

  /** Invokes the handler once with this event. */
  Object invoke(Object event, Context context) throws Exception;
}
