package no.dialog.aws.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import no.dialog.core.observability.LogKeys;
import org.junit.jupiter.api.Test;

/** Each line is one JSON object with Powertools' keys, the log context flat beside the message. */
class PowertoolsJsonEncoderTest {

    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("no.dialog.test.Sender");

    private JsonNode encode(LoggingEvent event) throws Exception {
        PowertoolsJsonEncoder encoder = new PowertoolsJsonEncoder();
        encoder.setContext(context);
        encoder.start();
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        assertThat(line).endsWith("\n").doesNotContain("\n{");
        return new ObjectMapper().readTree(line);
    }

    @Test
    void writesTheMessageAndTheLogContextUnderPowertoolsKeys() throws Exception {
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.INFO, "sms {}: \"SENT\"\nnext",
                null, new Object[] {"demo:E-1:ask:1"});
        event.setMDCPropertyMap(Map.of(LogKeys.FUNCTION, "send-sms", LogKeys.REQUEST_ID, "req-1",
                LogKeys.CORRELATION_ID, "msg-1", LogKeys.COLD_START, "true", LogKeys.XRAY_TRACE_ID, "1-abc",
                LogKeys.TENANT, "demo"));

        JsonNode line = encode(event);

        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("message").asText()).isEqualTo("sms demo:E-1:ask:1: \"SENT\"\nnext");
        assertThat(line.path("timestamp").asText()).endsWith("Z");
        assertThat(line.path("service").asText()).isEqualTo("send-sms");
        assertThat(line.path("function_request_id").asText()).isEqualTo("req-1");
        assertThat(line.path("correlation_id").asText()).isEqualTo("msg-1");
        assertThat(line.path("cold_start").isBoolean()).isTrue();
        assertThat(line.path("cold_start").asBoolean()).isTrue();
        assertThat(line.path("xray_trace_id").asText()).isEqualTo("1-abc");
        assertThat(line.path("tenant").asText()).isEqualTo("demo");
        assertThat(line.has("error")).isFalse();
    }

    @Test
    void anExceptionBecomesAnErrorObject() throws Exception {
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.ERROR, "send failed",
                new IllegalStateException("provider said 503", new java.io.IOException("reset")), null);
        event.setMDCPropertyMap(Map.of());

        JsonNode error = encode(event).path("error");

        assertThat(error.path("name").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.path("message").asText()).isEqualTo("provider said 503");
        assertThat(error.path("stack").asText()).contains("PowertoolsJsonEncoderTest")
                .contains("caused by java.io.IOException: reset");
    }
}
