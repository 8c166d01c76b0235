package no.dialog.aws.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * What the PaymentsTable stores have in common: the names of the key attributes, records written as plain
 * DynamoDB attributes (through their JSON form, so a field added to a core record is stored and read back
 * with no change here), sortable time keys, and reads.
 *
 * <p>A record's fields become top-level attributes (strings, numbers, booleans, nested records as maps;
 * null fields are left out; instants and dates as ISO-8601 text). Reading ignores attributes the record
 * does not have (the keys, the index keys, {@code expiresAt}, a store's own flags), so those names must
 * not be field names of the records stored.
 */
final class PaymentItems {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String GSI1PK = "gsi1pk";
    static final String GSI1SK = "gsi1sk";
    static final String BY_KEY = "byKey";
    static final String EXPIRES_AT = "expiresAt";

    /** UTC, always nine fraction digits: text that sorts as the instants do. */
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private PaymentItems() {}

    static String sortable(Instant at) {
        return SORTABLE.format(at);
    }

    /** The record's fields as attributes, to which the caller adds keys. */
    static Map<String, AttributeValue> attributes(Object record) {
        JsonNode tree = JSON.valueToTree(record);
        Map<String, AttributeValue> item = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = tree.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            toAttribute(field.getValue()).ifPresent(value -> item.put(field.getKey(), value));
        }
        return item;
    }

    /** The record read back from an item's attributes. */
    static <T> T record(Map<String, AttributeValue> item, Class<T> type) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        item.forEach((name, value) -> tree.set(name, toJson(value)));
        try {
            return JSON.treeToValue(tree, type);
        } catch (Exception e) {
            throw new IllegalStateException("a " + type.getSimpleName() + " item in the payments table is malformed", e);
        }
    }

    private static Optional<AttributeValue> toAttribute(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (node.isBoolean()) {
            return Optional.of(AttributeValue.fromBool(node.booleanValue()));
        }
        if (node.isNumber()) {
            return Optional.of(AttributeValue.fromN(node.asText()));
        }
        if (node.isArray()) {
            List<AttributeValue> list = new ArrayList<>();
            node.forEach(element -> list.add(toAttribute(element).orElse(AttributeValue.fromNul(true))));
            return Optional.of(AttributeValue.fromL(list));
        }
        if (node.isObject()) {
            Map<String, AttributeValue> map = new HashMap<>();
            node.fields().forEachRemaining(field ->
                    toAttribute(field.getValue()).ifPresent(value -> map.put(field.getKey(), value)));
            return Optional.of(AttributeValue.fromM(map));
        }
        return Optional.of(AttributeValue.fromS(node.asText()));
    }

    private static JsonNode toJson(AttributeValue value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value.s() != null) {
            return nodes.textNode(value.s());
        }
        if (value.n() != null) {
            String n = value.n();
            return n.contains(".") || n.contains("e") || n.contains("E")
                    ? nodes.numberNode(new java.math.BigDecimal(n)) : nodes.numberNode(Long.parseLong(n));
        }
        if (value.bool() != null) {
            return nodes.booleanNode(value.bool());
        }
        if (value.hasL()) {
            ArrayNode array = nodes.arrayNode();
            value.l().forEach(element -> array.add(toJson(element)));
            return array;
        }
        if (value.hasM()) {
            ObjectNode object = nodes.objectNode();
            value.m().forEach((name, element) -> object.set(name, toJson(element)));
            return object;
        }
        return nodes.nullNode();
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    /** The item, read consistently, or empty. */
    static Optional<Map<String, AttributeValue>> get(DynamoDbClient dynamoDb, String table, String pk, String sk) {
        GetItemResponse response = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true).key(key(pk, sk)));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    /** Writes the item unless one with its key exists; returns false (changing nothing) if one does. */
    static boolean putIfAbsent(DynamoDbClient dynamoDb, String table, Map<String, AttributeValue> item) {
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Replaces the item with its key, which must exist.
     *
     * @throws IllegalStateException with {@code what} in its message (an opaque id, never personal data) if
     *                               there is none
     */
    static void replace(DynamoDbClient dynamoDb, String table, Map<String, AttributeValue> item, String what) {
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("no " + what + " to update", e);
        }
    }

    /** Every page of the query, in the query's order, until {@code each} has had {@code limit} items. */
    static void query(DynamoDbClient dynamoDb, QueryRequest first, int limit,
                      Consumer<Map<String, AttributeValue>> each) {
        QueryRequest request = first;
        int seen = 0;
        while (true) {
            QueryResponse response = dynamoDb.query(request);
            for (Map<String, AttributeValue> item : response.items()) {
                if (seen++ >= limit) {
                    return;
                }
                each.accept(item);
            }
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                return;
            }
            request = request.toBuilder().exclusiveStartKey(response.lastEvaluatedKey()).build();
        }
    }

    /**
     * SHA-256 of the text, base64url: how a phone number stands in a key, so the number itself is in no key
     * that may reach metrics or error reports.
     */
    static String digest(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
