package no.dialog.aws.testing;

import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Tables shaped as template.yaml declares them, each test class with fresh names so tests never see
 * each other's data. (The local stack creates them from template.yaml itself; its tests check that.)
 */
public final class TestTables {

    private TestTables() {}

    /** The contacts table with its keys-only indexes: byTenantShard, the sparse byPhone, and byChange. */
    public static String contacts(DynamoDbClient dynamoDb) {
        String name = "contacts-" + UUID.randomUUID();
        dynamoDb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("pk"), attr("shard"), attr("contactId"), attr("phoneKey"), attr("changeShard"),
                        AttributeDefinition.builder().attributeName("changed").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byTenantShard")
                        .keySchema(KeySchemaElement.builder().attributeName("shard").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("contactId").keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build(),
                        GlobalSecondaryIndex.builder().indexName("byPhone")
                        .keySchema(KeySchemaElement.builder().attributeName("phoneKey").keyType(KeyType.HASH).build())
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build(),
                        GlobalSecondaryIndex.builder().indexName("byChange")
                        .keySchema(KeySchemaElement.builder().attributeName("changeShard").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("changed").keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build()));
        return name;
    }

    /**
     * The enrolments table with its sparse, sharded due index and its sparse per-journey index of
     * behaviour summaries (as template.yaml declares them).
     */
    public static String enrolments(DynamoDbClient dynamoDb) {
        String name = "enrolments-" + UUID.randomUUID();
        dynamoDb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("pk"), attr("sk"), attr("dueShard"), attr("journeyKey"), attr("contactId"),
                        AttributeDefinition.builder().attributeName("dueAt").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byDue")
                        .keySchema(KeySchemaElement.builder().attributeName("dueShard").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("dueAt").keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes("tenant", "contactId", "enrolmentId").build()).build(),
                        GlobalSecondaryIndex.builder().indexName("byJourney")
                        .keySchema(KeySchemaElement.builder().attributeName("journeyKey").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("contactId").keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes("hist", "sent").build()).build()));
        return name;
    }

    /** The definitions table: pk (S) + sk (S), as template.yaml's DefinitionsTable. */
    public static String definitions(DynamoDbClient dynamoDb) {
        String name = "definitions-" + UUID.randomUUID();
        dynamoDb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("pk"), attr("sk"))
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
        return name;
    }

    /**
     * The run-files table (template.yaml's RunFilesTable): pk + sk, the sparse index openRuns (range
     * lastItemAt, a number), the index journeyRuns (range runId) and the keys-only byContact.
     */
    public static String runFiles(DynamoDbClient dynamoDb) {
        String name = "run-files-" + UUID.randomUUID();
        dynamoDb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("pk"), attr("sk"), attr("openRuns"), attr("journeyKey"), attr("runId"),
                        attr("contactKey"),
                        AttributeDefinition.builder().attributeName("lastItemAt").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("openRuns")
                        .keySchema(KeySchemaElement.builder().attributeName("openRuns").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("lastItemAt").keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build(),
                        GlobalSecondaryIndex.builder().indexName("journeyRuns")
                        .keySchema(KeySchemaElement.builder().attributeName("journeyKey").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("runId").keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build(),
                        byContact()));
        return name;
    }

    /** The payments table (template.yaml's PaymentsTable): pk + sk, the index byKey (gsi1pk + gsi1sk) and byContact. */
    public static String payments(DynamoDbClient dynamoDb) {
        String name = "payments-" + UUID.randomUUID();
        dynamoDb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("pk"), attr("sk"), attr("gsi1pk"), attr("gsi1sk"), attr("contactKey"))
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byKey")
                        .keySchema(KeySchemaElement.builder().attributeName("gsi1pk").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("gsi1sk").keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build(),
                        byContact()));
        return name;
    }

    /** The audit table (template.yaml's AuditTable): pk + sk, both strings. */
    public static String audit(DynamoDbClient dynamoDb) {
        String name = "audit-" + UUID.randomUUID();
        dynamoDb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("pk"), attr("sk"))
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
        return name;
    }

    /** The erasures table (template.yaml's ErasuresTable): pk (the tenant) + sk (the erasure id). */
    public static String erasures(DynamoDbClient dynamoDb) {
        String name = "erasures-" + UUID.randomUUID();
        dynamoDb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("pk"), attr("sk"))
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
        return name;
    }

    public static String withHashKey(DynamoDbClient dynamoDb, String prefix, String key) {
        String name = prefix + "-" + UUID.randomUUID();
        dynamoDb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr(key))
                .keySchema(KeySchemaElement.builder().attributeName(key).keyType(KeyType.HASH).build()));
        return name;
    }

    /**
     * A table keyed by {@code pk} with the keys-only {@code byContact} index on {@code contactKey}, as
     * template.yaml declares the send ledger and the landing links.
     */
    public static String withContactIndex(DynamoDbClient dynamoDb, String prefix) {
        String name = prefix + "-" + UUID.randomUUID();
        dynamoDb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("pk"), attr("contactKey"))
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byContact")
                        .keySchema(KeySchemaElement.builder().attributeName("contactKey").keyType(KeyType.HASH).build())
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build()));
        return name;
    }

    /** The keys-only, sparse index of a person's items ({@code contactKey}), for erasure. */
    private static GlobalSecondaryIndex byContact() {
        return GlobalSecondaryIndex.builder().indexName("byContact")
                .keySchema(KeySchemaElement.builder().attributeName("contactKey").keyType(KeyType.HASH).build())
                .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build();
    }

    /** The tenant keys table: {@code tenant} and the number {@code keyId}, as template.yaml declares it. */
    public static String tenantKeys(DynamoDbClient dynamoDb) {
        String name = "tenant-keys-" + UUID.randomUUID();
        dynamoDb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("tenant"),
                        AttributeDefinition.builder().attributeName("keyId").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("tenant").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("keyId").keyType(KeyType.RANGE).build()));
        return name;
    }

    private static AttributeDefinition attr(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
