package no.dialog.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.dialog.aws.dynamodb.DynamoDbBehaviourHistories;
import no.dialog.aws.dynamodb.DynamoDbEnrolmentStore;
import no.dialog.core.enrolment.SignalMessages;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.Signal;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * {@code POST /local/simulate/answers}: the local stack's switch for trying an experiment without real people.
 * For every person enrolled in a journey, by the arm they are in at its experiment step (a variant, a split path,
 * or {@code holdout}), it answers for them with the arm's rate, as a landing page would: a signal of the given
 * type on the responses queue, tied to the journey. Who answers is decided by a hash of the seed and the person,
 * so the same request picks the same people. Body:
 * <pre>{"tenant":"demo","journeyId":"ab-ask","step":"ask","rates":{"A":0.10,"B":0.16,"holdout":0.04},
 *  "seed":1,"signal":{"type":"answered","attributes":{"question":"contact-ok","value":"yes"},"amountOre":null}}</pre>
 * Answers {@code {"arms":{"A":{"people":n,"answered":k},...}}}. Local only: it reads the enrolments table directly.
 */
public final class SimulatedAnswers implements HttpHandler {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_BODY = 16 * 1024;

    private final DynamoDbClient dynamoDb;
    private final String enrolmentsTable;
    private final SqsClient sqs;
    private final String responsesQueueUrl;
    private final Clock clock;

    public SimulatedAnswers(DynamoDbClient dynamoDb, String enrolmentsTable, SqsClient sqs, String responsesQueueUrl,
                            Clock clock) {
        this.dynamoDb = dynamoDb;
        this.enrolmentsTable = enrolmentsTable;
        this.sqs = sqs;
        this.responsesQueueUrl = responsesQueueUrl;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            HttpExchanges.error(exchange, 405, "use POST");
            return;
        }
        JsonNode root;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                HttpExchanges.error(exchange, 413, "the body is larger than 16 KB");
                return;
            }
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            HttpExchanges.error(exchange, 400, "the body is not JSON");
            return;
        }
        String tenant = root == null ? "" : root.path("tenant").asText("");
        String journeyId = root == null ? "" : root.path("journeyId").asText("");
        String step = root == null ? "" : root.path("step").asText("");
        JsonNode rates = root == null ? null : root.get("rates");
        String type = root == null ? "" : root.path("signal").path("type").asText("");
        if (!TenantId.isValid(tenant) || journeyId.isEmpty() || step.isEmpty() || rates == null || !rates.isObject()
                || type.isEmpty()) {
            HttpExchanges.error(exchange, 400, "give tenant, journeyId, step, rates {arm: share} and signal.type");
            return;
        }
        Map<String, Double> rateByArm = new LinkedHashMap<>();
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) rates::fields) {
            double rate = field.getValue().asDouble(-1);
            if (rate < 0 || rate > 1) {
                HttpExchanges.error(exchange, 400, "rates." + field.getKey() + " must be between 0 and 1");
                return;
            }
            rateByArm.put(field.getKey(), rate);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        root.path("signal").path("attributes").fields()
                .forEachRemaining(f -> attributes.put(f.getKey(), f.getValue().asText()));
        if (root.path("signal").path("amountOre").canConvertToLong()) {
            attributes.put("amountOre", Long.toString(root.path("signal").path("amountOre").asLong()));
        }
        long seed = root.path("seed").asLong(1);
        TenantId id = TenantId.of(tenant);

        DynamoDbEnrolmentStore enrolments = new DynamoDbEnrolmentStore(dynamoDb, enrolmentsTable, clock);
        Map<String, int[]> counts = new LinkedHashMap<>();
        List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
        for (String contactId : enrolled(id, journeyId)) {
            Enrolment enrolment = enrolments.latest(id, contactId, journeyId).orElse(null);
            String arm = enrolment == null ? null : enrolment.choices().get(step);
            if (arm == null || !rateByArm.containsKey(arm)) {
                continue;
            }
            int[] armCounts = counts.computeIfAbsent(arm, a -> new int[2]);
            armCounts[0]++;
            if (uniform(seed, contactId) >= rateByArm.get(arm)) {
                continue;
            }
            armCounts[1]++;
            Signal signal = new Signal("simulated:" + seed + ":" + journeyId + ":" + contactId, type, contactId,
                    clock.instant(), attributes, journeyId, enrolment.enrolmentId());
            batch.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(batch.size()))
                    .messageBody(SignalMessages.format(id, signal)).build());
            if (batch.size() == 10) {
                flush(batch);
            }
        }
        flush(batch);
        ObjectNode answer = MAPPER.createObjectNode();
        ObjectNode arms = answer.putObject("arms");
        counts.forEach((arm, c) -> arms.putObject(arm).put("people", c[0]).put("answered", c[1]));
        HttpExchanges.json(exchange, 200, answer.toString());
    }

    /** The people with an enrolment in the journey, from the enrolments table's per-journey index. */
    private TreeSet<String> enrolled(TenantId tenant, String journeyId) {
        return new TreeSet<>(new DynamoDbBehaviourHistories(dynamoDb, enrolmentsTable)
                .forJourneys(tenant, Set.of(journeyId)).keySet());
    }

    private void flush(List<SendMessageBatchRequestEntry> batch) {
        if (!batch.isEmpty()) {
            List<SendMessageBatchRequestEntry> entries = List.copyOf(batch);
            sqs.sendMessageBatch(b -> b.queueUrl(responsesQueueUrl).entries(entries));
            batch.clear();
        }
    }

    /** A number in [0, 1) fixed by the seed and the person. */
    static double uniform(long seed, String contactId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((seed + ":" + contactId).getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 7; i++) {
                bits = (bits << 8) | (hash[i] & 0xff);
            }
            return bits / (double) (1L << 56);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
