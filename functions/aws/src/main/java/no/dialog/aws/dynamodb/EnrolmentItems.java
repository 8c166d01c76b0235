package no.dialog.aws.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.enrolment.EnrolmentIds;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.EnrolmentState;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The layout of the enrolments table (one table for a journey's running state).
 *
 * <pre>
 * pk                          sk                         what
 * tenant#contactId            e#journeyId#000001         an enrolment: body (JSON), rev, state, and while
 *                                                        not done dueShard + dueAt (the byDue index);
 *                                                        pending (JSON) while sends await their queue;
 *                                                        journeyKey (tenant#journeyId#NN) + contactId + hist
 *                                                        (its behaviour summary) + sent (string set of the
 *                                                        send steps handed on) for the byJourney index
 *                                                        once done, expiresAt (TTL: RetentionKind.ENDED_ENROLMENT)
 * tenant#contactId            cap#sms                    the frequency cap's recent sends per channel,
 *                                                        expiresAt (TTL) when the newest leaves the window
 * tenant#results#journeyId#NN v000001#step#variant#ch#day result counters, in 32 partitions (NN) per journey
 * tenant#journey#journeyId#NN entries | seen#key         enrolment cap count and once-only event markers, in
 *                                                        16 partitions (NN) per journey
 * tenant#journey#journeyId    run#runId                  once-only markers of campaign and recurring runs
 * </pre>
 *
 * An enrolment's items live in the person's partition, so "all of this person's journeys" (for signals
 * and behaviour segments) is one query. The due index is sharded by a hash of the enrolment id across
 * {@link #DUE_SHARDS} partitions, so a million waits ending in the same minute are read in parallel
 * without a hot partition.
 *
 * <p>The byJourney index (pk {@code journeyKey}, sk {@code contactId}, projecting {@code hist} and
 * {@code sent}) lists every enrolment of one journey with what behaviour segments ask about, so the
 * histories of a whole tenant in the journeys a segment names are a few paged queries (ADR 0007). Every
 * enrolment write of a journey writes this index, so its key is spread over {@link #JOURNEY_SHARDS} shards by
 * the contact id ({@code tenant#journeyId#00} to {@code #31}), and a journey is read shard by shard (ADR 0035).
 * {@code sent} is added to (never rewritten) when a commit hands sends on, so it holds exactly the
 * steps that passed the frequency cap and had a sender; {@code hist} is rewritten from the enrolment
 * on every write.
 */
final class EnrolmentItems {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String REV = "rev";
    static final String BODY = "body";
    static final String PENDING = "pending";
    static final String DUE_SHARD = "dueShard";
    static final String DUE_AT = "dueAt";
    static final String BY_DUE = "byDue";
    static final String JOURNEY_KEY = "journeyKey";
    static final String CONTACT_ID = "contactId";
    static final String HIST = "hist";
    static final String SENT = "sent";
    /** DynamoDB's TTL attribute of the table (epoch seconds). */
    static final String EXPIRES_AT = "expiresAt";
    static final String BY_JOURNEY = "byJourney";
    static final int DUE_SHARDS = 32;
    static final int RESULT_SHARDS = 32;
    static final int ENTRY_SHARDS = 16;
    static final int JOURNEY_SHARDS = 32;

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EnrolmentItems() {}

    static String personPk(TenantId tenant, String contactId) {
        return tenant.value() + "#" + contactId;
    }

    /**
     * The byJourney index key of a person's enrolments in a journey: {@code tenant#journeyId#NN}, the shard fixed by
     * the contact id, so every enrolment write of a journey does not land on one index partition (ADR 0035).
     */
    static String journeyKey(TenantId tenant, String journeyId, String contactId) {
        return KeyShards.key(tenant.value() + "#" + journeyId, KeyShards.of(contactId, JOURNEY_SHARDS), JOURNEY_SHARDS);
    }

    /** Every byJourney index key of a journey, one per shard. */
    static List<String> journeyKeys(TenantId tenant, String journeyId) {
        List<String> keys = new java.util.ArrayList<>(JOURNEY_SHARDS);
        for (int shard = 0; shard < JOURNEY_SHARDS; shard++) {
            keys.add(KeyShards.key(tenant.value() + "#" + journeyId, shard, JOURNEY_SHARDS));
        }
        return keys;
    }

    static String enrolmentSk(String enrolmentId) {
        String journeyId = journeyOf(enrolmentId);
        return String.format("e#%s#%06d", journeyId, EnrolmentIds.entryOf(enrolmentId));
    }

    static String journeyPrefix(String journeyId) {
        return "e#" + journeyId + "#";
    }

    static String journeyOf(String enrolmentId) {
        int hashStart = enrolmentId.lastIndexOf('-');
        int entryStart = enrolmentId.lastIndexOf('-', hashStart - 1);
        return enrolmentId.substring(0, entryStart);
    }

    static String dueShard(String enrolmentId) {
        // String.hashCode is specified by the language, so every JVM picks the same shard.
        return String.format("%02d", Math.floorMod(enrolmentId.hashCode(), DUE_SHARDS));
    }

    /** The item of an enrolment written at {@code now}: an ended one expires {@code endedKept} later. */
    static Map<String, AttributeValue> item(Enrolment e, Instant now, Duration endedKept) {
        Map<String, AttributeValue> item = item(e);
        if (e.state() == EnrolmentState.DONE) {
            item.put(EXPIRES_AT, n(now.plus(endedKept).getEpochSecond()));
        }
        return item;
    }

    static Map<String, AttributeValue> item(Enrolment e) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(personPk(e.tenant(), e.contactId())));
        item.put(SK, s(enrolmentSk(e.enrolmentId())));
        item.put("tenant", s(e.tenant().value()));
        item.put(CONTACT_ID, s(e.contactId()));
        item.put("enrolmentId", s(e.enrolmentId()));
        item.put("journeyId", s(e.journeyId()));
        item.put("state", s(e.state().name()));
        item.put(REV, n(e.revision()));
        item.put(BODY, s(write(e)));
        item.put(JOURNEY_KEY, s(journeyKey(e.tenant(), e.journeyId(), e.contactId())));
        item.put(HIST, s(EnrolmentHistories.hist(e)));
        if (e.state() != EnrolmentState.DONE && e.dueAt() != null) {
            item.put(DUE_SHARD, s(dueShard(e.enrolmentId())));
            item.put(DUE_AT, n(e.dueAt().toEpochMilli()));
        }
        return item;
    }

    static Enrolment enrolment(Map<String, AttributeValue> item) {
        try {
            return JSON.readValue(item.get(BODY).s(), Enrolment.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored enrolment is not readable", e);
        }
    }

    static String pendingJson(List<SendRequest> sends) {
        return write(sends);
    }

    static List<SendRequest> pending(Map<String, AttributeValue> item) {
        AttributeValue pending = item.get(PENDING);
        if (pending == null) {
            return List.of();
        }
        try {
            return JSON.readValue(pending.s(), new TypeReference<List<SendRequest>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored pending sends are not readable", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    static AttributeValue n(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }
}
