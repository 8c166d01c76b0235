package no.dialog.aws.dynamodb;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.segment.snapshot.ContactChangeFeed;
import no.dialog.core.segment.snapshot.SnapshotDelta;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The contacts written since a moment, from the contacts table's byChange index (ADR 0034): one range
 * query per shard ({@code changeShard = tenant#NN AND changed >= since}, keys only, in parallel), then
 * the items they name read with consistent reads ({@link ContactStore#findAll}, BatchGetItem). A key
 * whose item is no longer a living contact (a tombstone, an erasure) is a deletion. The index lags the
 * table by a moment in AWS (well under a second); callers read from a margin before their snapshot.
 */
@Singleton
@Requires(property = "contacts.table")
public class DynamoDbContactChanges implements ContactChangeFeed {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final ContactStore contacts;
    private final ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor();

    public DynamoDbContactChanges(DynamoDbClient dynamoDb, @Value("${contacts.table}") String table,
            ContactStore contacts) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.contacts = contacts;
    }

    @Override
    public Optional<SnapshotDelta> changedSince(TenantId tenant, Instant since, int limit) {
        AtomicInteger seen = new AtomicInteger();
        List<CompletableFuture<List<String>>> calls = new ArrayList<>();
        for (int shard = 0; shard < ContactItems.SHARDS; shard++) {
            String key = ContactItems.shardKey(tenant, shard);
            calls.add(CompletableFuture.supplyAsync(() -> changedIn(tenant, key, since, limit, seen), parallel));
        }
        Set<String> ids = new LinkedHashSet<>();
        for (CompletableFuture<List<String>> call : calls) {
            List<String> found = join(call);
            if (found == null) {
                return Optional.empty();
            }
            ids.addAll(found);
        }
        if (ids.size() > limit) {
            return Optional.empty();
        }
        Map<String, Contact> living = contacts.findAll(tenant, ids);
        SnapshotDelta.Builder delta = SnapshotDelta.builder();
        for (String id : ids) {
            Contact contact = living.get(id);
            if (contact == null) {
                delta.delete(id);
            } else {
                delta.upsert(contact);
            }
        }
        return Optional.of(delta.build());
    }

    /** The ids written in one shard since {@code since}, or null once all shards together passed the limit. */
    private List<String> changedIn(TenantId tenant, String shardKey, Instant since, int limit, AtomicInteger seen) {
        List<String> ids = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var response = dynamoDb.query(b -> b.tableName(table).indexName(ContactItems.BY_CHANGE)
                    .keyConditionExpression("#s = :s AND #c >= :since")
                    .expressionAttributeNames(Map.of("#s", ContactItems.CHANGE_SHARD, "#c", ContactItems.CHANGED))
                    .expressionAttributeValues(Map.of(":s", ContactItems.s(shardKey),
                            ":since", ContactItems.n(since.toEpochMilli())))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> indexItem : response.items()) {
                ids.add(ContactItems.contactIdOf(tenant, indexItem.get(ContactItems.PK).s()));
            }
            if (seen.addAndGet(response.items().size()) > limit) {
                return null;
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return ids;
    }

    private static <T> T join(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
