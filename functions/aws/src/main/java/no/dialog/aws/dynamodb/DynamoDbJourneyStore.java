package no.dialog.aws.dynamodb;

import io.micronaut.context.annotation.Requires;
import static no.dialog.aws.dynamodb.DefinitionKeys.JOURNEY;
import static no.dialog.aws.dynamodb.DefinitionKeys.SK;
import static no.dialog.aws.dynamodb.DefinitionKeys.key;
import static no.dialog.aws.dynamodb.DefinitionKeys.n;
import static no.dialog.aws.dynamodb.DefinitionKeys.s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;
import no.dialog.core.journey.JourneyConflict;
import no.dialog.core.journey.JourneyDefinition;
import no.dialog.core.journey.JourneyDefinitions;
import no.dialog.core.journey.JourneyEvent;
import no.dialog.core.journey.JourneyHead;
import no.dialog.core.journey.JourneyLifecycle;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.journey.JourneyStore;
import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Journeys in the definitions table, partition {@code <tenant>#journey}:
 * <ul>
 *   <li>{@code <id>#head}: journeyId, tenant, name, status, latestVersion, activeVersion, updatedAt,
 *       revision, and winners (a map from version number to the declared winning arm) once one is;</li>
 *   <li>{@code <id>#v000001} ...: journeyId, version, definition (the JSON as a string), writtenAt;</li>
 *   <li>{@code <id>#history#<at>#v000001}: one entry of the journey's history (journeyId, kind, version,
 *       arm, reason, at), written once and never changed.</li>
 * </ul>
 * The rules are core's {@link JourneyLifecycle}; this class only makes each write atomic and
 * conditional. Where a version and the head both change they go in one TransactWriteItems whose head
 * put is conditional on the revision read, so a lost race leaves nothing behind.
 *
 * <p>{@link #list} and {@link #page} read the partition (versions too) and keep the heads: fine for the tens
 * of journeys a tenant has; a sparse index would be the next step if versions pile up.
 */
@Singleton
@Requires(property = "definitions.table")
public class DynamoDbJourneyStore implements JourneyStore {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** No '#': it separates the id from the item kind in the sort key. */
    private static final Pattern JOURNEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String HEAD_SUFFIX = "#head";
    private static final String HISTORY = "#history#";
    /** Attempts of a winner declaration that lost a race with an edit (it needs no revision from its caller). */
    private static final int WINNER_ATTEMPTS = 3;
    private static final String SAME_REVISION = "revision = :expected";
    private static final String ABSENT = "attribute_not_exists(pk)";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbJourneyStore(DynamoDbClient dynamoDb, @Value("${definitions.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<JourneyHead> head(TenantId tenant, String journeyId) {
        checkId(journeyId);
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(tenant, JOURNEY, headKey(journeyId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(head(item));
    }

    @Override
    public List<JourneyHead> list(TenantId tenant) {
        return DefinitionKeys.queryAll(dynamoDb, table, tenant, JOURNEY,
                item -> item.get(SK).s().endsWith(HEAD_SUFFIX) ? head(item) : null);
    }

    /** The heads of one page; its last key is a head's sort key ({@code <id>#head}), where the next page starts. */
    @Override
    public Page<JourneyHead> page(TenantId tenant, PageRequest request) {
        return DefinitionKeys.queryPage(dynamoDb, table, tenant, JOURNEY,
                item -> item.get(SK).s().endsWith(HEAD_SUFFIX) ? head(item) : null, request);
    }

    @Override
    public Optional<JsonNode> version(TenantId tenant, String journeyId, int version) {
        checkId(journeyId);
        if (version < 1) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(tenant, JOURNEY, versionKey(journeyId, version)))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readTree(item.get("definition").s()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("journey " + journeyId + " version " + version + " is unreadable", e);
        }
    }

    @Override
    public JourneyHead create(TenantId tenant, String journeyId, String name, JsonNode definition, Instant now) {
        checkId(journeyId);
        JourneyHead head = JourneyLifecycle.created(journeyId, name, now);
        try {
            transact(put(headItem(tenant, head), ABSENT, Map.of()),
                    put(versionItem(tenant, journeyId, 1, definition, now), ABSENT, Map.of()));
        } catch (TransactionCanceledException e) {
            if (hasReason(e, "ConditionalCheckFailed")) {
                throw new JourneyConflict(JourneyConflict.Kind.ALREADY_EXISTS, "journey " + journeyId + " already exists");
            }
            throw concurrent(journeyId);
        }
        return head;
    }

    @Override
    public JourneyHead update(TenantId tenant, String journeyId, long expectedRevision, String name,
                              JsonNode definition, Instant now) {
        JourneyHead current = current(tenant, journeyId, expectedRevision);
        JourneyLifecycle.Edit edit = JourneyLifecycle.edit(current, name, now);
        try {
            // A new version must not exist yet; a draft's version is replaced, guarded by the head's revision.
            transact(put(headItem(tenant, edit.head()), SAME_REVISION, expected(expectedRevision)),
                    put(versionItem(tenant, journeyId, edit.writtenVersion(), definition, now),
                            edit.newVersion() ? ABSENT : null, Map.of()));
        } catch (TransactionCanceledException e) {
            throw stale(journeyId, expectedRevision);
        }
        return edit.head();
    }

    @Override
    public JourneyHead changeStatus(TenantId tenant, String journeyId, long expectedRevision, JourneyStatus to,
                                    Instant now) {
        JourneyHead current = current(tenant, journeyId, expectedRevision);
        JourneyHead next = JourneyLifecycle.changeStatus(current, to, now);
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(headItem(tenant, next))
                    .conditionExpression(SAME_REVISION).expressionAttributeValues(expected(expectedRevision)));
        } catch (ConditionalCheckFailedException e) {
            throw stale(journeyId, expectedRevision);
        }
        return next;
    }

    @Override
    public JourneyHead declareWinner(TenantId tenant, String journeyId, int version, String arm, String reason,
                                     Instant at) {
        checkId(journeyId);
        if (reason == null || reason.isBlank() || reason.length() > JourneyEvent.MAX_REASON) {
            throw new IllegalArgumentException("a reason is 1-" + JourneyEvent.MAX_REASON + " characters");
        }
        if (arm == null || arm.isBlank()) {
            throw new IllegalArgumentException("an arm is required");
        }
        JourneyDefinition definition = version(tenant, journeyId, version)
                .map(json -> {
                    JourneyDefinitions.Parsed parsed = JourneyDefinitions.parse(json);
                    if (!parsed.ok()) {
                        throw new IllegalStateException("journey " + journeyId + " version " + version
                                + " is not a valid definition");
                    }
                    return parsed.definition();
                })
                .orElseThrow(() -> new NoSuchElementException("no such journey version: " + journeyId + " v" + version));
        for (int attempt = 1; ; attempt++) {
            JourneyHead current = head(tenant, journeyId)
                    .orElseThrow(() -> new NoSuchElementException("no such journey: " + journeyId));
            JourneyHead next = JourneyLifecycle.declareWinner(current, version, definition, arm, at);
            if (next == current) {
                return current;
            }
            JourneyEvent event = new JourneyEvent(at, JourneyEvent.WINNER_DECLARED, version, arm, reason);
            try {
                transact(put(headItem(tenant, next), SAME_REVISION, expected(current.revision())),
                        put(historyItem(tenant, journeyId, event), ABSENT, Map.of()));
                return next;
            } catch (TransactionCanceledException e) {
                if (attempt >= WINNER_ATTEMPTS) {
                    throw concurrent(journeyId);
                }
            }
        }
    }

    @Override
    public List<JourneyEvent> history(TenantId tenant, String journeyId) {
        checkId(journeyId);
        List<JourneyEvent> events = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var response = dynamoDb.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(DefinitionKeys.pk(tenant, JOURNEY)),
                            ":prefix", s(journeyId + HISTORY)))
                    .exclusiveStartKey(from));
            response.items().forEach(item -> events.add(new JourneyEvent(Instant.parse(item.get("at").s()),
                    item.get("kind").s(), Integer.parseInt(item.get("version").n()), item.get("arm").s(),
                    item.get("reason").s())));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return events;
    }

    /** The stored head, refused early when its revision is not the expected one (the write checks again). */
    private JourneyHead current(TenantId tenant, String journeyId, long expectedRevision) {
        JourneyHead head = head(tenant, journeyId)
                .orElseThrow(() -> new NoSuchElementException("no such journey: " + journeyId));
        if (head.revision() != expectedRevision) {
            throw stale(journeyId, expectedRevision);
        }
        return head;
    }

    private void transact(TransactWriteItem... items) {
        dynamoDb.transactWriteItems(b -> b.transactItems(items));
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition,
                                  Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (condition != null) {
            put.conditionExpression(condition);
            if (!values.isEmpty()) {
                put.expressionAttributeValues(values);
            }
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private static Map<String, AttributeValue> expected(long revision) {
        return Map.of(":expected", n(revision));
    }

    private static boolean hasReason(TransactionCanceledException e, String code) {
        if (!e.hasCancellationReasons()) {
            return false;
        }
        for (CancellationReason reason : e.cancellationReasons()) {
            if (code.equals(reason.code())) {
                return true;
            }
        }
        return false;
    }

    private static JourneyConflict stale(String journeyId, long expectedRevision) {
        return new JourneyConflict(JourneyConflict.Kind.STALE_REVISION, "journey " + journeyId
                + " was changed by someone else since revision " + expectedRevision + "; read it again");
    }

    private static JourneyConflict concurrent(String journeyId) {
        return new JourneyConflict(JourneyConflict.Kind.STALE_REVISION,
                "another write to journey " + journeyId + " was in progress; read it again");
    }

    private static Map<String, AttributeValue> headItem(TenantId tenant, JourneyHead head) {
        Map<String, AttributeValue> item = new HashMap<>(key(tenant, JOURNEY, headKey(head.journeyId())));
        item.put("journeyId", s(head.journeyId()));
        item.put("tenant", s(tenant.value()));
        item.put("name", s(head.name()));
        item.put("status", s(head.status().name()));
        item.put("latestVersion", n(head.latestVersion()));
        item.put("activeVersion", n(head.activeVersion()));
        item.put("updatedAt", s(head.updatedAt().toString()));
        item.put("revision", n(head.revision()));
        if (!head.winners().isEmpty()) {
            Map<String, AttributeValue> winners = new HashMap<>();
            head.winners().forEach((version, arm) -> winners.put(Integer.toString(version), s(arm)));
            item.put("winners", AttributeValue.fromM(winners));
        }
        return item;
    }

    /** Sorted by time (ISO-8601 instants of one format sort as text), then version. */
    private static Map<String, AttributeValue> historyItem(TenantId tenant, String journeyId, JourneyEvent event) {
        Map<String, AttributeValue> item = new HashMap<>(key(tenant, JOURNEY,
                journeyId + HISTORY + event.at() + "#" + versionKey("", event.version()).substring(1)));
        item.put("journeyId", s(journeyId));
        item.put("kind", s(event.kind()));
        item.put("version", n(event.version()));
        item.put("arm", s(event.arm()));
        item.put("reason", s(event.reason()));
        item.put("at", s(event.at().toString()));
        return item;
    }

    private static Map<String, AttributeValue> versionItem(TenantId tenant, String journeyId, int version,
                                                           JsonNode definition, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(tenant, JOURNEY, versionKey(journeyId, version)));
        item.put("journeyId", s(journeyId));
        item.put("version", n(version));
        item.put("definition", s(definition.toString()));
        item.put("writtenAt", s(now.toString()));
        return item;
    }

    private static JourneyHead head(Map<String, AttributeValue> item) {
        Map<Integer, String> winners = new HashMap<>();
        AttributeValue stored = item.get("winners");
        if (stored != null && stored.hasM()) {
            stored.m().forEach((version, arm) -> winners.put(Integer.parseInt(version), arm.s()));
        }
        return new JourneyHead(item.get("journeyId").s(), item.get("name").s(),
                JourneyStatus.valueOf(item.get("status").s()),
                Integer.parseInt(item.get("latestVersion").n()), Integer.parseInt(item.get("activeVersion").n()),
                Instant.parse(item.get("updatedAt").s()), Long.parseLong(item.get("revision").n()), winners);
    }

    static String headKey(String journeyId) {
        return journeyId + HEAD_SUFFIX;
    }

    static String versionKey(String journeyId, int version) {
        return String.format("%s#v%06d", journeyId, version);
    }

    private static void checkId(String journeyId) {
        if (journeyId == null || !JOURNEY_ID.matcher(journeyId).matches()) {
            throw new IllegalArgumentException("a journey id is 1-64 letters, digits or . _ - (starting with a letter or digit)");
        }
    }
}
