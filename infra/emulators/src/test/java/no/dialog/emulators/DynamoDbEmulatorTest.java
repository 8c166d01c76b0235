package no.dialog.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class DynamoDbEmulatorTest {

    private static final String TABLE = "journeys-" + UUID.randomUUID();

    private static DynamoDbClient dynamoDb;

    @BeforeAll
    static void createTable() {
        dynamoDb = SharedEmulators.get().dynamoDb();
        dynamoDb.createTable(table -> table
                .tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        stringAttribute("pk"), stringAttribute("sk"), stringAttribute("status"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName("by-status")
                        .keySchema(key("status", KeyType.HASH), key("pk", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build()));
        dynamoDb.updateTimeToLive(ttl -> ttl.tableName(TABLE)
                .timeToLiveSpecification(spec -> spec.attributeName("expiresAt").enabled(true)));
    }

    @Test
    void tableHasTimeToLiveEnabled() {
        var ttl = dynamoDb.describeTimeToLive(request -> request.tableName(TABLE)).timeToLiveDescription();

        assertThat(ttl.attributeName()).isEqualTo("expiresAt");
        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    }

    @Test
    void putGetAndQuery() {
        put("member-1", "step#1", "waiting");
        put("member-1", "step#2", "done");
        put("member-2", "step#1", "waiting");

        var item = dynamoDb.getItem(get -> get.tableName(TABLE)
                .key(Map.of("pk", s("member-1"), "sk", s("step#2")))).item();
        QueryResponse member1 = dynamoDb.query(query -> query.tableName(TABLE)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("member-1"))));
        QueryResponse waiting = dynamoDb.query(query -> query.tableName(TABLE).indexName("by-status")
                .keyConditionExpression("#status = :status")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":status", s("waiting"))));

        assertThat(item.get("status").s()).isEqualTo("done");
        assertThat(member1.items()).extracting(found -> found.get("sk").s()).containsExactly("step#1", "step#2");
        assertThat(waiting.items()).extracting(found -> found.get("pk").s())
                .containsExactlyInAnyOrder("member-1", "member-2");
    }

    @Test
    void conditionalPutFailsWhenItemExists() {
        put("member-3", "step#1", "active");

        assertThatThrownBy(() -> dynamoDb.putItem(put -> put.tableName(TABLE)
                .item(Map.of("pk", s("member-3"), "sk", s("step#1"), "status", s("again")))
                .conditionExpression("attribute_not_exists(pk)")))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    private static void put(String pk, String sk, String status) {
        dynamoDb.putItem(put -> put.tableName(TABLE).item(Map.of(
                "pk", s(pk), "sk", s(sk), "status", s(status),
                "expiresAt", AttributeValue.fromN(Long.toString(System.currentTimeMillis() / 1000 + 3600)))));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
