package no.dialog.webhooks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;

/**
 * The two events the webhooks function gets, whatever form they arrive in: typed (the local stack and
 * tests pass {@link SQSEvent} or {@link APIGatewayV2HTTPEvent}) or as the map Lambda's runtime makes of
 * the JSON for an {@code Object} handler. An SQS batch has {@code Records}; an HTTP API event has
 * {@code requestContext}.
 */
final class LambdaEvents {

    // AWS's JSON names differ in case from the event classes' properties (Records, eventSourceARN).
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private LambdaEvents() {}

    static Object read(Object input) {
        if (input instanceof SQSEvent || input instanceof APIGatewayV2HTTPEvent) {
            return input;
        }
        if (input instanceof Map<?, ?> map) {
            if (map.containsKey("Records")) {
                return MAPPER.convertValue(map, SQSEvent.class);
            }
            if (map.containsKey("requestContext")) {
                return MAPPER.convertValue(map, APIGatewayV2HTTPEvent.class);
            }
        }
        throw new IllegalArgumentException("neither an SQS batch nor an HTTP API event");
    }
}
