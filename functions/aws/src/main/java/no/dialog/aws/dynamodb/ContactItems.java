package no.dialog.aws.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The layout of a contact in the contacts table.
 *
 * <pre>
 * pk        tenant#contactId        every key carries the tenant
 * tenant, contactId
 * shard     tenant#00..15           key of the byTenantShard index: a tenant's contacts listed in 16
 *                                   parallel slices, no hot partition; absent on tombstones, so the
 *                                   index holds living contacts only
 * ord       updatedAt in epoch ms   orders writes: older never replaces newer
 * hash      digest of the content   tells "unchanged" from "updated" without reading the body
 * body      the contact as JSON     the canonical record format (ContactJson)
 * deleted   true on tombstones      with expiresAt (TTL) so tombstones do not live forever
 * phoneKey  tenant#+4791234567      key of the sparse byPhone index (keys only): finds the people behind
 *                                   an inbound SMS; absent when the contact has no phone and on
 *                                   tombstones, so the index holds living contacts with a number only
 * changeShard tenant#00..15         keys of the byChange index (keys only): every write of the item, a
 * changed   write time in epoch ms  tombstone's too, stamps Dialog's own time, so "the contacts written
 *                                   since t" is a range query per shard (ADR 0034); the register's
 *                                   updatedAt cannot serve, an old file imported today has old times
 * </pre>
 */
final class ContactItems {

    static final String PK = "pk";
    static final String SHARD = "shard";
    static final String ORD = "ord";
    static final String HASH = "hash";
    static final String BODY = "body";
    static final String DELETED = "deleted";
    static final String EXPIRES_AT = "expiresAt";
    static final String PHONE_KEY = "phoneKey";
    static final String BY_PHONE = "byPhone";
    static final String CHANGE_SHARD = "changeShard";
    static final String CHANGED = "changed";
    static final String BY_CHANGE = "byChange";
    static final int SHARDS = 16;
    static final String TOMBSTONE_HASH = "deleted";

    private final ContactJson json;
    private final Clock clock;

    ContactItems(ContactJson json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Marks the item as written now in the byChange index, whatever kind of write it is. */
    static void stampChange(Map<String, AttributeValue> item, TenantId tenant, String contactId, long nowMillis) {
        item.put(CHANGE_SHARD, s(shard(tenant, contactId)));
        item.put(CHANGED, n(nowMillis));
    }

    static String pk(TenantId tenant, String contactId) {
        return tenant.value() + "#" + contactId;
    }

    /** Stable across JVMs: String.hashCode is specified by the language. */
    static String shard(TenantId tenant, String contactId) {
        return String.format("%s#%02d", tenant.value(), Math.floorMod(contactId.hashCode(), SHARDS));
    }

    static String phoneKey(TenantId tenant, String e164) {
        return tenant.value() + "#" + e164;
    }

    static String shardKey(TenantId tenant, int shard) {
        return String.format("%s#%02d", tenant.value(), shard);
    }

    Map<String, AttributeValue> item(TenantId tenant, Contact contact) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(pk(tenant, contact.id())));
        item.put("tenant", s(tenant.value()));
        item.put("contactId", s(contact.id()));
        item.put(SHARD, s(shard(tenant, contact.id())));
        item.put(ORD, n(contact.updatedAt().toEpochMilli()));
        stampChange(item, tenant, contact.id(), clock.millis());
        if (contact.phone() != null && !contact.phone().isBlank()) {
            item.put(PHONE_KEY, s(phoneKey(tenant, contact.phone())));
        }
        // One tree serves both: the body, and (without updatedAt) the content hash.
        ObjectNode tree = json.toTree(contact);
        item.put(BODY, s(tree.toString()));
        tree.remove("updatedAt");
        item.put(HASH, s(digest(tree.toString())));
        return item;
    }

    Map<String, AttributeValue> tombstone(TenantId tenant, String contactId, Instant updatedAt, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(pk(tenant, contactId)));
        item.put("tenant", s(tenant.value()));
        item.put("contactId", s(contactId));
        item.put(ORD, n(updatedAt.toEpochMilli()));
        item.put(HASH, s(TOMBSTONE_HASH));
        item.put(DELETED, AttributeValue.fromBool(true));
        item.put(EXPIRES_AT, n(expiresAt.getEpochSecond()));
        stampChange(item, tenant, contactId, clock.millis());
        return item;
    }

    Contact contact(Map<String, AttributeValue> item) {
        ContactJson.Parsed parsed = json.read(item.get(BODY).s());
        if (!parsed.ok()) {
            throw new IllegalStateException("a stored contact no longer reads: " + parsed.problems());
        }
        return parsed.contact();
    }

    /** A digest of the content without updatedAt: two records with the same content have the same hash. */
    private static String digest(String contentWithoutTime) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(contentWithoutTime.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isTombstone(Map<String, AttributeValue> item) {
        AttributeValue deleted = item.get(DELETED);
        return deleted != null && Boolean.TRUE.equals(deleted.bool());
    }

    /** The contact id from a table key {@code tenant#contactId} (the tenant is the prefix, so the id may hold anything). */
    static String contactIdOf(TenantId tenant, String pk) {
        String prefix = tenant.value() + "#";
        if (!pk.startsWith(prefix)) {
            throw new IllegalStateException("a contact key of another tenant came back from the index");
        }
        return pk.substring(prefix.length());
    }

    static long ord(Map<String, AttributeValue> item) {
        return Long.parseLong(item.get(ORD).n());
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
