package no.dialog.aws.dynamodb;

import io.micronaut.context.annotation.Requires;
import static no.dialog.aws.dynamodb.EnrolmentItems.BY_JOURNEY;
import static no.dialog.aws.dynamodb.EnrolmentItems.CONTACT_ID;
import static no.dialog.aws.dynamodb.EnrolmentItems.HIST;
import static no.dialog.aws.dynamodb.EnrolmentItems.JOURNEY_KEY;
import static no.dialog.aws.dynamodb.EnrolmentItems.SENT;
import static no.dialog.aws.dynamodb.EnrolmentItems.s;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.dialog.core.segment.BehaviourHistories;
import no.dialog.core.segment.ContactHistory;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link BehaviourHistories} from the enrolments table's sparse {@code byJourney} index: one paged
 * query per journey and index shard (pk {@code tenant#journeyId#00} to {@code #31}), each item an enrolment's contact id, behaviour
 * summary and sent steps (see {@link EnrolmentItems}). Reads cost about one read unit per 8 KB of
 * summaries (eventually consistent), never one query per person. The index is eventually consistent:
 * a step taken a moment ago may not be seen yet, which is fine for segments.
 */
@Singleton
@Requires(property = "enrolments.table")
public class DynamoDbBehaviourHistories implements BehaviourHistories {

    /** Items per query page: about 100 bytes each, so a page stays far below DynamoDB's 1 MB. */
    static final int PAGE = 2_000;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final int pageSize;

    @Inject
    public DynamoDbBehaviourHistories(DynamoDbClient dynamoDb, @Value("${enrolments.table}") String table) {
        this(dynamoDb, table, PAGE);
    }

    DynamoDbBehaviourHistories(DynamoDbClient dynamoDb, String table, int pageSize) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.pageSize = pageSize;
    }

    @Override
    public Map<String, ContactHistory> forJourneys(TenantId tenant, Set<String> journeyIds) {
        Map<String, ContactHistory> histories = new HashMap<>();
        for (String journeyId : journeyIds) {
            readJourney(tenant, journeyId, histories);
        }
        return histories;
    }

    private void readJourney(TenantId tenant, String journeyId, Map<String, ContactHistory> into) {
        for (String key : EnrolmentItems.journeyKeys(tenant, journeyId)) {
            readShard(key, journeyId, into);
        }
    }

    private void readShard(String key, String journeyId, Map<String, ContactHistory> into) {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(b -> b.tableName(table).indexName(BY_JOURNEY)
                    .keyConditionExpression("#key = :key")
                    .expressionAttributeNames(Map.of("#key", JOURNEY_KEY, "#contact", CONTACT_ID, "#hist", HIST,
                            "#sent", SENT))
                    .expressionAttributeValues(Map.of(":key", s(key)))
                    .projectionExpression("#contact, #hist, #sent")
                    .limit(pageSize).exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                AttributeValue hist = item.get(HIST);
                AttributeValue sent = item.get(SENT);
                ContactHistory history = EnrolmentHistories.history(journeyId, hist == null ? null : hist.s(),
                        sent == null ? List.of() : sent.ss());
                // Several entries into one journey, and several journeys, add up per person.
                into.merge(item.get(CONTACT_ID).s(), history, ContactHistory::plus);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }
}
