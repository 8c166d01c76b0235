package no.dialog.core.privacy.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.dialog.core.predicted.Prediction;
import no.dialog.core.contact.Contact;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.payment.UnmatchedPayment;
import no.dialog.core.segment.ContactHistory;
import no.dialog.core.send.LedgerEntry;
import no.dialog.core.tenant.TenantId;

/**
 * Everything Dialog holds about one person in one tenant (GDPR art. 15), as {@link PersonExporter} gathers it
 * from each store. An erased person is only their tombstone: {@link #erasedAt} is set and every list is empty.
 * A person the register deleted (not erased) has no contact, {@link #deletedAt} set, and whatever the other stores
 * still hold.
 *
 * @param deletedAt        when the register deleted the person (their contact is a tombstone), else null
 * @param contact          the contact replica as stored, with consents (source, time) and reservations; null
 *                         when deleted or erased
 * @param messages         the send ledger's entries for the person (channel, state, times; Dialog keeps no
 *                         rendered text and no address there)
 * @param runItems         what the person's letters, print lines and call-list lines were staged with, and the
 *                         runs and files they went in
 * @param links            personal links with their submissions and which sealed values are held (never the
 *                         values)
 * @param enrolments       every journey entry: version, step, state, choices, signals received
 * @param behaviour        what behaviour segments read about them, made from the enrolments
 * @param frequencyCaps    the recent sends counted against each channel's cap
 * @param payments         the payment ledger's entries for the person
 * @param unmatchedPayments payments staff matched to the person, as they waited (payer, message)
 * @param giverCandidates  giver candidates made from the person's phone number
 * @param segments         the tenant's segments the person is in now
 */
public record PersonExport(TenantId tenant, String contactId, Instant madeAt, Instant deletedAt, Instant erasedAt,
                           Contact contact,
                           List<LedgerEntry> messages, List<StagedRunItem> runItems, List<LinkRecord> links,
                           List<Enrolment> enrolments, ContactHistory behaviour, List<CapCounter> frequencyCaps,
                           List<RegisteredPayment> payments, List<UnmatchedPayment> unmatchedPayments,
                           List<GiverCandidate> giverCandidates, List<SegmentMembership> segments,
                           Prediction prediction) {

    /** What the export says about predictions, so a reader knows where they come from and how to stop them. */
    public static final String PREDICTIONS_NOTE = "Predictions are made nightly by the organisation's models from its own"
            + " data (docs/predictions.md): the probabilities and deciles below are all Dialog holds about this person."
            + " Someone who objects to profiling gets none, and none is used for them.";

    public PersonExport {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(madeAt, "madeAt");
        messages = List.copyOf(messages);
        runItems = List.copyOf(runItems);
        links = List.copyOf(links);
        enrolments = List.copyOf(enrolments);
        behaviour = behaviour == null ? ContactHistory.EMPTY : behaviour;
        frequencyCaps = List.copyOf(frequencyCaps);
        payments = List.copyOf(payments);
        unmatchedPayments = List.copyOf(unmatchedPayments);
        giverCandidates = List.copyOf(giverCandidates);
        segments = List.copyOf(segments);
        prediction = prediction == null ? Prediction.NONE : prediction;
    }

    /** The export of an erased person: their tombstone and nothing else. */
    public static PersonExport erased(TenantId tenant, String contactId, Instant madeAt, Instant erasedAt) {
        return new PersonExport(tenant, contactId, madeAt, null, Objects.requireNonNull(erasedAt, "erasedAt"), null,
                List.of(), List.of(), List.of(), List.of(), ContactHistory.EMPTY, List.of(), List.of(), List.of(),
                List.of(), List.of(), Prediction.NONE);
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    /**
     * A personal link as the landing links table keeps it.
     *
     * @param submissions the ids of the submissions made through it
     * @param firstUsedAt when the first submission was made (the table keeps no time per submission), or null
     * @param sealed      the sealed values held (national identity numbers), by submission and question: that one
     *                    is held, never the value
     */
    public record LinkRecord(String journeyId, int version, String stepId, String enrolmentId, Instant expiresAt,
                             List<String> submissions, Instant firstUsedAt, List<SealedValue> sealed) {
        public LinkRecord {
            submissions = List.copyOf(submissions);
            sealed = List.copyOf(sealed);
        }
    }

    /** A sealed answer that is held: its submission and question, not its value. */
    public record SealedValue(String submissionId, String question) {}

    /** A channel's frequency-cap counter: the sends (idempotency key → when) that still count. */
    public record CapCounter(String channel, Map<String, Instant> sends) {
        public CapCounter {
            sends = Map.copyOf(sends);
        }
    }

    /**
     * One line the person has in a letter, print or call-list run: the fields staged for them, and where it
     * went.
     *
     * @param files the run's files once it is closed (empty while open)
     */
    public record StagedRunItem(String runId, String channel, String journeyId, int version, String stepId,
                                LocalDate day, String key, Instant stagedAt, String runStatus, List<FileRef> files,
                                Map<String, String> fields) {
        public StagedRunItem {
            files = List.copyOf(files);
            fields = Map.copyOf(fields);
        }
    }

    /** A run's file: its name and its object key in the exports bucket (never a download link). */
    public record FileRef(String name, String key) {}

    /** A giver candidate Dialog made from a payer's phone (docs/payments.md). */
    public record GiverCandidate(String candidateId, String phone, String name, List<String> matches,
                                 Instant createdAt) {
        public GiverCandidate {
            matches = matches == null ? List.of() : List.copyOf(matches);
        }
    }

    /** A segment the person is in now. */
    public record SegmentMembership(String segmentId, String name) {}
}
