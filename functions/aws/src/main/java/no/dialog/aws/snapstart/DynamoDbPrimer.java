package no.dialog.aws.snapstart;

import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Warms the DynamoDB client with the operations Dialog's adapters use, none of them sent. */
@Singleton
public class DynamoDbPrimer implements Primer {

    static final String TABLE = "dialog-priming";
    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("priming"),
            "sk", AttributeValue.fromS("priming"));

    private final DynamoDbClient dynamoDb;
    private final SdkCallPriming priming;

    public DynamoDbPrimer(DynamoDbClient dynamoDb, SdkCallPriming priming) {
        this.dynamoDb = dynamoDb;
        this.priming = priming;
    }

    @Override
    public void prime() {
        priming.dryRun(dynamoDb, c -> c.getItem(b -> b.tableName(TABLE).key(KEY).consistentRead(true)));
        priming.dryRun(dynamoDb, c -> c.putItem(b -> b.tableName(TABLE).item(KEY)
                .conditionExpression("attribute_not_exists(pk)")));
        priming.dryRun(dynamoDb, c -> c.updateItem(b -> b.tableName(TABLE).key(KEY)
                .updateExpression("SET #n = :v").expressionAttributeNames(Map.of("#n", "n"))
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("1")))));
        priming.dryRun(dynamoDb, c -> c.query(b -> b.tableName(TABLE).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("priming")))));
        priming.dryRun(dynamoDb, c -> c.batchGetItem(b -> b.requestItems(Map.of(TABLE,
                software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(KEY).build()))));
        priming.dryRun(dynamoDb, c -> c.transactWriteItems(b -> b.transactItems(t -> t.put(p -> p.tableName(TABLE)
                .item(KEY)))));
    }
}
