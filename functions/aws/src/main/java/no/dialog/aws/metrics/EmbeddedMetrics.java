package no.dialog.aws.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import no.dialog.core.observability.Metrics;

/**
 * Writes counts as CloudWatch embedded metric format (EMF) lines to standard output, where Lambda
 * sends them to CloudWatch Logs and CloudWatch turns them into metrics without any API call.
 * Namespace {@code Dialog}; the dimensions are the keys given (function, tenant), never personal data.
 */
@Singleton
public class EmbeddedMetrics implements Metrics {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final PrintStream out;
    private final Clock clock;

    public EmbeddedMetrics(Clock clock) {
        this(System.out, clock);
    }

    EmbeddedMetrics(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void count(Map<String, String> dimensions, Map<String, Long> counts) {
        out.println(line(dimensions, counts));
    }

    String line(Map<String, String> dimensions, Map<String, Long> counts) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", "Dialog");
        ArrayNode dimensionSet = directive.putArray("Dimensions").addArray();
        dimensions.keySet().stream().sorted().forEach(dimensionSet::add);
        ArrayNode metrics = directive.putArray("Metrics");
        counts.keySet().stream().sorted().forEach(name -> metrics.addObject().put("Name", name).put("Unit", "Count"));
        dimensions.forEach(root::put);
        counts.forEach(root::put);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
