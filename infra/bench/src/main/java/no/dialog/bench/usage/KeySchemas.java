package no.dialog.bench.usage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The partition keys of every table and global secondary index, read from DynamoDB itself, so that a write request
 * can say which partition keys it writes: the base table's and each index's whose key the item carries. That is
 * what tells a hot key: one DynamoDB partition takes about 1,000 writes/s, and an index partition as many.
 */
public final class KeySchemas {

    /** DynamoDB operations that only read. */
    static final Set<String> READS = Set.of("GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems");

    private static final Pattern ASSIGNMENT = Pattern.compile("(#?[A-Za-z0-9_]+)\\s*=\\s*(:[A-Za-z0-9_]+)");
    private static final Pattern PARTIQL_TABLE = Pattern.compile(
            "(?i)^\\s*(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+\"([^\"]+)\"");

    /** Table name → its partition key attribute, and each index's (index name → attribute). */
    private final Map<String, String> tableKeys = new HashMap<>();
    private final Map<String, Map<String, String>> indexKeys = new HashMap<>();

    private KeySchemas() {}

    /** Reads every table's key schema. */
    public static KeySchemas describe(DynamoDbClient dynamoDb) {
        KeySchemas schemas = new KeySchemas();
        for (String table : dynamoDb.listTablesPaginator().tableNames()) {
            TableDescription description = dynamoDb.describeTable(b -> b.tableName(table)).table();
            description.keySchema().stream().filter(k -> k.keyType() == KeyType.HASH).findFirst()
                    .ifPresent(k -> schemas.tableKeys.put(table, k.attributeName()));
            Map<String, String> indexes = new HashMap<>();
            description.globalSecondaryIndexes().forEach(index -> index.keySchema().stream()
                    .filter(k -> k.keyType() == KeyType.HASH).findFirst()
                    .ifPresent(k -> indexes.put(index.indexName(), k.attributeName())));
            schemas.indexKeys.put(table, indexes);
        }
        return schemas;
    }

    /** The partition keys a write request writes, as "table key" or "table/index key"; empty for reads. */
    public List<String> writtenKeys(SdkRequest request) {
        List<String> keys = new ArrayList<>();
        switch (request) {
            case PutItemRequest put -> item(put.tableName(), put.item(), keys);
            case UpdateItemRequest update -> update(update.tableName(), update.key(), update.updateExpression(),
                    update.expressionAttributeNames(), update.expressionAttributeValues(), keys);
            case DeleteItemRequest delete -> base(delete.tableName(), delete.key(), keys);
            case BatchWriteItemRequest batch -> batch.requestItems().forEach((table, writes) -> {
                for (WriteRequest write : writes) {
                    if (write.putRequest() != null) {
                        item(table, write.putRequest().item(), keys);
                    } else if (write.deleteRequest() != null) {
                        base(table, write.deleteRequest().key(), keys);
                    }
                }
            });
            case TransactWriteItemsRequest transaction -> {
                for (TransactWriteItem write : transaction.transactItems()) {
                    if (write.put() != null) {
                        item(write.put().tableName(), write.put().item(), keys);
                    } else if (write.update() != null) {
                        update(write.update().tableName(), write.update().key(), write.update().updateExpression(),
                                write.update().expressionAttributeNames(), write.update().expressionAttributeValues(),
                                keys);
                    } else if (write.delete() != null) {
                        base(write.delete().tableName(), write.delete().key(), keys);
                    }
                }
            }
            case ExecuteStatementRequest statement -> statement(statement.statement(), statement.parameters(), keys);
            case BatchExecuteStatementRequest batch -> {
                for (BatchStatementRequest statement : batch.statements()) {
                    statement(statement.statement(), statement.parameters(), keys);
                }
            }
            default -> { }
        }
        return keys;
    }

    private void item(String table, Map<String, AttributeValue> item, List<String> keys) {
        base(table, item, keys);
        indexKeys.getOrDefault(table, Map.of()).forEach((index, attribute) -> {
            AttributeValue value = item.get(attribute);
            if (value != null) {
                keys.add(table + "/" + index + " " + text(value));
            }
        });
    }

    private void base(String table, Map<String, AttributeValue> key, List<String> keys) {
        String attribute = tableKeys.get(table);
        AttributeValue value = attribute == null ? null : key.get(attribute);
        keys.add(table + " " + (value == null ? "?" : text(value)));
    }

    /** An update writes its base key, and an index key when it SETs that index's key attribute. */
    private void update(String table, Map<String, AttributeValue> key, String expression, Map<String, String> names,
            Map<String, AttributeValue> values, List<String> keys) {
        base(table, key, keys);
        if (expression == null) {
            return;
        }
        Matcher assignment = ASSIGNMENT.matcher(expression);
        while (assignment.find()) {
            String attribute = names.getOrDefault(assignment.group(1), assignment.group(1));
            AttributeValue value = values.get(assignment.group(2));
            indexKeys.getOrDefault(table, Map.of()).forEach((index, indexAttribute) -> {
                if (indexAttribute.equals(attribute) && value != null) {
                    keys.add(table + "/" + index + " " + text(value));
                }
            });
        }
    }

    /**
     * A PartiQL write: its table, and the partition key's value from the parameter that stands where the statement
     * names the key ({@code 'pk': ?} in an INSERT, {@code "pk" = ?} in a WHERE).
     */
    private void statement(String statement, List<AttributeValue> parameters, List<String> keys) {
        Matcher table = PARTIQL_TABLE.matcher(statement);
        if (!table.find()) {
            return;
        }
        String name = table.group(1);
        String value = parameter(statement, parameters, tableKeys.get(name));
        keys.add(name + " " + (value == null ? "?" : value));
        // An INSERT names every attribute it writes: an index key among them is a write to that index too.
        if (statement.stripLeading().regionMatches(true, 0, "INSERT", 0, 6)) {
            indexKeys.getOrDefault(name, Map.of()).forEach((index, attribute) -> {
                String indexValue = parameter(statement, parameters, attribute);
                if (indexValue != null) {
                    keys.add(name + "/" + index + " " + indexValue);
                }
            });
        }
    }

    /** The parameter that stands where the statement names {@code attribute} ({@code 'a': ?} or {@code "a" = ?}). */
    private static String parameter(String statement, List<AttributeValue> parameters, String attribute) {
        if (attribute == null || parameters == null) {
            return null;
        }
        Matcher key = Pattern.compile("['\"]" + Pattern.quote(attribute) + "['\"]\\s*[:=]\\s*\\?").matcher(statement);
        if (!key.find()) {
            return null;
        }
        int index = (int) statement.substring(0, key.end() - 1).chars().filter(c -> c == '?').count();
        return index < parameters.size() ? text(parameters.get(index)) : null;
    }

    private static String text(AttributeValue value) {
        return value.s() != null ? value.s() : value.n() != null ? value.n() : String.valueOf(value);
    }
}
