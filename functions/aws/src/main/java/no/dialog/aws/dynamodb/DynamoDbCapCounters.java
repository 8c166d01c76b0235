package no.dialog.aws.dynamodb;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.privacy.export.CapCounters;
import no.dialog.core.privacy.export.PersonExport;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The {@code cap#<channel>} items of the person's partition of the enrolments table ({@link DynamoDbSendAllowance}). */
@Singleton
@Requires(property = "enrolments.table")
public class DynamoDbCapCounters implements CapCounters {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbCapCounters(DynamoDbClient dynamoDb, @Value("${enrolments.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public List<PersonExport.CapCounter> ofContact(TenantId tenant, String contactId) {
        return IndexedReads.queryAll(dynamoDb, QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :cap)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(EnrolmentItems.personPk(tenant, contactId)),
                        ":cap", AttributeValue.fromS("cap#"))).build()).stream().map(item -> {
            Map<String, Instant> sends = new HashMap<>();
            if (item.containsKey("sends")) {
                item.get("sends").m().forEach((key, at) -> sends.put(key, Instant.ofEpochMilli(Long.parseLong(at.n()))));
            }
            return new PersonExport.CapCounter(item.get(EnrolmentItems.SK).s().substring("cap#".length()), sends);
        }).toList();
    }
}
