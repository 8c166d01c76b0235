package no.dialog.local.bus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Builds an event the way EventBridge hands it to a target (an SQS message body, a Lambda
 * event): the envelope around the sender's {@code detail}.
 *
 * <pre>{@code
 * {"version":"0","id":"6a7e8feb-...","detail-type":"ContactChanged","source":"org.system",
 *  "account":"000000000000","time":"2026-03-02T09:00:00Z","region":"eu-north-1",
 *  "resources":[],"detail":{...}}
 * }</pre>
 *
 * The field order and the time format (UTC, whole seconds) follow what AWS delivers, so a
 * handler's parsing is tested against the real shape.
 */
public final class EventEnvelope {

    /** The account id every local resource pretends to belong to (as the AWS examples use). */
    public static final String LOCAL_ACCOUNT = "000000000000";

    /** The region the local stack pretends to run in: Stockholm, where Dialog deploys. */
    public static final String LOCAL_REGION = "eu-north-1";

    private EventEnvelope() {
    }

    /** The envelope for one event, in the local account and region. */
    public static ObjectNode build(String id, String detailType, String source, Instant time,
                                   List<String> resources, JsonNode detail) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put("version", "0");
        envelope.put("id", id);
        envelope.put("detail-type", detailType);
        envelope.put("source", source);
        envelope.put("account", LOCAL_ACCOUNT);
        envelope.put("time", formatTime(time));
        envelope.put("region", LOCAL_REGION);
        ArrayNode resourceArray = envelope.putArray("resources");
        resources.forEach(resourceArray::add);
        envelope.set("detail", detail);
        return envelope;
    }

    /** EventBridge's time format: UTC, whole seconds, e.g. {@code 2026-03-02T09:00:00Z}. */
    public static String formatTime(Instant time) {
        return DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The ARN of a bus in the local account and region. */
    public static String busArn(String busName) {
        return "arn:aws:events:" + LOCAL_REGION + ":" + LOCAL_ACCOUNT + ":event-bus/" + busName;
    }

    /** The ARN of a rule (or a scheduled rule) on the default bus, in the local account and region. */
    public static String ruleArn(String ruleName) {
        return "arn:aws:events:" + LOCAL_REGION + ":" + LOCAL_ACCOUNT + ":rule/" + ruleName;
    }
}
