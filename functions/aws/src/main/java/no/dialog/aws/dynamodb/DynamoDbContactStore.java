package no.dialog.aws.dynamodb;

import io.micronaut.context.annotation.Requires;
import static no.dialog.aws.dynamodb.ContactItems.HASH;
import static no.dialog.aws.dynamodb.ContactItems.ORD;
import static no.dialog.aws.dynamodb.ContactItems.PHONE_KEY;
import static no.dialog.aws.dynamodb.ContactItems.PK;
import static no.dialog.aws.dynamodb.ContactItems.n;
import static no.dialog.aws.dynamodb.ContactItems.s;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.ConsentWithdrawal;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.contact.WriteOutcome;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Contacts in DynamoDB (layout in {@link ContactItems}).
 *
 * <p>Two write paths (see docs/adr/0002-bulk-contact-writes.md):
 * <ul>
 *   <li>{@link #upsert} and {@link #delete}: one conditional PutItem ({@code ord < :ord}); the write
 *       itself refuses older data.</li>
 *   <li>{@link #upsertAll}, for imports: BatchGetItem reads what is stored (keys, ord, hash), rows that
 *       are not newer are skipped, and the rest go out with BatchWriteItem, 25 at a time and in
 *       parallel. Batch writes cannot carry conditions; the short window between read and write is
 *       closed by replaying change events (core's ChangeReplays).</li>
 * </ul>
 */
@Singleton
@Requires(property = "contacts.table")
public class DynamoDbContactStore implements ContactStore {

    private static final int BATCH_GET_LIMIT = 100;
    private static final int BATCH_WRITE_LIMIT = 25;
    private static final Duration TOMBSTONE_LIFETIME = Duration.ofDays(90);
    private static final int WITHDRAW_ATTEMPTS = 5;
    private static final String NEWER_ONLY = "attribute_not_exists(pk) OR ord < :ord";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;
    private final ContactItems items;
    private final ExecutorService parallel;

    public DynamoDbContactStore(DynamoDbClient dynamoDb, @Value("${contacts.table}") String table, Clock clock,
            @Value("${contacts.write-concurrency:16}") int concurrency) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
        this.items = new ContactItems(new ContactJson(clock), clock);
        this.parallel = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "contacts-batch");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Each slice of 100 contacts is one task on the pool: read its stored versions (one BatchGetItem), decide, write
     * (BatchWriteItem, 25 at a time). Slices run side by side, so one slice's writes overlap another's read and the
     * table is kept busy from as many threads as the pool has, as the emulator floor of the import benchmark does.
     */
    @Override
    public Map<String, WriteOutcome> upsertAll(TenantId tenant, List<Contact> contacts) {
        List<CompletableFuture<Map<String, WriteOutcome>>> slices = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i += BATCH_GET_LIMIT) {
            List<Contact> slice = contacts.subList(i, Math.min(i + BATCH_GET_LIMIT, contacts.size()));
            slices.add(CompletableFuture.supplyAsync(() -> upsertSlice(tenant, slice), parallel));
        }
        join(slices);
        Map<String, WriteOutcome> outcomes = new LinkedHashMap<>();
        for (var slice : slices) {
            outcomes.putAll(slice.join());
        }
        return outcomes;
    }

    private Map<String, WriteOutcome> upsertSlice(TenantId tenant, List<Contact> contacts) {
        Map<String, Map<String, AttributeValue>> stored = readStoredVersions(tenant, contacts);
        Map<String, WriteOutcome> outcomes = new LinkedHashMap<>();
        List<Map<String, AttributeValue>> writes = new ArrayList<>();
        for (Contact contact : contacts) {
            Map<String, AttributeValue> item = items.item(tenant, contact);
            Map<String, AttributeValue> old = stored.get(item.get(PK).s());
            WriteOutcome outcome = decide(old, item);
            outcomes.put(contact.id(), outcome);
            if (outcome != WriteOutcome.STALE
                    && !(outcome == WriteOutcome.UNCHANGED && sameOrd(old, item) && samePhoneKey(old, item))) {
                writes.add(item);
            }
        }
        for (int i = 0; i < writes.size(); i += BATCH_WRITE_LIMIT) {
            batchWrite(writes.subList(i, Math.min(i + BATCH_WRITE_LIMIT, writes.size())));
        }
        return outcomes;
    }

    /** What writing {@code item} over {@code old} amounts to (old is null when nothing is stored). */
    private static WriteOutcome decide(Map<String, AttributeValue> old, Map<String, AttributeValue> item) {
        if (old == null || ContactItems.isTombstone(old) && ContactItems.ord(old) < ContactItems.ord(item)) {
            return WriteOutcome.CREATED;
        }
        boolean sameContent = old.get(HASH).s().equals(item.get(HASH).s());
        if (ContactItems.ord(old) >= ContactItems.ord(item)) {
            return sameContent ? WriteOutcome.UNCHANGED : WriteOutcome.STALE;
        }
        // Newer but identical content still moves ord forward, so that a later, older event cannot win.
        return sameContent ? WriteOutcome.UNCHANGED : WriteOutcome.UPDATED;
    }

    private static boolean sameOrd(Map<String, AttributeValue> old, Map<String, AttributeValue> item) {
        return old != null && ContactItems.ord(old) == ContactItems.ord(item);
    }

    /**
     * Records written before the byPhone index existed lack phoneKey although their content is unchanged;
     * rewriting them on the next import puts them in the index (a backfill by import).
     */
    private static boolean samePhoneKey(Map<String, AttributeValue> old, Map<String, AttributeValue> item) {
        return java.util.Objects.equals(old.get(PHONE_KEY), item.get(PHONE_KEY));
    }

    /** The stored versions of up to 100 contacts (one BatchGetItem), by partition key. */
    private Map<String, Map<String, AttributeValue>> readStoredVersions(TenantId tenant, List<Contact> contacts) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Contact c : contacts) {
            keys.add(Map.of(PK, s(ContactItems.pk(tenant, c.id()))));
        }
        Map<String, Map<String, AttributeValue>> stored = new HashMap<>();
        for (Map<String, AttributeValue> item : batchGet(keys)) {
            stored.put(item.get(PK).s(), item);
        }
        return stored;
    }

    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        return batchGet(KeysAndAttributes.builder().keys(keys).projectionExpression("pk, ord, #h, deleted, phoneKey")
                .expressionAttributeNames(Map.of("#h", HASH)).build());
    }

    private List<Map<String, AttributeValue>> batchGet(KeysAndAttributes keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        Map<String, KeysAndAttributes> request = Map.of(table, keys);
        int attempt = 0;
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> current = request;
            BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(current));
            found.addAll(response.responses().getOrDefault(table, List.of()));
            request = response.unprocessedKeys();
            backoffIfNeeded(!request.isEmpty(), ++attempt);
        }
        return found;
    }

    private void batchWrite(List<Map<String, AttributeValue>> slice) {
        List<WriteRequest> requests = new ArrayList<>();
        for (Map<String, AttributeValue> item : slice) {
            requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        Map<String, List<WriteRequest>> pending = Map.of(table, requests);
        int attempt = 0;
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> current = pending;
            BatchWriteItemResponse response = dynamoDb.batchWriteItem(b -> b.requestItems(current));
            pending = response.unprocessedItems();
            backoffIfNeeded(!pending.isEmpty(), ++attempt);
        }
    }

    /** DynamoDB hands back unprocessed items under load; back off before asking again. */
    private static void backoffIfNeeded(boolean needed, int attempt) {
        if (!needed) {
            return;
        }
        if (attempt > 10) {
            throw new IllegalStateException("DynamoDB kept returning unprocessed items; the message will be retried");
        }
        try {
            Thread.sleep(Math.min(1000, 25L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }

    @Override
    public WriteOutcome upsert(TenantId tenant, Contact contact) {
        Map<String, AttributeValue> item = items.item(tenant, contact);
        return conditionalPut(item, old -> {
            if (old == null || ContactItems.isTombstone(old)) {
                return WriteOutcome.CREATED;
            }
            return old.get(HASH).s().equals(item.get(HASH).s()) ? WriteOutcome.UNCHANGED : WriteOutcome.UPDATED;
        }, old -> old.get(HASH).s().equals(item.get(HASH).s()) ? WriteOutcome.UNCHANGED : WriteOutcome.STALE);
    }

    @Override
    public WriteOutcome delete(TenantId tenant, String contactId, Instant updatedAt) {
        Map<String, AttributeValue> tombstone = items.tombstone(tenant, contactId, updatedAt,
                clock.instant().plus(TOMBSTONE_LIFETIME));
        return conditionalPut(tombstone, old -> WriteOutcome.DELETED, old -> WriteOutcome.STALE);
    }

    private WriteOutcome conditionalPut(Map<String, AttributeValue> item,
            java.util.function.Function<Map<String, AttributeValue>, WriteOutcome> written,
            java.util.function.Function<Map<String, AttributeValue>, WriteOutcome> refused) {
        try {
            PutItemResponse response = dynamoDb.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression(NEWER_ONLY)
                    .expressionAttributeValues(Map.of(":ord", item.get(ORD)))
                    .returnValues(ReturnValue.ALL_OLD)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return written.apply(response.hasAttributes() && !response.attributes().isEmpty() ? response.attributes() : null);
        } catch (ConditionalCheckFailedException e) {
            return refused.apply(e.item() == null ? Map.of(HASH, s("")) : e.item());
        }
    }

    @Override
    public Optional<Contact> find(TenantId tenant, String contactId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(PK, s(ContactItems.pk(tenant, contactId))))).item();
        if (item == null || item.isEmpty() || ContactItems.isTombstone(item)) {
            return Optional.empty();
        }
        return Optional.of(items.contact(item));
    }

    /**
     * Read, change the one consent, write back on condition that ord and hash are what was read (an
     * import or change event in between makes the write fail, and it is tried again on the new record).
     * ord stays the register's time, so the register's next change of the person still applies.
     */
    @Override
    public ConsentWithdrawal withdrawConsent(TenantId tenant, String contactId, Channel channel, Consent withdrawn) {
        if (withdrawn.granted()) {
            throw new IllegalArgumentException("a withdrawal must not grant consent");
        }
        for (int attempt = 1; attempt <= WITHDRAW_ATTEMPTS; attempt++) {
            Map<String, AttributeValue> old = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(Map.of(PK, s(ContactItems.pk(tenant, contactId))))).item();
            if (old == null || old.isEmpty() || ContactItems.isTombstone(old)) {
                return ConsentWithdrawal.NO_CONTACT;
            }
            Contact contact = items.contact(old);
            Consent current = contact.consents().get(channel);
            if (current != null && !current.granted() && !current.at().isBefore(withdrawn.at())) {
                return ConsentWithdrawal.ALREADY_WITHDRAWN;
            }
            Map<Channel, Consent> consents = new EnumMap<>(Channel.class);
            consents.putAll(contact.consents());
            consents.put(channel, withdrawn);
            Map<String, AttributeValue> item = items.item(tenant, withConsents(contact, consents));
            try {
                dynamoDb.putItem(b -> b.tableName(table).item(item)
                        .conditionExpression("ord = :ord AND #h = :hash")
                        .expressionAttributeNames(Map.of("#h", HASH))
                        .expressionAttributeValues(Map.of(":ord", old.get(ORD), ":hash", old.get(HASH))));
                return ConsentWithdrawal.WITHDRAWN;
            } catch (ConditionalCheckFailedException e) {
                // Changed between read and write: read again.
            }
        }
        throw new IllegalStateException("the contact kept changing while an opt-out was recorded; try again");
    }

    private static Contact withConsents(Contact c, Map<Channel, Consent> consents) {
        return new Contact(c.id(), c.updatedAt(), c.firstName(), c.lastName(), c.birthDate(), c.phone(), c.email(),
                c.address(), c.memberships(), c.donor(), c.events(), c.roles(), c.volunteerAreas(), consents,
                c.reservations(), c.attributes());
    }

    /**
     * BatchGetItem, 100 keys a call (consistent reads, as {@link #find}); keys DynamoDB hands back
     * unprocessed are asked for again with a backoff.
     */
    @Override
    public Map<String, Contact> findAll(TenantId tenant, java.util.Collection<String> contactIds) {
        List<String> ids = new ArrayList<>(new java.util.LinkedHashSet<>(contactIds));
        Map<String, Contact> found = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String id : ids.subList(i, Math.min(i + BATCH_GET_LIMIT, ids.size()))) {
                keys.add(Map.of(PK, s(ContactItems.pk(tenant, id))));
            }
            for (Map<String, AttributeValue> item : batchGet(KeysAndAttributes.builder().keys(keys)
                    .consistentRead(true).build())) {
                if (!ContactItems.isTombstone(item)) {
                    Contact contact = items.contact(item);
                    found.put(contact.id(), contact);
                }
            }
        }
        return found;
    }

    /**
     * Queries the sparse byPhone index (keys only, eventually consistent) and then reads the records it
     * names with consistent reads, keeping those whose phone still is this number: an index entry a moment
     * behind a change of number must not make someone else's reply count for this person.
     */
    @Override
    public List<String> findByPhone(TenantId tenant, String e164) {
        List<String> candidates = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var response = dynamoDb.query(b -> b.tableName(table).indexName(ContactItems.BY_PHONE)
                    .keyConditionExpression("#p = :p").expressionAttributeNames(Map.of("#p", PHONE_KEY))
                    .expressionAttributeValues(Map.of(":p", s(ContactItems.phoneKey(tenant, e164))))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> indexItem : response.items()) {
                candidates.add(ContactItems.contactIdOf(tenant, indexItem.get(PK).s()));
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        findAll(tenant, candidates).forEach((id, contact) -> {
            if (e164.equals(contact.phone())) {
                ids.add(id);
            }
        });
        ids.sort(null);
        return ids;
    }

    @Override
    public long count(TenantId tenant) {
        List<CompletableFuture<Long>> calls = new ArrayList<>();
        for (int shard = 0; shard < ContactItems.SHARDS; shard++) {
            String key = ContactItems.shardKey(tenant, shard);
            calls.add(CompletableFuture.supplyAsync(() -> countShard(key), parallel));
        }
        return calls.stream().mapToLong(CompletableFuture::join).sum();
    }

    private long countShard(String shardKey) {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var response = dynamoDb.query(b -> b.tableName(table).indexName("byTenantShard")
                    .keyConditionExpression("#shard = :s").expressionAttributeNames(Map.of("#shard", "shard"))
                    .expressionAttributeValues(Map.of(":s", s(shardKey)))
                    .select(Select.COUNT).exclusiveStartKey(from));
            count += response.count();
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    @Override
    public void forEach(TenantId tenant, java.util.function.Consumer<Contact> sink) {
        // Each shard is read by its own task (keys from the index, bodies by BatchGet); the sink is
        // called under one lock so callers need no thread-safety.
        Object lock = new Object();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int shard = 0; shard < ContactItems.SHARDS; shard++) {
            String key = ContactItems.shardKey(tenant, shard);
            calls.add(CompletableFuture.runAsync(() -> readShard(key, contacts -> {
                synchronized (lock) {
                    contacts.forEach(sink);
                }
            }), parallel));
        }
        join(calls);
    }

    private void readShard(String shardKey, java.util.function.Consumer<List<Contact>> page) {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var response = dynamoDb.query(b -> b.tableName(table).indexName("byTenantShard")
                    .keyConditionExpression("#shard = :s").expressionAttributeNames(Map.of("#shard", "shard"))
                    .expressionAttributeValues(Map.of(":s", s(shardKey))).limit(BATCH_GET_LIMIT)
                    .exclusiveStartKey(from));
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (Map<String, AttributeValue> indexItem : response.items()) {
                keys.add(Map.of(PK, indexItem.get(PK)));
            }
            if (!keys.isEmpty()) {
                List<Contact> contacts = new ArrayList<>();
                for (Map<String, AttributeValue> item : batchGetWhole(keys)) {
                    if (!ContactItems.isTombstone(item)) {
                        contacts.add(items.contact(item));
                    }
                }
                page.accept(contacts);
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
    }

    private List<Map<String, AttributeValue>> batchGetWhole(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
        int attempt = 0;
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> current = request;
            BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(current));
            found.addAll(response.responses().getOrDefault(table, List.of()));
            request = response.unprocessedKeys();
            backoffIfNeeded(!request.isEmpty(), ++attempt);
        }
        return found;
    }

    private static <T> void join(List<CompletableFuture<T>> calls) {
        try {
            CompletableFuture.allOf(calls.toArray(new CompletableFuture[0])).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    @PreDestroy
    public void close() {
        parallel.shutdownNow();
    }
}
