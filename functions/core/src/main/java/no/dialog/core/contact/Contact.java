package no.dialog.core.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A person as replicated from the organisation's member register.
 *
 * <p>{@code updatedAt} is the register's own time of the change. It orders updates: an update older
 * than what Dialog holds is ignored, so late or repeated deliveries can never roll data back.
 *
 * @param id            the register's id of the person (not personal data by itself; safe in logs)
 * @param updatedAt     when the register last changed this person
 * @param phone         mobile or other phone number in E.164 ({@code +4791234567})
 * @param attributes    the organisation's own fields: text, number or boolean values
 */
public record Contact(
        String id,
        Instant updatedAt,
        String firstName,
        String lastName,
        LocalDate birthDate,
        String phone,
        String email,
        PostalAddress address,
        List<Membership> memberships,
        DonorFacts donor,
        List<EventParticipation> events,
        List<String> roles,
        List<String> volunteerAreas,
        Map<Channel, Consent> consents,
        Reservations reservations,
        Map<String, Object> attributes) {

    public Contact {
        memberships = memberships == null ? List.of() : List.copyOf(memberships);
        events = events == null ? List.of() : List.copyOf(events);
        roles = roles == null ? List.of() : List.copyOf(roles);
        volunteerAreas = volunteerAreas == null ? List.of() : List.copyOf(volunteerAreas);
        consents = consents == null ? Map.of() : Map.copyOf(consents);
        reservations = reservations == null ? Reservations.NONE : reservations;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /**
     * The {@code updatedAt} for a change Dialog itself makes to this replica (an answer, a gift, a regular
     * donor): {@code now}, or just after what the replica holds, since an update that is not newer is ignored.
     */
    public Instant nextChangeAt(Instant now) {
        return updatedAt != null && !now.isAfter(updatedAt) ? updatedAt.plusMillis(1) : now;
    }

    /** This contact with other donor facts, changed by Dialog at {@code now} ({@link #nextChangeAt}). */
    public Contact withDonor(DonorFacts newDonor, Instant now) {
        return new Contact(id, nextChangeAt(now), firstName, lastName, birthDate, phone, email, address, memberships,
                newDonor, events, roles, volunteerAreas, consents, reservations, attributes);
    }
}
