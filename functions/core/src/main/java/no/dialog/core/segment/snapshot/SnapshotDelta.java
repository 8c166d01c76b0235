package no.dialog.core.segment.snapshot;

import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import no.dialog.core.contact.Contact;

/**
 * The contacts changed or deleted since a snapshot was built: laid over the snapshot when evaluating
 * ({@link SnapshotEvaluator#evaluate(SegmentSnapshot, SnapshotDelta, no.dialog.core.segment.Criterion,
 * java.time.LocalDate)}) and folded into it by {@link SnapshotUpdates#merge}. Immutable; each change
 * returns a new delta. Meant to stay small (thousands, not millions): past that, rebuild or merge.
 * <pre>{@code
 * SnapshotDelta delta = SnapshotDelta.EMPTY.upsert(changedContact).delete("C-17");
 * }</pre>
 */
public final class SnapshotDelta {

    public static final SnapshotDelta EMPTY = new SnapshotDelta(Map.of(), Set.of());

    private final Map<String, Contact> upserts;
    private final Set<String> deletions;

    private SnapshotDelta(Map<String, Contact> upserts, Set<String> deletions) {
        this.upserts = upserts;
        this.deletions = deletions;
    }

    /**
     * The contact as it is now. An older version than one already in the delta is ignored (by
     * {@code updatedAt}), so late or repeated deliveries cannot roll the delta back.
     */
    public SnapshotDelta upsert(Contact contact) {
        Objects.requireNonNull(contact.id(), "contact id");
        Contact held = upserts.get(contact.id());
        if (held != null && isOlder(contact.updatedAt(), held.updatedAt())) {
            return this;
        }
        Map<String, Contact> changed = new LinkedHashMap<>(upserts);
        changed.put(contact.id(), contact);
        Set<String> deleted = new HashSet<>(deletions);
        deleted.remove(contact.id());
        return new SnapshotDelta(Collections.unmodifiableMap(changed), Collections.unmodifiableSet(deleted));
    }

    /** The contact is gone (deleted in the register). */
    public SnapshotDelta delete(String contactId) {
        Objects.requireNonNull(contactId, "contact id");
        Map<String, Contact> changed = new LinkedHashMap<>(upserts);
        changed.remove(contactId);
        Set<String> deleted = new HashSet<>(deletions);
        deleted.add(contactId);
        return new SnapshotDelta(Collections.unmodifiableMap(changed), Collections.unmodifiableSet(deleted));
    }

    /** Changed or added contacts by id. */
    public Map<String, Contact> upserts() {
        return upserts;
    }

    public Set<String> deletions() {
        return deletions;
    }

    public boolean isEmpty() {
        return upserts.isEmpty() && deletions.isEmpty();
    }

    public int size() {
        return upserts.size() + deletions.size();
    }

    private static boolean isOlder(Instant candidate, Instant held) {
        return candidate != null && held != null && candidate.isBefore(held);
    }
}
