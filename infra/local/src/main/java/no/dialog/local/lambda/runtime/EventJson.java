package no.dialog.local.lambda.runtime;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events on the wire, in the JSON shape AWS sends them: the event classes of {@code aws-lambda-java-events}
 * ({@code SQSEvent}, {@code APIGatewayV2HTTPEvent} ...) through AWS's own serialization library with its
 * mix-ins (so an SQS event has {@code Records} and {@code eventSourceARN}, as the Runtime Interface Client
 * expects to read them); anything else (a schedule's or a rule's event, already a JSON object) through Jackson.
 */
final class EventJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Class<?>, PojoSerializer<Object>> SERIALIZERS = new ConcurrentHashMap<>();

    private EventJson() {}

    static byte[] toJson(Object event) {
        if (event instanceof byte[] raw) {
            return raw;
        }
        if (event != null && LambdaEventSerializers.isLambdaSupportedEvent(event.getClass().getName())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            serializer(event.getClass()).toJson(event, out);
            return out.toByteArray();
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the event cannot be written as JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Class<?> type) {
        return SERIALIZERS.computeIfAbsent(type, t -> (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(
                t, EventJson.class.getClassLoader()));
    }
}
