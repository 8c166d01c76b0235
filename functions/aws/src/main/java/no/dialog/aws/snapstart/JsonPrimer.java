package no.dialog.aws.snapstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * Warms Jackson (which core and the adapters read and write messages with) and Micronaut's JSON mapper: one
 * object through each, both ways.
 */
@Singleton
public class JsonPrimer implements Primer {

    private static final String SAMPLE = "{\"tenant\":\"priming\",\"ids\":[\"a\",\"b\"],\"at\":\"2026-01-01T00:00:00Z\","
            + "\"count\":1,\"nested\":{\"ok\":true,\"amount\":12.5}}";

    private final JsonMapper micronaut;

    public JsonPrimer(JsonMapper micronaut) {
        this.micronaut = micronaut;
    }

    @Override
    public void prime() {
        try {
            ObjectMapper jackson = new ObjectMapper().registerModule(new JavaTimeModule());
            JsonNode tree = jackson.readTree(SAMPLE);
            jackson.writeValueAsString(tree);
            jackson.writeValueAsString(Map.of("at", Instant.EPOCH, "count", 1));
            micronaut.writeValueAsString(micronaut.readValue(SAMPLE, Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
