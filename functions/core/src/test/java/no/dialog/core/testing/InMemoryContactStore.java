package no.dialog.core.testing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.contact.WriteOutcome;
import no.dialog.core.tenant.TenantId;

/** A contact store in a map, with the same ordering rule as the real one: older never replaces newer. */
public final class InMemoryContactStore implements ContactStore {

    private record Stored(Contact contact, Instant updatedAt, boolean deleted) {}

    private final Map<String, Stored> items = new ConcurrentHashMap<>();
    public int bulkCalls;

    @Override
    public synchronized Map<String, WriteOutcome> upsertAll(TenantId tenant, List<Contact> contacts) {
        bulkCalls++;
        Map<String, WriteOutcome> result = new LinkedHashMap<>();
        for (Contact c : contacts) {
            if (result.containsKey(c.id())) {
                throw new IllegalArgumentException("duplicate id in one bulk call");
            }
            result.put(c.id(), upsert(tenant, c));
        }
        return result;
    }

    @Override
    public synchronized WriteOutcome upsert(TenantId tenant, Contact contact) {
        String key = tenant + "#" + contact.id();
        Stored stored = items.get(key);
        if (stored != null && !stored.updatedAt().isBefore(contact.updatedAt())) {
            return contact.equals(stored.contact()) ? WriteOutcome.UNCHANGED : WriteOutcome.STALE;
        }
        items.put(key, new Stored(contact, contact.updatedAt(), false));
        if (stored == null || stored.deleted()) {
            return WriteOutcome.CREATED;
        }
        return stored.contact().equals(withTime(contact, stored.updatedAt())) ? WriteOutcome.UNCHANGED : WriteOutcome.UPDATED;
    }

    @Override
    public synchronized WriteOutcome delete(TenantId tenant, String contactId, Instant updatedAt) {
        String key = tenant + "#" + contactId;
        Stored stored = items.get(key);
        if (stored != null && !stored.updatedAt().isBefore(updatedAt)) {
            return WriteOutcome.STALE;
        }
        items.put(key, new Stored(null, updatedAt, true));
        return WriteOutcome.DELETED;
    }

    @Override
    public Optional<Contact> find(TenantId tenant, String contactId) {
        Stored stored = items.get(tenant + "#" + contactId);
        return stored == null || stored.deleted() ? Optional.empty() : Optional.of(stored.contact());
    }

    @Override
    public List<String> findByPhone(TenantId tenant, String e164) {
        return items.entrySet().stream()
                .filter(e -> e.getKey().startsWith(tenant + "#") && !e.getValue().deleted())
                .map(e -> e.getValue().contact())
                .filter(c -> e164.equals(c.phone()))
                .map(Contact::id)
                .sorted()
                .toList();
    }

    @Override
    public long count(TenantId tenant) {
        return items.entrySet().stream()
                .filter(e -> e.getKey().startsWith(tenant + "#") && !e.getValue().deleted())
                .count();
    }

    @Override
    public void forEach(TenantId tenant, java.util.function.Consumer<Contact> sink) {
        items.entrySet().stream()
                .filter(e -> e.getKey().startsWith(tenant + "#") && !e.getValue().deleted())
                .forEach(e -> sink.accept(e.getValue().contact()));
    }

    @Override
    public synchronized no.dialog.core.contact.ConsentWithdrawal withdrawConsent(TenantId tenant, String contactId,
            no.dialog.core.contact.Channel channel, no.dialog.core.contact.Consent withdrawn) {
        Stored stored = items.get(tenant + "#" + contactId);
        if (stored == null || stored.deleted()) {
            return no.dialog.core.contact.ConsentWithdrawal.NO_CONTACT;
        }
        Contact c = stored.contact();
        no.dialog.core.contact.Consent current = c.consents().get(channel);
        if (current != null && !current.granted() && !current.at().isBefore(withdrawn.at())) {
            return no.dialog.core.contact.ConsentWithdrawal.ALREADY_WITHDRAWN;
        }
        Map<no.dialog.core.contact.Channel, no.dialog.core.contact.Consent> consents = new java.util.HashMap<>(c.consents());
        consents.put(channel, withdrawn);
        items.put(tenant + "#" + contactId, new Stored(new Contact(c.id(), c.updatedAt(), c.firstName(), c.lastName(),
                c.birthDate(), c.phone(), c.email(), c.address(), c.memberships(), c.donor(), c.events(), c.roles(),
                c.volunteerAreas(), consents, c.reservations(), c.attributes()), stored.updatedAt(), false));
        return no.dialog.core.contact.ConsentWithdrawal.WITHDRAWN;
    }

    private static Contact withTime(Contact c, Instant updatedAt) {
        return new Contact(c.id(), updatedAt, c.firstName(), c.lastName(), c.birthDate(), c.phone(), c.email(),
                c.address(), c.memberships(), c.donor(), c.events(), c.roles(), c.volunteerAreas(), c.consents(),
                c.reservations(), c.attributes());
    }
}
