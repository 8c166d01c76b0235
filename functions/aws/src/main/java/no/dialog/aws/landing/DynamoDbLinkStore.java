package no.dialog.aws.landing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.dialog.core.landing.LinkBinding;
import no.dialog.core.landing.LinkStore;
import no.dialog.core.landing.StoredLink;
import no.dialog.core.privacy.RetentionKind;
import no.dialog.core.privacy.RetentionPeriods;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * {@link LinkStore} in the landing links table ({@code LANDING_LINKS_TABLE}): one item per link,
 * {@code pk = link#<linkId>}, with the binding, the key version, the ids of the submissions made
 * (a string set) and each submission's sealed values ({@code sealed:<submissionId>}, a map). Items expire
 * ({@code ttl}) the organisation's {@link RetentionKind#LANDING_LINK_AFTER_EXPIRY} period (90 days unless it
 * chose shorter) after the link does, so a late visitor still gets "expired" rather than "unknown" for a while.
 */
@Singleton
@Requires(property = "landing.links.table")
public class DynamoDbLinkStore implements LinkStore {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final RetentionPeriods retention;

    @Inject
    public DynamoDbLinkStore(DynamoDbClient dynamoDb, @Value("${landing.links.table}") String table,
            @Nullable RetentionPeriods retention) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.retention = retention == null ? RetentionPeriods.DEFAULTS : retention;
    }

    /** With Dialog's default retention, for tools and tests. */
    public DynamoDbLinkStore(DynamoDbClient dynamoDb, String table) {
        this(dynamoDb, table, null);
    }

    @Override
    public boolean create(StoredLink link) {
        LinkBinding b = link.binding();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("link#" + link.linkId()));
        item.put("tenant", s(b.tenant().value()));
        item.put("journeyId", s(b.journeyId()));
        item.put("version", n(b.version()));
        item.put("stepId", s(b.stepId()));
        item.put("enrolmentId", s(b.enrolmentId()));
        item.put("contactId", s(b.contactId()));
        // The byContact index finds a person's links when they are erased.
        item.put("contactKey", s(b.tenant().value() + "#" + b.contactId()));
        item.put("language", s(b.language()));
        item.put("expiresAt", n(b.expiresAt().getEpochSecond()));
        item.put("keyVersion", n(link.keyVersion()));
        Duration kept = retention.period(b.tenant(), RetentionKind.LANDING_LINK_AFTER_EXPIRY);
        item.put("ttl", n(b.expiresAt().plus(kept).getEpochSecond()));
        try {
            dynamoDb.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<StoredLink> find(String linkId) {
        GetItemResponse response = dynamoDb.getItem(r -> r.tableName(table).key(Map.of("pk", s("link#" + linkId)))
                .consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        LinkBinding binding = new LinkBinding(TenantId.of(item.get("tenant").s()), item.get("journeyId").s(),
                Integer.parseInt(item.get("version").n()), item.get("stepId").s(), item.get("enrolmentId").s(),
                item.get("contactId").s(), item.get("language").s(),
                Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n())));
        Set<String> submissions = item.containsKey("submissions") ? Set.copyOf(item.get("submissions").ss()) : Set.of();
        Instant firstUsed = item.containsKey("firstUsedAt") ? Instant.parse(item.get("firstUsedAt").s()) : null;
        return Optional.of(new StoredLink(linkId, Integer.parseInt(item.get("keyVersion").n()), binding, submissions,
                firstUsed));
    }

    @Override
    public boolean recordSubmission(String linkId, String submissionId, Instant at, Map<String, String> sealed) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":s", AttributeValue.fromSs(java.util.List.of(submissionId)));
        values.put(":sid", s(submissionId));
        values.put(":at", s(at.toString()));
        StringBuilder update = new StringBuilder("ADD submissions :s SET firstUsedAt = if_not_exists(firstUsedAt, :at)");
        Map<String, String> names = new HashMap<>();
        if (!sealed.isEmpty()) {
            Map<String, AttributeValue> map = new HashMap<>();
            sealed.forEach((question, value) -> map.put(question, s(value)));
            names.put("#sub", "sealed:" + submissionId);
            values.put(":sealed", AttributeValue.fromM(map));
            update.append(", #sub = :sealed");
        }
        try {
            dynamoDb.updateItem(r -> {
                r.tableName(table).key(Map.of("pk", s("link#" + linkId))).updateExpression(update.toString())
                        .conditionExpression("attribute_exists(pk) AND NOT contains(submissions, :sid)")
                        .expressionAttributeValues(values);
                if (!names.isEmpty()) {
                    r.expressionAttributeNames(names);
                }
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean claimOnce(String linkId, String submissionId) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(Map.of("pk", s("link#" + linkId)))
                    .updateExpression("SET claimedBy = :sid")
                    .conditionExpression("attribute_exists(pk)"
                            + " AND (attribute_not_exists(claimedBy) OR claimedBy = :sid)"
                            + " AND (attribute_not_exists(submissions) OR contains(submissions, :sid))")
                    .expressionAttributeValues(Map.of(":sid", s(submissionId))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
