package no.dialog.aws.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.contact.WriteOutcome;
import no.dialog.core.sync.ImportFile;
import no.dialog.core.sync.ImportProgress;
import no.dialog.core.sync.ImportProgressStore;
import no.dialog.core.sync.ImportStatus;
import no.dialog.core.sync.RowError;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Import checkpoints in the imports table ({@code pk = import#<importId>}), kept 90 days (TTL).
 * A save only goes through while the import runs and does not move the checkpoint backwards, so two
 * invocations of one import (a redelivery racing its continuation) cannot undo each other.
 */
@Singleton
@Requires(property = "imports.table")
public class DynamoDbImportProgressStore implements ImportProgressStore {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration KEEP = Duration.ofDays(90);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public DynamoDbImportProgressStore(DynamoDbClient dynamoDb, @Value("${imports.table}") String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Optional<ImportProgress> load(String importId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("import#" + importId)))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        ImportFile file = new ImportFile(s(item, "bucket"), s(item, "key"), s(item, "eTag"), s(item, "sequencer"));
        Map<WriteOutcome, Long> outcomes = new EnumMap<>(WriteOutcome.class);
        outcomes.put(WriteOutcome.CREATED, n(item, "created"));
        outcomes.put(WriteOutcome.UPDATED, n(item, "updated"));
        outcomes.put(WriteOutcome.UNCHANGED, n(item, "unchanged"));
        outcomes.put(WriteOutcome.STALE, n(item, "stale"));
        List<RowError> errors;
        try {
            errors = MAPPER.readValue(s(item, "errors"), new TypeReference<List<RowError>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an import checkpoint no longer reads", e);
        }
        String finished = item.containsKey("finishedAt") ? s(item, "finishedAt") : null;
        return Optional.of(ImportProgress.restore(file, Instant.parse(s(item, "startedAt")),
                ImportStatus.valueOf(s(item, "status")), n(item, "offset"), n(item, "lines"), outcomes,
                n(item, "rejected"), errors, finished == null ? null : Instant.parse(finished),
                item.containsKey("reason") ? s(item, "reason") : null));
    }

    @Override
    public boolean save(ImportProgress p) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("import#" + p.importId()));
        item.put("bucket", AttributeValue.fromS(p.file().bucket()));
        item.put("key", AttributeValue.fromS(p.file().key()));
        item.put("eTag", AttributeValue.fromS(p.file().eTag()));
        item.put("sequencer", AttributeValue.fromS(p.file().sequencer()));
        item.put("status", AttributeValue.fromS(p.status().name()));
        item.put("offset", num(p.offset()));
        item.put("lines", num(p.lines()));
        item.put("created", num(p.created()));
        item.put("updated", num(p.updated()));
        item.put("unchanged", num(p.unchanged()));
        item.put("stale", num(p.stale()));
        item.put("rejected", num(p.rejected()));
        item.put("startedAt", AttributeValue.fromS(p.startedAt().toString()));
        if (p.finishedAt() != null) {
            item.put("finishedAt", AttributeValue.fromS(p.finishedAt().toString()));
        }
        if (p.reason() != null) {
            item.put("reason", AttributeValue.fromS(p.reason()));
        }
        try {
            item.put("errors", AttributeValue.fromS(MAPPER.writeValueAsString(p.errors())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        item.put("expiresAt", num(clock.instant().plus(KEEP).getEpochSecond()));
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR (#status = :running AND #offset <= :offset)")
                    .expressionAttributeNames(Map.of("#status", "status", "#offset", "offset"))
                    .expressionAttributeValues(Map.of(":running", AttributeValue.fromS(ImportStatus.RUNNING.name()),
                            ":offset", num(p.offset()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static AttributeValue num(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        return item.get(name).s();
    }

    private static long n(Map<String, AttributeValue> item, String name) {
        return Long.parseLong(item.get(name).n());
    }
}
