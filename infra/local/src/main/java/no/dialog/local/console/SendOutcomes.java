package no.dialog.local.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code GET /local/sends?tenant=demo&journey=student}: what became of a journey's sends, per step, from the
 * send ledger (one item per idempotency key {@code <tenant>:<enrolmentId>:<stepId>:...}, enrolment ids
 * starting with the journey id): how many were sent, and how many the send rules refused or found nobody
 * for, by reason. The outbox shows only what reached a provider sandbox; this shows the rest, e.g.
 * {@code {"journey":"student","steps":{"ask":{"SENT":116,"NOT_SENDABLE":8,
 * "reasons":{"refused: do not contact":5,"refused: opted out of sms":3}}}}}.
 */
public final class SendOutcomes implements HttpHandler {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern JOURNEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final DynamoDbClient dynamoDb;
    private final String ledgerTable;

    public SendOutcomes(DynamoDbClient dynamoDb, String ledgerTable) {
        this.dynamoDb = dynamoDb;
        this.ledgerTable = ledgerTable;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            HttpExchanges.error(exchange, 405, "use GET");
            return;
        }
        Map<String, String> query = HttpExchanges.query(exchange);
        String tenant = query.getOrDefault("tenant", "");
        String journey = query.getOrDefault("journey", "");
        if (!TenantId.isValid(tenant) || !JOURNEY.matcher(journey).matches()) {
            HttpExchanges.error(exchange, 400, "give tenant (e.g. demo) and journey (the journey's id)");
            return;
        }
        String prefix = tenant + ":" + journey + "-";
        Map<String, Map<String, Long>> states = new TreeMap<>();
        Map<String, Map<String, Long>> reasons = new TreeMap<>();
        for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(b -> b.tableName(ledgerTable)
                .filterExpression("begins_with(pk, :prefix)")
                .expressionAttributeValues(Map.of(":prefix", AttributeValue.fromS(prefix)))).items()) {
            String[] key = item.get("pk").s().split(":");
            if (key.length < 3) {
                continue;
            }
            String step = key[2];
            String state = item.containsKey("state") ? item.get("state").s() : "UNKNOWN";
            states.computeIfAbsent(step, s -> new TreeMap<>()).merge(state, 1L, Long::sum);
            if (!state.equals("SENT") && item.containsKey("reason")) {
                reasons.computeIfAbsent(step, s -> new TreeMap<>()).merge(item.get("reason").s(), 1L, Long::sum);
            }
        }
        ObjectNode body = MAPPER.createObjectNode().put("tenant", tenant).put("journey", journey);
        ObjectNode steps = body.putObject("steps");
        states.forEach((step, counts) -> {
            ObjectNode node = steps.putObject(step);
            counts.forEach(node::put);
            ObjectNode why = node.putObject("reasons");
            reasons.getOrDefault(step, Map.of()).forEach(why::put);
        });
        HttpExchanges.json(exchange, 200, body.toString());
    }
}
