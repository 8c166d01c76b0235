package no.dialog.aws.dynamodb;

import static no.dialog.aws.dynamodb.EnrolmentItems.BODY;
import static no.dialog.aws.dynamodb.EnrolmentItems.SENT;
import static no.dialog.aws.dynamodb.EnrolmentItems.s;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.dialog.core.enrolment.JourneyCatalog;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.JourneyHead;
import no.dialog.core.journey.JourneyStore;
import no.dialog.core.journey.JourneyVersion;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.journey.Step;
import no.dialog.core.payment.match.CampaignJourney;
import no.dialog.core.payment.match.MatchEvidence;
import no.dialog.core.payment.match.PaymentCampaigns;
import no.dialog.core.payment.match.RecentSend;
import no.dialog.core.send.SendState;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link MatchEvidence} from what Dialog stores anyway: the enrolments table says which send steps each
 * enrolment of a person handed on ({@code sent}) and how often each step was entered ({@code visits} in
 * the body), which together give the idempotency keys of those messages
 * ({@code <tenant>:<enrolmentId>:<stepId>:<visit>}, plus {@code :<channel>} for a step's fallback); the
 * send ledger, read by those keys, says when each was sent ({@code createdAt}), on which channel, and
 * whether it went out. Journeys come from the definitions table.
 *
 * <p>Why these two tables: they are the only ones that know a message's time per person. The cost is
 * one query of the person's partition (enrolments only, {@code e#}) per payer contact and one
 * {@code BatchGetItem} per 100 keys: a payer has one to three contacts and a few dozen messages. The
 * alternatives: the frequency cap's {@code cap#<channel>} items in the same partition have the times but
 * forget sends older than the cap's window (7 days by default) when the next send comes, while the
 * matcher looks back 30 days; the enrolment alone has no send times; the send ledger has no index by
 * person (a scan); run files hold letters only and have no index by person. The ledger keeps items 90
 * days, well beyond the matcher's window. Letters are in the ledger too (sent when staged in a run).
 *
 * <p>Needs {@code ENROLMENTS_TABLE}, {@code SEND_LEDGER_TABLE} and {@code DEFINITIONS_TABLE} (read only);
 * a bean only where payments are ({@code PAYMENTS_TABLE}).
 */
@Singleton
@Requires(property = "enrolments.table")
@Requires(property = "send.ledger.table")
@Requires(beans = JourneyStore.class)
@Requires(property = "payments.table")
public class DynamoDbMatchEvidence implements MatchEvidence {

    /** BatchGetItem's limit. */
    private static final int BATCH = 100;
    /** Unprocessed keys are asked for again this often before the read fails (and staff retry). */
    private static final int ATTEMPTS = 5;
    /** A message that may have reached the person: sent, or the provider's answer was lost. */
    private static final Set<String> REACHED = Set.of(SendState.SENT.name(), SendState.UNCONFIRMED.name());

    private final DynamoDbClient dynamoDb;
    private final String enrolmentsTable;
    private final String ledgerTable;
    private final JourneyStore journeys;
    private final JourneyCatalog catalog;

    public DynamoDbMatchEvidence(DynamoDbClient dynamoDb, @Value("${enrolments.table}") String enrolmentsTable,
                                 @Value("${send.ledger.table}") String ledgerTable, JourneyStore journeys,
                                 JourneyCatalog catalog) {
        this.dynamoDb = dynamoDb;
        this.enrolmentsTable = enrolmentsTable;
        this.ledgerTable = ledgerTable;
        this.journeys = journeys;
        this.catalog = catalog;
    }

    /** A message that may have been sent: its key and what the enrolment and journey say about it. */
    private record Candidate(String journeyId, String contactId, List<Long> askedAmountsOre) {}

    @Override
    public List<RecentSend> sendsTo(TenantId tenant, Collection<String> contactIds, Instant from, Instant until) {
        Map<String, Candidate> byKey = new LinkedHashMap<>();
        for (String contactId : contactIds) {
            for (Map<String, AttributeValue> item : enrolmentItems(tenant, contactId)) {
                Enrolment enrolment = EnrolmentItems.enrolment(item);
                if (enrolment.enrolledAt() != null && enrolment.enrolledAt().isAfter(until)) {
                    continue;
                }
                AttributeValue sent = item.get(SENT);
                if (sent == null || !sent.hasSs()) {
                    continue;
                }
                Optional<JourneyVersion> version = catalog.version(tenant, enrolment.journeyId(), enrolment.version());
                for (String stepId : sent.ss()) {
                    addKeys(tenant, enrolment, stepId, version, byKey);
                }
            }
        }
        List<RecentSend> sends = new ArrayList<>();
        List<String> keys = new ArrayList<>(byKey.keySet());
        for (int start = 0; start < keys.size(); start += BATCH) {
            for (Map<String, AttributeValue> entry : ledgerEntries(keys.subList(start, Math.min(keys.size(), start + BATCH)))) {
                Candidate candidate = byKey.get(entry.get("pk").s());
                Optional<RecentSend> send = reached(tenant, candidate, entry, from, until);
                send.ifPresent(sends::add);
            }
        }
        return sends;
    }

    /** The keys of every time the step was entered, and of its fallback if it has one. */
    private static void addKeys(TenantId tenant, Enrolment enrolment, String stepId, Optional<JourneyVersion> version,
                                Map<String, Candidate> byKey) {
        Step step = version.map(v -> v.definition().steps().get(stepId)).orElse(null);
        Candidate candidate = new Candidate(enrolment.journeyId(), enrolment.contactId(),
                PaymentCampaigns.askedAmountsOre(step));
        SendChannel fallback = step instanceof Step.Send send ? send.fallback() : null;
        int visits = Math.max(1, enrolment.visits().getOrDefault(stepId, 1));
        for (int visit = 1; visit <= visits; visit++) {
            String key = tenant.value() + ":" + enrolment.enrolmentId() + ":" + stepId + ":" + visit;
            byKey.put(key, candidate);
            if (fallback != null) {
                byKey.put(key + ":" + fallback.jsonName(), candidate);
            }
        }
    }

    private static Optional<RecentSend> reached(TenantId tenant, Candidate candidate, Map<String, AttributeValue> entry,
                                                Instant from, Instant until) {
        if (candidate == null || !tenant.value().equals(text(entry, "tenant"))
                || !REACHED.contains(text(entry, "state")) || text(entry, "createdAt") == null) {
            return Optional.empty();
        }
        Instant at = Instant.parse(text(entry, "createdAt"));
        Optional<SendChannel> channel = Optional.ofNullable(text(entry, "channel")).flatMap(SendChannel::fromJsonName);
        if (at.isBefore(from) || at.isAfter(until) || channel.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RecentSend(candidate.journeyId(), candidate.contactId(), channel.get(), at,
                candidate.askedAmountsOre()));
    }

    /** The person's enrolment items (not the cap items beside them), body and sent steps only. */
    private List<Map<String, AttributeValue>> enrolmentItems(TenantId tenant, String contactId) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(b -> b.tableName(enrolmentsTable)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(EnrolmentItems.personPk(tenant, contactId)),
                            ":prefix", s("e#")))
                    .projectionExpression("#body, #sent")
                    .expressionAttributeNames(Map.of("#body", BODY, "#sent", SENT))
                    .exclusiveStartKey(from));
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    /** The ledger items of up to 100 keys (missing keys are simply absent). */
    private List<Map<String, AttributeValue>> ledgerEntries(List<String> keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        Map<String, KeysAndAttributes> request = Map.of(ledgerTable, KeysAndAttributes.builder()
                .keys(keys.stream().map(k -> Map.of("pk", s(k))).toList())
                .projectionExpression("pk, tenant, channel, #state, createdAt")
                .expressionAttributeNames(Map.of("#state", "state")).build());
        for (int attempt = 0; attempt < ATTEMPTS && !request.isEmpty(); attempt++) {
            Map<String, KeysAndAttributes> asked = request;
            BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(asked));
            found.addAll(response.responses().getOrDefault(ledgerTable, List.of()));
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        if (!request.isEmpty()) {
            throw new IllegalStateException("the send ledger stayed throttled; the evidence could not be read");
        }
        return found;
    }

    @Override
    public List<CampaignJourney> campaigns(TenantId tenant) {
        List<CampaignJourney> campaigns = new ArrayList<>();
        for (JourneyHead head : journeys.list(tenant)) {
            if (head.activeVersion() < 1) {
                continue;
            }
            Optional<JourneyVersion> active = catalog.version(tenant, head.journeyId(), head.activeVersion());
            if (active.isPresent() && PaymentCampaigns.isCampaign(head.status(), active.get().definition())) {
                campaigns.add(new CampaignJourney(head.journeyId(), head.name(), List.of()));
            }
        }
        return campaigns;
    }

    @Override
    public Optional<CampaignJourney> journey(TenantId tenant, String journeyId) {
        return journeys.head(tenant, journeyId).map(head -> new CampaignJourney(head.journeyId(), head.name(), List.of()));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
