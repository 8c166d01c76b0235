package no.dialog.aws.audit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import no.dialog.aws.snapstart.RestoreSafeRandom;
import no.dialog.core.audit.AuditEntry;
import no.dialog.core.audit.AuditLog;
import no.dialog.core.audit.AuditQuery;
import no.dialog.core.audit.AuditRecord;
import no.dialog.core.audit.AuditRetention;
import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The audit log in its own table (template.yaml's {@code AuditTable}), append-only: an entry is put once under a
 * key nobody had ({@code attribute_not_exists}), and the function's role may only put and query (no update, no
 * delete: IAM enforces what this class promises).
 *
 * <p>Items: {@code pk} the tenant (entries without one, such as refused platform requests, under
 * {@value #PLATFORM}, which no tenant id can be), {@code sk} {@code <time to the millisecond>#<random id>}, so
 * entries never overwrite each other and a partition reads newest first by key. The entry's fields sit beside
 * them, and {@code expiresAt} (epoch seconds, the table's TTL) is {@link AuditRetention#PERIOD} after the entry.
 */
@Singleton
@Requires(property = "audit.table")
public class DynamoDbAuditLog implements AuditLog {

    /** The partition of entries outside any organisation ({@code _} cannot start a tenant id). */
    static final String PLATFORM = "_platform";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern SORT_KEY = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z#[0-9a-f]{32}");
    /** Items read per query call when filters drop some: a page is usually found in one call. */
    private static final int READ_AHEAD = 100;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final SecureRandom random = RestoreSafeRandom.secureRandom();

    public DynamoDbAuditLog(DynamoDbClient dynamoDb, @Value("${audit.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public String append(AuditEntry entry) {
        // A second try only for the one case a new id helps: the same millisecond and the same 128 random bits.
        for (int attempt = 1; ; attempt++) {
            String id = newId();
            try {
                dynamoDb.putItem(b -> b.tableName(table).item(item(entry, id))
                        .conditionExpression("attribute_not_exists(pk)"));
                return id;
            } catch (ConditionalCheckFailedException taken) {
                if (attempt == 2) {
                    throw new Unavailable("the audit table refused two new keys", taken);
                }
            } catch (SdkException e) {
                throw new Unavailable("the audit table did not take the entry", e);
            }
        }
    }

    @Override
    public Page<AuditRecord> list(TenantId tenant, AuditQuery query, PageRequest page) {
        if (page.after() != null && !SORT_KEY.matcher(page.after()).matches()) {
            throw new IllegalArgumentException("not a key of the audit log");
        }
        Map<String, AttributeValue> start = page.after() == null ? null
                : Map.of("pk", AttributeValue.fromS(tenant.value()), "sk", AttributeValue.fromS(page.after()));
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        do {
            QueryResponse response;
            try {
                response = dynamoDb.query(request(tenant, query, start, Math.max(page.limit() + 1, READ_AHEAD)));
            } catch (DynamoDbException e) {
                if (page.after() != null && e.statusCode() == 400) {
                    // A start key outside the asked time span (a cursor of another query).
                    throw new IllegalArgumentException("not a key of this query", e);
                }
                throw e;
            }
            for (Map<String, AttributeValue> item : response.items()) {
                found.add(item);
                if (found.size() > page.limit()) {
                    break;
                }
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && found.size() <= page.limit());
        boolean more = found.size() > page.limit();
        List<Map<String, AttributeValue>> shown = more ? found.subList(0, page.limit()) : found;
        List<AuditRecord> records = shown.stream().map(DynamoDbAuditLog::record).toList();
        Optional<String> last = more ? Optional.of(shown.getLast().get("sk").s()) : Optional.empty();
        return new Page<>(records, last, page.limit());
    }

    private QueryRequest request(TenantId tenant, AuditQuery query, Map<String, AttributeValue> start, int limit) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#pk", "pk");
        values.put(":pk", AttributeValue.fromS(tenant.value()));
        String keys = "#pk = :pk";
        // "<time>#id" sorts after "<time>": from is inclusive, to exclusive.
        if (query.from() != null || query.to() != null) {
            names.put("#sk", "sk");
        }
        if (query.from() != null && query.to() != null) {
            keys += " AND #sk BETWEEN :from AND :to";
        } else if (query.from() != null) {
            keys += " AND #sk >= :from";
        } else if (query.to() != null) {
            keys += " AND #sk < :to";
        }
        if (query.from() != null) {
            values.put(":from", AttributeValue.fromS(TIME.format(query.from())));
        }
        if (query.to() != null) {
            values.put(":to", AttributeValue.fromS(TIME.format(query.to())));
        }
        List<String> filters = new ArrayList<>();
        filter(filters, names, values, "subject", query.subject());
        filter(filters, names, values, "route", query.route());
        filter(filters, names, values, "objectId", query.objectId());
        QueryRequest.Builder builder = QueryRequest.builder().tableName(table).keyConditionExpression(keys)
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .scanIndexForward(false).limit(limit).exclusiveStartKey(start);
        if (!filters.isEmpty()) {
            builder.filterExpression(String.join(" AND ", filters));
        }
        return builder.build();
    }

    private static void filter(List<String> filters, Map<String, String> names, Map<String, AttributeValue> values,
                               String attribute, String wanted) {
        if (wanted != null) {
            names.put("#" + attribute, attribute);
            values.put(":" + attribute, AttributeValue.fromS(wanted));
            filters.add("#" + attribute + " = :" + attribute);
        }
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static Map<String, AttributeValue> item(AuditEntry entry, String id) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(entry.tenant() == null ? PLATFORM : entry.tenant().value()));
        item.put("sk", AttributeValue.fromS(TIME.format(entry.at()) + "#" + id));
        item.put("id", AttributeValue.fromS(id));
        item.put("at", AttributeValue.fromS(entry.at().toString()));
        if (entry.tenant() != null) {
            item.put("tenant", AttributeValue.fromS(entry.tenant().value()));
        }
        item.put("subject", AttributeValue.fromS(entry.subject()));
        item.put("roles", AttributeValue.fromL(entry.roles().stream().map(AttributeValue::fromS).toList()));
        putIfSet(item, "access", entry.access());
        item.put("method", AttributeValue.fromS(entry.method()));
        item.put("route", AttributeValue.fromS(entry.route()));
        putIfSet(item, "objectId", entry.objectId());
        if (entry.revisionBefore() != null) {
            item.put("revisionBefore", AttributeValue.fromN(entry.revisionBefore().toString()));
        }
        if (entry.revisionAfter() != null) {
            item.put("revisionAfter", AttributeValue.fromN(entry.revisionAfter().toString()));
        }
        item.put("status", AttributeValue.fromN(Integer.toString(entry.status())));
        item.put("outcome", AttributeValue.fromS(entry.outcome().name()));
        putIfSet(item, "requestId", entry.requestId());
        item.put("expiresAt", AttributeValue.fromN(Long.toString(
                entry.at().plus(AuditRetention.PERIOD).getEpochSecond())));
        return item;
    }

    static AuditRecord record(Map<String, AttributeValue> item) {
        AuditEntry entry = new AuditEntry(Instant.parse(item.get("at").s()),
                item.containsKey("tenant") ? TenantId.of(item.get("tenant").s()) : null,
                item.get("subject").s(),
                item.get("roles").l().stream().map(AttributeValue::s).toList(),
                text(item, "access"), item.get("method").s(), item.get("route").s(), text(item, "objectId"),
                number(item, "revisionBefore"), number(item, "revisionAfter"),
                Integer.parseInt(item.get("status").n()), text(item, "requestId"));
        return new AuditRecord(item.get("id").s(), entry);
    }

    private static void putIfSet(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static Long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : Long.valueOf(value.n());
    }
}
