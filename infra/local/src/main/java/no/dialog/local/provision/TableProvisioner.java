package no.dialog.local.provision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import no.dialog.local.template.TableSpec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Makes a DynamoDB table match its {@link TableSpec}: creates it (on-demand billing, with its indexes and
 * stream), or, when the local stack kept it from an earlier run, adds indexes the template has gained; then
 * turns on TTL. A kept table whose key differs from the template cannot be fixed in place and is reported.
 */
final class TableProvisioner {

    private final DynamoDbClient dynamoDb;

    TableProvisioner(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    /** Provisions the table and returns its description afterwards (with the stream ARN, if any). */
    TableDescription provision(TableSpec spec, ProvisioningLog log) {
        Optional<TableDescription> existing = describe(spec.tableName());
        TableDescription table;
        if (existing.isEmpty()) {
            dynamoDb.createTable(createRequest(spec));
            table = waitUntilActive(spec.tableName());
            log.created(spec.logicalId(), spec.tableName(), "table with " + spec.globalSecondaryIndexes().size()
                    + " global secondary index(es)");
        } else {
            table = existing.get();
            checkKeySchema(spec, table);
            List<String> changes = addMissingIndexes(spec, table);
            changes.addAll(enableMissingStream(spec, table));
            if (changes.isEmpty()) {
                log.unchanged(spec.logicalId(), spec.tableName(), "table exists");
            } else {
                table = waitUntilActive(spec.tableName());
                log.updated(spec.logicalId(), spec.tableName(), String.join(", ", changes));
            }
        }
        enableTimeToLive(spec, log);
        return table;
    }

    private CreateTableRequest createRequest(TableSpec spec) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(spec.tableName())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributeDefinitions(spec))
                .keySchema(keySchema(spec.keySchema()));
        if (!spec.globalSecondaryIndexes().isEmpty()) {
            request.globalSecondaryIndexes(spec.globalSecondaryIndexes().stream().map(TableProvisioner::gsi).toList());
        }
        if (!spec.localSecondaryIndexes().isEmpty()) {
            request.localSecondaryIndexes(spec.localSecondaryIndexes().stream()
                    .map(index -> LocalSecondaryIndex.builder()
                            .indexName(index.indexName())
                            .keySchema(keySchema(index.keySchema()))
                            .projection(projection(index))
                            .build())
                    .toList());
        }
        if (spec.streamViewType() != null) {
            request.streamSpecification(stream(spec));
        }
        return request.build();
    }

    private void checkKeySchema(TableSpec spec, TableDescription table) {
        if (!table.keySchema().equals(keySchema(spec.keySchema()))) {
            throw new ProvisioningException("Table " + spec.tableName() + " (" + spec.logicalId() + ") already exists"
                    + " with key " + describeKey(table.keySchema()) + ", but template.yaml declares "
                    + describeKey(keySchema(spec.keySchema())) + ". DynamoDB cannot change a table's key: delete the"
                    + " table (or the local stack's DynamoDB data folder) so it is created anew.");
        }
    }

    /** DynamoDB adds one global secondary index per UpdateTable call. */
    private List<String> addMissingIndexes(TableSpec spec, TableDescription table) {
        Set<String> existing = table.globalSecondaryIndexes().stream()
                .map(GlobalSecondaryIndexDescription::indexName)
                .collect(Collectors.toSet());
        List<String> changes = new ArrayList<>();
        for (TableSpec.IndexSpec index : spec.globalSecondaryIndexes()) {
            if (existing.contains(index.indexName())) {
                continue;
            }
            GlobalSecondaryIndex gsi = gsi(index);
            dynamoDb.updateTable(update -> update
                    .tableName(spec.tableName())
                    .attributeDefinitions(attributeDefinitions(spec))
                    .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                            .create(CreateGlobalSecondaryIndexAction.builder()
                                    .indexName(gsi.indexName())
                                    .keySchema(gsi.keySchema())
                                    .projection(gsi.projection())
                                    .build())
                            .build()));
            waitUntilActive(spec.tableName());
            changes.add("created index " + index.indexName());
        }
        return changes;
    }

    private List<String> enableMissingStream(TableSpec spec, TableDescription table) {
        boolean hasStream = table.streamSpecification() != null && Boolean.TRUE.equals(table.streamSpecification().streamEnabled());
        if (spec.streamViewType() == null || hasStream) {
            return new ArrayList<>();
        }
        dynamoDb.updateTable(update -> update.tableName(spec.tableName()).streamSpecification(stream(spec)));
        return new ArrayList<>(List.of("enabled stream " + spec.streamViewType()));
    }

    private void enableTimeToLive(TableSpec spec, ProvisioningLog log) {
        if (spec.ttlAttribute() == null) {
            return;
        }
        TimeToLiveDescription ttl = dynamoDb.describeTimeToLive(r -> r.tableName(spec.tableName())).timeToLiveDescription();
        boolean enabled = ttl != null && spec.ttlAttribute().equals(ttl.attributeName())
                && (ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED || ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING);
        if (enabled) {
            log.unchanged(spec.logicalId(), spec.tableName(), "TTL on " + spec.ttlAttribute());
            return;
        }
        dynamoDb.updateTimeToLive(r -> r.tableName(spec.tableName())
                .timeToLiveSpecification(t -> t.attributeName(spec.ttlAttribute()).enabled(true)));
        log.updated(spec.logicalId(), spec.tableName(), "enabled TTL on " + spec.ttlAttribute());
    }

    private Optional<TableDescription> describe(String tableName) {
        try {
            return Optional.of(dynamoDb.describeTable(r -> r.tableName(tableName)).table());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /** DynamoDB Local makes tables active at once; the waiter only matters against a slower endpoint. */
    private TableDescription waitUntilActive(String tableName) {
        TableDescription table = describe(tableName).orElseThrow(() ->
                new ProvisioningException("Table " + tableName + " disappeared right after it was created"));
        if (table.tableStatus() == TableStatus.ACTIVE) {
            return table;
        }
        return dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(tableName)).matched().response()
                .map(response -> response.table())
                .orElseThrow(() -> new ProvisioningException("Table " + tableName + " did not become active"));
    }

    private static List<AttributeDefinition> attributeDefinitions(TableSpec spec) {
        return spec.attributeDefinitions().stream()
                .map(a -> AttributeDefinition.builder().attributeName(a.attributeName()).attributeType(a.attributeType()).build())
                .toList();
    }

    private static List<KeySchemaElement> keySchema(List<TableSpec.KeyElement> keys) {
        return keys.stream()
                .map(k -> KeySchemaElement.builder().attributeName(k.attributeName()).keyType(k.keyType()).build())
                .toList();
    }

    private static GlobalSecondaryIndex gsi(TableSpec.IndexSpec index) {
        return GlobalSecondaryIndex.builder()
                .indexName(index.indexName())
                .keySchema(keySchema(index.keySchema()))
                .projection(projection(index))
                .build();
    }

    private static Projection projection(TableSpec.IndexSpec index) {
        Projection.Builder projection = Projection.builder().projectionType(index.projectionType());
        if (!index.nonKeyAttributes().isEmpty()) {
            projection.nonKeyAttributes(index.nonKeyAttributes());
        }
        return projection.build();
    }

    private static StreamSpecification stream(TableSpec spec) {
        return StreamSpecification.builder().streamEnabled(true).streamViewType(spec.streamViewType()).build();
    }

    private static String describeKey(List<KeySchemaElement> key) {
        return key.stream().map(k -> k.attributeName() + " " + k.keyTypeAsString()).collect(Collectors.joining(", ", "[", "]"));
    }
}
