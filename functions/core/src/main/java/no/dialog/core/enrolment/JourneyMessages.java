package no.dialog.core.enrolment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import no.dialog.core.messaging.MessageFields;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.tenant.TenantId;

/**
 * The bodies of the journey-steps and segment-jobs queues. Each carries ids in chunks, never one
 * message per person where a chunk will do. Malformed bodies are a {@link PermanentFailure}.
 *
 * <pre>
 * journey-steps  {"kind":"advance","tenant":"demo","refs":[{"contactId":"..","enrolmentId":".."}]}
 *                {"kind":"sweep"}                      (every minute, from the schedule)
 *                {"kind":"sweepShard","shard":7}       (one per shard of the due index)
 *                {"kind":"experiments"}                (every hour, from the schedule: the auto-winners)
 * segment-jobs   {"kind":"tick"}                       (every minute, from the schedule)
 *                {"kind":"evaluate","tenant":"demo","journeyId":"..","version":1,"runId":".."}
 *                {"kind":"enrol","tenant":"demo","journeyId":"..","version":1,"runId":"..","chunk":0,"contactIds":[..]}
 *                {"kind":"rerun","tenant":"demo","journeyId":"..","runId":"campaign-rerun-<ms>"}   (staff: run again)
 * </pre>
 * An enrol job's {@code runId} and {@code chunk} count it in its run's record ({@link JourneyRuns}); jobs
 * queued before runs were recorded carry neither and are enrolled without being counted.
 */
public final class JourneyMessages {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JourneyMessages() {}

    public sealed interface Message {}

    public record Advance(TenantId tenant, List<EnrolmentRef> refs) implements Message {}

    public record Sweep() implements Message {}

    public record SweepShard(int shard) implements Message {}

    /** Time to look at the experiments whose winner is picked automatically. */
    public record DecideExperiments() implements Message {}

    public record Tick() implements Message {}

    public record Evaluate(TenantId tenant, String journeyId, int version, String runId) implements Message {}

    /** @param runId null on jobs queued before runs were recorded; then {@code chunk} is -1 */
    public record Enrol(TenantId tenant, String journeyId, int version, String runId, int chunk,
                        List<String> contactIds) implements Message {}

    /** Staff asked to run a campaign again (ADR 0034); the run id was chosen when they asked. */
    public record Rerun(TenantId tenant, String journeyId, String runId) implements Message {}

    public static Message parse(String body) {
        JsonNode root = MessageFields.object(body);
        String kind = text(root, "kind");
        switch (kind) {
            case "advance": {
                List<EnrolmentRef> refs = new ArrayList<>();
                for (JsonNode ref : array(root, "refs")) {
                    refs.add(new EnrolmentRef(text(ref, "contactId"), text(ref, "enrolmentId")));
                }
                return new Advance(tenant(root), refs);
            }
            case "sweep":
                return new Sweep();
            case "sweepShard":
                return new SweepShard(number(root, "shard"));
            case "experiments":
                return new DecideExperiments();
            case "tick":
                return new Tick();
            case "evaluate":
                return new Evaluate(tenant(root), text(root, "journeyId"), number(root, "version"), text(root, "runId"));
            case "enrol": {
                List<String> ids = new ArrayList<>();
                for (JsonNode id : array(root, "contactIds")) {
                    if (!id.isTextual() || id.asText().isEmpty()) {
                        throw new PermanentFailure("contactIds must hold non-empty strings");
                    }
                    ids.add(id.asText());
                }
                String runId = root.hasNonNull("runId") ? text(root, "runId") : null;
                int chunk = runId == null ? -1 : number(root, "chunk");
                return new Enrol(tenant(root), text(root, "journeyId"), number(root, "version"), runId, chunk, ids);
            }
            case "rerun":
                return new Rerun(tenant(root), text(root, "journeyId"), text(root, "runId"));
            default:
                throw new PermanentFailure("unknown message kind");
        }
    }

    public static String advance(TenantId tenant, List<EnrolmentRef> refs) {
        ObjectNode root = MAPPER.createObjectNode().put("kind", "advance").put("tenant", tenant.value());
        ArrayNode array = root.putArray("refs");
        refs.forEach(r -> array.addObject().put("contactId", r.contactId()).put("enrolmentId", r.enrolmentId()));
        return root.toString();
    }

    public static String sweepShard(int shard) {
        return MAPPER.createObjectNode().put("kind", "sweepShard").put("shard", shard).toString();
    }

    public static String evaluate(TenantId tenant, String journeyId, int version, String runId) {
        return MAPPER.createObjectNode().put("kind", "evaluate").put("tenant", tenant.value())
                .put("journeyId", journeyId).put("version", version).put("runId", runId).toString();
    }

    public static String enrol(TenantId tenant, String journeyId, int version, String runId, int chunk,
                               List<String> contactIds) {
        ObjectNode root = MAPPER.createObjectNode().put("kind", "enrol").put("tenant", tenant.value())
                .put("journeyId", journeyId).put("version", version).put("runId", runId).put("chunk", chunk);
        ArrayNode array = root.putArray("contactIds");
        contactIds.forEach(array::add);
        return root.toString();
    }

    public static String rerun(TenantId tenant, String journeyId, String runId) {
        return MAPPER.createObjectNode().put("kind", "rerun").put("tenant", tenant.value())
                .put("journeyId", journeyId).put("runId", runId).toString();
    }

    private static TenantId tenant(JsonNode root) {
        return MessageFields.tenant(root.path("tenant").asText(null));
    }

    private static String text(JsonNode node, String field) {
        return MessageFields.text(node, field);
    }

    private static int number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) {
            throw new PermanentFailure(field + " is missing or not a whole number");
        }
        return value.asInt();
    }

    private static JsonNode array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new PermanentFailure(field + " is missing or not an array");
        }
        return value;
    }
}
