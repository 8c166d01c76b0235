package no.dialog.core.testing;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.segment.snapshot.ContactChangeFeed;
import no.dialog.core.segment.snapshot.SnapshotDelta;
import no.dialog.core.tenant.TenantId;

/**
 * A change feed over a contact store, as the DynamoDB one works: each write is recorded with its write
 * time ({@link #written}); a read gives the contacts written since, each as the store holds it now.
 */
public final class InMemoryContactChanges implements ContactChangeFeed {

    private final ContactStore contacts;
    private final Map<String, Instant> writtenAt = new ConcurrentHashMap<>();
    public int reads;

    public InMemoryContactChanges(ContactStore contacts) {
        this.contacts = contacts;
    }

    /** Records that the replica wrote this contact at {@code at} (a later write moves the time). */
    public void written(TenantId tenant, String contactId, Instant at) {
        writtenAt.put(tenant.value() + "#" + contactId, at);
    }

    @Override
    public Optional<SnapshotDelta> changedSince(TenantId tenant, Instant since, int limit) {
        reads++;
        String prefix = tenant.value() + "#";
        SnapshotDelta.Builder delta = SnapshotDelta.builder();
        int count = 0;
        for (Map.Entry<String, Instant> entry : writtenAt.entrySet()) {
            if (entry.getKey().startsWith(prefix) && !entry.getValue().isBefore(since)) {
                if (++count > limit) {
                    return Optional.empty();
                }
                String id = entry.getKey().substring(prefix.length());
                contacts.find(tenant, id).ifPresentOrElse(delta::upsert, () -> delta.delete(id));
            }
        }
        return Optional.of(delta.build());
    }
}
