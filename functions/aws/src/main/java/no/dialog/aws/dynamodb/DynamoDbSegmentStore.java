package no.dialog.aws.dynamodb;

import io.micronaut.context.annotation.Requires;
import static no.dialog.aws.dynamodb.DefinitionKeys.SEGMENT;
import static no.dialog.aws.dynamodb.DefinitionKeys.SK;
import static no.dialog.aws.dynamodb.DefinitionKeys.key;
import static no.dialog.aws.dynamodb.DefinitionKeys.s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;
import no.dialog.core.segment.SegmentDefinition;
import no.dialog.core.segment.SegmentStore;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Segments in the definitions table: {@code pk = <tenant>#segment}, {@code sk = <segment id>}, with
 * {@code name}, {@code criteria} (the criteria JSON as a string, as staff sent it) and {@code updatedAt}.
 */
@Singleton
@Requires(property = "definitions.table")
public class DynamoDbSegmentStore implements SegmentStore {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbSegmentStore(DynamoDbClient dynamoDb, @Value("${definitions.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<SegmentDefinition> find(TenantId tenant, String segmentId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(tenant, SEGMENT, segmentId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(segment(item));
    }

    @Override
    public List<SegmentDefinition> list(TenantId tenant) {
        return DefinitionKeys.queryAll(dynamoDb, table, tenant, SEGMENT, DynamoDbSegmentStore::segment);
    }

    @Override
    public Page<SegmentDefinition> page(TenantId tenant, PageRequest request) {
        return DefinitionKeys.queryPage(dynamoDb, table, tenant, SEGMENT, DynamoDbSegmentStore::segment, request);
    }

    @Override
    public void save(TenantId tenant, SegmentDefinition segment) {
        dynamoDb.putItem(b -> b.tableName(table).item(item(tenant, segment)));
    }

    @Override
    public boolean create(TenantId tenant, SegmentDefinition segment) {
        return conditionalPut(item(tenant, segment), "attribute_not_exists(pk)");
    }

    @Override
    public boolean replace(TenantId tenant, SegmentDefinition segment) {
        return conditionalPut(item(tenant, segment), "attribute_exists(pk)");
    }

    @Override
    public boolean delete(TenantId tenant, String segmentId) {
        var response = dynamoDb.deleteItem(b -> b.tableName(table).key(key(tenant, SEGMENT, segmentId))
                .returnValues(ReturnValue.ALL_OLD));
        return response.hasAttributes() && !response.attributes().isEmpty();
    }

    private boolean conditionalPut(Map<String, AttributeValue> item, String condition) {
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression(condition));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> item(TenantId tenant, SegmentDefinition segment) {
        Map<String, AttributeValue> item = new HashMap<>(key(tenant, SEGMENT, segment.id()));
        item.put("tenant", s(tenant.value()));
        item.put("name", s(segment.name()));
        item.put("criteria", s(segment.criteria().toString()));
        if (segment.updatedAt() != null) {
            item.put("updatedAt", s(segment.updatedAt().toString()));
        }
        return item;
    }

    private static SegmentDefinition segment(Map<String, AttributeValue> item) {
        try {
            AttributeValue updatedAt = item.get("updatedAt");
            return new SegmentDefinition(item.get(SK).s(), item.get("name").s(),
                    MAPPER.readTree(item.get("criteria").s()),
                    updatedAt == null ? null : Instant.parse(updatedAt.s()));
        } catch (JsonProcessingException e) {
            // Only this class writes the attribute, from a parsed tree; unreadable means a corrupted item.
            throw new IllegalStateException("segment " + item.get(SK).s() + " has unreadable criteria", e);
        }
    }
}
