package no.dialog.local.lambda.runtime.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A test function, run by the Runtime Interface Client from a task root: echoes the event and tells what it
 * saw; {@code action} makes it fail in each way Lambda knows.
 */
public class EchoHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final long constructedAt = System.nanoTime();

    public EchoHandler() {
        if ("init".equals(System.getenv("FAIL"))) {
            throw new IllegalStateException("missing setting: table");
        }
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Object action = event.get("action");
        if ("throw".equals(action)) {
            throw new IllegalArgumentException("bad input");
        }
        if ("sleep".equals(action)) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if ("exit".equals(action)) {
            Runtime.getRuntime().halt(3);
        }
        if ("slow".equals(action)) {
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("event", event);
        result.put("requestId", context.getAwsRequestId());
        result.put("functionName", context.getFunctionName());
        result.put("remainingMillis", context.getRemainingTimeInMillis());
        result.put("table", System.getenv("TABLE"));
        result.put("instance", constructedAt);
        return result;
    }
}
