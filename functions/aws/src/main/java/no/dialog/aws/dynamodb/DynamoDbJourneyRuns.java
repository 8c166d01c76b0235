package no.dialog.aws.dynamodb;

import static no.dialog.aws.dynamodb.EnrolmentItems.PK;
import static no.dialog.aws.dynamodb.EnrolmentItems.SK;
import static no.dialog.aws.dynamodb.EnrolmentItems.n;
import static no.dialog.aws.dynamodb.EnrolmentItems.s;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.enrolment.JourneyRun;
import no.dialog.core.enrolment.JourneyRuns;
import no.dialog.core.enrolment.RunChunk;
import no.dialog.core.segment.SegmentEvaluation;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link JourneyRuns} on the run's claim item in the enrolments table ({@code tenant#journey#id} /
 * {@code run#<runId>}, written by {@link DynamoDbJourneyEntries#startRun}): the evaluation is SET on it, and
 * each chunk ADDs its counts once, guarded by the set of chunk numbers already counted ({@code doneChunks}).
 * At 1,000,000 matches a run has 2,000 chunks: the set stays far below DynamoDB's item limit.
 */
@Singleton
@Requires(property = "enrolments.table")
public class DynamoDbJourneyRuns implements JourneyRuns {

    private static final String RUN_PREFIX = "run#";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbJourneyRuns(DynamoDbClient dynamoDb, @Value("${enrolments.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void evaluated(TenantId tenant, String journeyId, String runId, int version, SegmentEvaluation evaluation,
                          int chunks, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":v", n(version));
        values.put(":at", s(at.toString()));
        values.put(":m", n(evaluation.matches()));
        values.put(":r", s(evaluation.readAt().toString()));
        values.put(":o", n(evaluation.overlayContacts()));
        values.put(":b", s(evaluation.basis()));
        values.put(":c", n(chunks));
        Map<String, String> names = new HashMap<>(Map.of("#v", "version", "#at", "evaluatedAt", "#m", "matched",
                "#r", "readAt", "#o", "overlayContacts", "#b", "basis", "#c", "chunks"));
        String set = "SET #v = :v, #at = :at, #m = :m, #r = :r, #o = :o, #b = :b, #c = :c";
        if (evaluation.snapshotAsOf() != null) {
            values.put(":s", s(evaluation.snapshotAsOf().toString()));
            names.put("#s", "snapshotAsOf");
            set += ", #s = :s";
        }
        String expression = set;
        dynamoDb.updateItem(b -> b.tableName(table).key(key(tenant, journeyId, runId))
                .updateExpression(expression).expressionAttributeNames(names).expressionAttributeValues(values));
    }

    @Override
    public void chunkDone(TenantId tenant, String journeyId, String runId, int chunk, RunChunk outcome) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(tenant, journeyId, runId))
                    .updateExpression("ADD doneChunks :set, enrolled :e, alreadyEnrolled :a, overCap :o, notActive :n")
                    .conditionExpression("attribute_not_exists(doneChunks) OR NOT contains(doneChunks, :chunk)")
                    .expressionAttributeValues(Map.of(":set", AttributeValue.fromNs(List.of(Integer.toString(chunk))),
                            ":chunk", n(chunk), ":e", n(outcome.enrolled()), ":a", n(outcome.alreadyEnrolled()),
                            ":o", n(outcome.overCap()), ":n", n(outcome.notActive()))));
        } catch (ConditionalCheckFailedException counted) {
            // A redelivered chunk: counted the first time.
        }
    }

    @Override
    public List<JourneyRun> list(TenantId tenant, String journeyId) {
        List<JourneyRun> runs = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var response = dynamoDb.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :run)")
                    .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                    .expressionAttributeValues(Map.of(":pk", s(partition(tenant, journeyId)), ":run", s(RUN_PREFIX)))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : response.items()) {
                runs.add(run(item));
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return runs;
    }

    private static JourneyRun run(Map<String, AttributeValue> item) {
        AttributeValue done = item.get("doneChunks");
        return new JourneyRun(item.get(SK).s().substring(RUN_PREFIX.length()),
                item.containsKey("version") ? Integer.valueOf((int) number(item, "version")) : null,
                instant(item, "evaluatedAt"),
                item.containsKey("matched") ? number(item, "matched") : null,
                instant(item, "readAt"), instant(item, "snapshotAsOf"),
                item.containsKey("overlayContacts") ? (int) number(item, "overlayContacts") : 0,
                item.containsKey("basis") ? item.get("basis").s() : null,
                item.containsKey("chunks") ? Integer.valueOf((int) number(item, "chunks")) : null,
                done == null ? 0 : done.ns().size(),
                new RunChunk(count(item, "enrolled"), count(item, "alreadyEnrolled"), count(item, "overCap"),
                        count(item, "notActive")));
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        return Long.parseLong(item.get(name).n());
    }

    private static int count(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? (int) number(item, name) : 0;
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Instant.parse(item.get(name).s()) : null;
    }

    private static String partition(TenantId tenant, String journeyId) {
        return tenant.value() + "#journey#" + journeyId;
    }

    private static Map<String, AttributeValue> key(TenantId tenant, String journeyId, String runId) {
        return Map.of(PK, s(partition(tenant, journeyId)), SK, s(RUN_PREFIX + runId));
    }
}
