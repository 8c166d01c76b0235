package no.dialog.core.contact;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.tenant.TenantId;

/**
 * Port: Dialog's replica of a tenant's contacts.
 *
 * <p>Every write obeys one rule: data older than what is stored (by the register's
 * {@link Contact#updatedAt()}) never replaces it. Deletions leave a tombstone with their time for
 * the same reason.
 */
public interface ContactStore {

    /**
     * The bulk path, for imports: stores each contact unless the stored one is as new or newer.
     * Ids must be unique within one call.
     *
     * @return the outcome per contact id
     */
    Map<String, WriteOutcome> upsertAll(TenantId tenant, List<Contact> contacts);

    /** The single path, for change events: one conditional write. */
    WriteOutcome upsert(TenantId tenant, Contact contact);

    /** Deletes the contact unless the stored one is newer than {@code updatedAt}. */
    WriteOutcome delete(TenantId tenant, String contactId, Instant updatedAt);

    Optional<Contact> find(TenantId tenant, String contactId);

    /**
     * Records that the person withdrew consent for one channel (an opt-out: SMS reply STOPP, an
     * unsubscribe link, a complaint), changing nothing else. Unlike {@link #upsert} this does not move the
     * register's {@code updatedAt}: the register learns of the opt-out through a {@code ConsentChanged}
     * event and sends it back with its next change. The write is conditional on the stored record not
     * having changed since it was read, so a concurrent import cannot be overwritten with older data.
     *
     * @param withdrawn the consent to record; {@code granted} must be false
     */
    ConsentWithdrawal withdrawConsent(TenantId tenant, String contactId, Channel channel, Consent withdrawn);

    /**
     * The contacts with these ids that exist (deleted ones and unknown ids are left out), for senders that
     * handle a batch at once. This default reads them one by one; stores with a batch read override it
     * (DynamoDB: BatchGetItem, 100 keys a call).
     *
     * @return contact id → contact, for the ids found
     */
    default Map<String, Contact> findAll(TenantId tenant, java.util.Collection<String> contactIds) {
        Map<String, Contact> found = new java.util.LinkedHashMap<>();
        for (String id : new java.util.LinkedHashSet<>(contactIds)) {
            find(tenant, id).ifPresent(contact -> found.put(id, contact));
        }
        return found;
    }

    /**
     * The ids of the tenant's (not deleted) contacts whose phone is this number, for inbound SMS, which
     * name the person only by the number they wrote from. Several people may share one number (a family
     * phone), so this is a list; an unknown number gives an empty list. This default walks every contact
     * (fine for small test stores); stores with an index override it (DynamoDB: the {@code byPhone} index).
     *
     * @param e164 the number in E.164 ({@code +4791234567}), as {@link Contact#phone()} holds it
     */
    default List<String> findByPhone(TenantId tenant, String e164) {
        List<String> ids = new java.util.ArrayList<>();
        forEach(tenant, contact -> {
            if (e164.equals(contact.phone())) {
                ids.add(contact.id());
            }
        });
        return ids;
    }

    /** Number of (not deleted) contacts of the tenant. */
    long count(TenantId tenant);

    /**
     * Hands every (not deleted) contact of the tenant to {@code sink}, in no particular order. Calls to
     * the sink are never concurrent, so it need not be thread-safe. Memory stays bounded by one page.
     */
    void forEach(TenantId tenant, java.util.function.Consumer<Contact> sink);
}
