package no.dialog.core.privacy;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import no.dialog.core.tenant.TenantId;

/**
 * One erasure of one person (GDPR art. 17), as staff and the register see it: no personal data, only ids,
 * times and counts.
 *
 * @param requestedBy who asked: a staff subject, or {@code register} for an org-system {@code ContactErased}
 * @param source      where the request came from: staff through the admin API, or the member register
 * @param erased      per store, how many items were erased or pseudonymised (stores not yet done are absent)
 * @param finishedAt  null while in progress
 */
public record Erasure(TenantId tenant, String erasureId, String contactId, String requestedBy, Source source,
                      Instant requestedAt, Map<String, Long> erased, Instant finishedAt) {

    /** Who asked for the erasure. */
    public enum Source {
        /** A staff member with the admin role, through {@code POST /admin/v1/contacts/{id}/erase}. */
        STAFF,
        /** The organisation's member register, with an org-system {@code ContactErased} event. */
        REGISTER
    }

    /** Where an erasure is: recorded but not begun, some stores done, or every store done. */
    public enum State {
        REQUESTED,
        RUNNING,
        DONE
    }

    /** {@code requestedBy} of an erasure the register asked for. */
    public static final String REGISTER = "register";

    public Erasure {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(erasureId, "erasureId");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(source, "source");
        // In the order the stores were erased, for the report.
        erased = erased == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(erased));
    }

    /**
     * An erasure as first recorded, before any store. {@code requestedBy} {@value #REGISTER} means the
     * register asked; any other value is a staff subject.
     */
    public static Erasure requested(TenantId tenant, String erasureId, String contactId, String requestedBy,
                                    Instant at) {
        Source source = REGISTER.equals(requestedBy) ? Source.REGISTER : Source.STAFF;
        return new Erasure(tenant, erasureId, contactId, requestedBy, source, at, Map.of(), null);
    }

    public State state() {
        return done() ? State.DONE : erased.isEmpty() ? State.REQUESTED : State.RUNNING;
    }

    public boolean done() {
        return finishedAt != null;
    }

    public boolean stepDone(String store) {
        return erased.containsKey(store);
    }
}
