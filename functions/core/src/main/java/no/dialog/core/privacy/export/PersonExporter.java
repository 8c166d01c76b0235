package no.dialog.core.privacy.export;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import no.dialog.core.predicted.Prediction;
import no.dialog.core.predicted.PredictionTables;
import java.util.Optional;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.enrolment.EnrolmentStore;
import no.dialog.core.journey.ContactHistories;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.segment.ContactHistory;
import no.dialog.core.segment.SegmentDefinition;
import no.dialog.core.segment.SegmentDefinitions;
import no.dialog.core.segment.SegmentEvaluator;
import no.dialog.core.segment.SegmentStore;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;

/**
 * Gathers a {@link PersonExport} from every store that holds the person, one port each. Every read is by the
 * caller's tenant, so another tenant's person with the same id is "unknown".
 * <pre>{@code
 * Optional<PersonExport> export = exporter.export(tenant, "c-1001"); // empty: no such person in this tenant
 * }</pre>
 * Segments are judged now, with the person's behaviour history, by the same evaluator the segment previews
 * use; a stored segment that no longer parses is left out (it matches nobody anywhere else either). A person
 * without a contact (deleted by the register) is in no segment.
 */
public final class PersonExporter {

    private final ContactStore contacts;
    private final ContactTombstones tombstones;
    private final PersonMessages messages;
    private final RunStagings runs;
    private final PersonLinks links;
    private final EnrolmentStore enrolments;
    private final CapCounters caps;
    private final PersonPayments payments;
    private final SegmentStore segments;
    private final PredictionTables predictions;
    private final Clock clock;

    public PersonExporter(ContactStore contacts, ContactTombstones tombstones, PersonMessages messages, RunStagings runs,
                          PersonLinks links, EnrolmentStore enrolments, CapCounters caps, PersonPayments payments,
                          SegmentStore segments, Clock clock) {
        this(contacts, tombstones, messages, runs, links, enrolments, caps, payments, segments, PredictionTables.NONE,
                clock);
    }

    /** @param predictions the organisation's score tables (ADR 0037): the person's row is part of their export */
    public PersonExporter(ContactStore contacts, ContactTombstones tombstones, PersonMessages messages, RunStagings runs,
                          PersonLinks links, EnrolmentStore enrolments, CapCounters caps, PersonPayments payments,
                          SegmentStore segments, PredictionTables predictions, Clock clock) {
        this.contacts = Objects.requireNonNull(contacts);
        this.tombstones = Objects.requireNonNull(tombstones);
        this.messages = Objects.requireNonNull(messages);
        this.runs = Objects.requireNonNull(runs);
        this.links = Objects.requireNonNull(links);
        this.enrolments = Objects.requireNonNull(enrolments);
        this.caps = Objects.requireNonNull(caps);
        this.payments = Objects.requireNonNull(payments);
        this.segments = Objects.requireNonNull(segments);
        this.predictions = Objects.requireNonNull(predictions);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * The person's export; the tombstone alone when they were erased; what the other stores still hold when the
     * register deleted them; empty when the tenant has no such person and no trace of one.
     */
    public Optional<PersonExport> export(TenantId tenant, String contactId) {
        Optional<Contact> found = contacts.find(tenant, contactId);
        if (found.isPresent()) {
            return Optional.of(gather(tenant, contactId, found.get(), null));
        }
        Optional<ContactTombstones.Tombstone> tombstone = tombstones.find(tenant, contactId);
        if (tombstone.isEmpty()) {
            return Optional.empty();
        }
        if (tombstone.get().erasedAt() != null) {
            return Optional.of(PersonExport.erased(tenant, contactId, clock.instant(), tombstone.get().erasedAt()));
        }
        return Optional.of(gather(tenant, contactId, null, tombstone.get().deletedAt()));
    }

    private PersonExport gather(TenantId tenant, String contactId, Contact contact, java.time.Instant deletedAt) {
        List<Enrolment> entries = enrolments.ofContact(tenant, contactId);
        ContactHistory behaviour = ContactHistories.from(entries);
        List<RegisteredPayment> paid = payments.ofContact(tenant, contactId);
        Prediction prediction = predictions.latest(tenant).map(table -> table.find(contactId)).orElse(Prediction.NONE);
        return new PersonExport(tenant, contactId, clock.instant(), deletedAt, null, contact,
                messages.ofContact(tenant, contactId), runs.ofEnrolments(tenant, entries),
                links.ofContact(tenant, contactId), entries, behaviour, caps.ofContact(tenant, contactId), paid,
                payments.unmatched(tenant, paid.stream().map(RegisteredPayment::paymentId).toList()),
                contact == null || contact.phone() == null ? List.of() : payments.candidatesByPhone(tenant, contact.phone()),
                contact == null ? List.of() : segmentsOf(tenant, contact, behaviour.withPrediction(prediction)),
                prediction);
    }

    private List<PersonExport.SegmentMembership> segmentsOf(TenantId tenant, Contact contact, ContactHistory history) {
        LocalDate today = OsloTime.today(clock);
        List<PersonExport.SegmentMembership> in = new ArrayList<>();
        for (SegmentDefinition segment : segments.list(tenant)) {
            SegmentDefinitions.Parsed parsed = SegmentDefinitions.parse(segment.criteria());
            if (parsed.ok() && SegmentEvaluator.matches(contact, history, parsed.criterion(), today)) {
                in.add(new PersonExport.SegmentMembership(segment.id(), segment.name()));
            }
        }
        return in;
    }
}
