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
 * SnapshotDelta many = SnapshotDelta.builder().upsert(a).upsert(b).delete("C-3").build();
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
        return toBuilder().upsert(contact).build();
    }

    /** The contact is gone (deleted in the register). */
    public SnapshotDelta delete(String contactId) {
        return toBuilder().delete(contactId).build();
    }

    /** A builder holding this delta's changes, for adding many more without copying each time. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.upserts.putAll(upserts);
        builder.deletions.addAll(deletions);
        return builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects many changes (e.g. read from the delta table) in one pass; same rules as the delta's. */
    public static final class Builder {
        private final Map<String, Contact> upserts = new LinkedHashMap<>();
        private final Set<String> deletions = new HashSet<>();

        private Builder() {}

        public Builder upsert(Contact contact) {
            Objects.requireNonNull(contact.id(), "contact id");
            Contact held = upserts.get(contact.id());
            if (held == null || !isOlder(contact.updatedAt(), held.updatedAt())) {
                upserts.put(contact.id(), contact);
                deletions.remove(contact.id());
            }
            return this;
        }

        public Builder delete(String contactId) {
            Objects.requireNonNull(contactId, "contact id");
            upserts.remove(contactId);
            deletions.add(contactId);
            return this;
        }

        public SnapshotDelta build() {
            return new SnapshotDelta(Collections.unmodifiableMap(new LinkedHashMap<>(upserts)),
                    Collections.unmodifiableSet(new HashSet<>(deletions)));
        }
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
