package no.dialog.core.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.contact.DonorFacts;
import no.dialog.core.contact.PhoneNumbers;
import no.dialog.core.enrolment.ResponsePublisher;
import no.dialog.core.journey.JourneyEngine;
import no.dialog.core.journey.Signal;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;

/**
 * Registers money that arrived, from any source, exactly once, and carries out what follows:
 * <ol>
 *   <li>identify the person: the contact the source names, else the one contact with the payer's phone
 *       number, else a giver candidate ({@link GiverCandidates}): never a guess between several;</li>
 *   <li>write the ledger entry (conditionally, by payment id);</li>
 *   <li>for a gift, move the person's last-gift facts in Dialog's replica (so the giver relationship
 *       holds at once for the thank-you message);</li>
 *   <li>publish a {@code paid} response (journeys count it against their goal, with its amount) and the
 *       write-back event ({@code GiftReceived} or {@code PaymentReceived}) for the register;</li>
 *   <li>mark the entry settled.</li>
 * </ol>
 * Every effect is idempotent (the response's id and the event's idempotency key are the payment id), so
 * a registration interrupted before step 5 is finished by the next delivery, and a settled one is left
 * alone.
 */
public final class PaymentRegistrar {

    /** The response type journeys wait for and count as a goal. */
    public static final String PAID = "paid";
    static final String CANDIDATE_PREFIX = "candidate-";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PaymentLedger ledger;
    private final GiverCandidates candidates;
    private final ContactStore contacts;
    private final ResponsePublisher responses;
    private final PaymentEvents events;
    private final Clock clock;

    public PaymentRegistrar(PaymentLedger ledger, GiverCandidates candidates, ContactStore contacts,
                            ResponsePublisher responses, PaymentEvents events, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger);
        this.candidates = Objects.requireNonNull(candidates);
        this.contacts = Objects.requireNonNull(contacts);
        this.responses = Objects.requireNonNull(responses);
        this.events = Objects.requireNonNull(events);
        this.clock = Objects.requireNonNull(clock);
    }

    /** How the payer was found. */
    public enum Identification {
        /** The source named the person (a landing page's payment, a KID, a confirmed match). */
        GIVEN,
        /** Exactly one contact has the payer's phone number. */
        PHONE,
        /** No contact has the payer's phone number: a new giver candidate. */
        NEW_GIVER,
        /** Several contacts have the payer's phone number: a candidate, for staff to resolve. */
        AMBIGUOUS,
        /** Registered before; nothing was done again. */
        ALREADY_REGISTERED
    }

    /** What a registration did. */
    public record Registration(RegisteredPayment payment, Identification identification) {

        public boolean isNew() {
            return identification != Identification.ALREADY_REGISTERED;
        }
    }

    /**
     * Registers the payment, or finishes a registration cut off before.
     *
     * @throws IllegalArgumentException if the payment names no contact and has no valid payer phone number
     *                                  (such a payment goes to matching, not here)
     */
    public Registration register(TenantId tenant, IncomingPayment incoming) {
        String paymentId = incoming.paymentId();
        Optional<PaymentLedger.Entry> existing = ledger.find(tenant, paymentId);
        if (existing.isPresent() && existing.get().settled()) {
            return new Registration(existing.get().payment(), Identification.ALREADY_REGISTERED);
        }
        Identification identification;
        RegisteredPayment payment;
        List<PaymentEvents.BusEvent> busEvents = new ArrayList<>();
        if (existing.isPresent()) {
            payment = existing.get().payment();
            identification = payment.candidate() ? Identification.NEW_GIVER : Identification.GIVEN;
        } else {
            Found found = identify(tenant, incoming, busEvents);
            identification = found.identification;
            payment = new RegisteredPayment(paymentId, incoming.kind(), incoming.source(), found.contactId,
                    incoming.amountOre(), incoming.receivedAt(), incoming.reference(), incoming.attribution(),
                    found.candidate);
            if (!ledger.add(tenant, payment)) {
                // Another delivery registered it in the meantime: carry on with what it stored.
                PaymentLedger.Entry raced = ledger.find(tenant, paymentId)
                        .orElseThrow(() -> new IllegalStateException("the ledger refused a payment it does not hold"));
                if (raced.settled()) {
                    return new Registration(raced.payment(), Identification.ALREADY_REGISTERED);
                }
                payment = raced.payment();
            }
        }
        if (payment.kind() == PaymentKind.GIFT) {
            moveLastGift(tenant, payment);
        }
        responses.publish(tenant, List.of(paidSignal(payment)));
        busEvents.add(paymentEvent(tenant, payment, incoming.payer()));
        events.publish(tenant, busEvents);
        ledger.markSettled(tenant, paymentId);
        return new Registration(payment, identification);
    }

    private record Found(String contactId, Identification identification, boolean candidate) {}

    private Found identify(TenantId tenant, IncomingPayment incoming, List<PaymentEvents.BusEvent> busEvents) {
        if (incoming.contactId() != null) {
            return new Found(incoming.contactId(), Identification.GIVEN, false);
        }
        String phone = Optional.ofNullable(incoming.payer().phone()).flatMap(PhoneNumbers::toE164)
                .orElseThrow(() -> new IllegalArgumentException("the payment names no contact and no valid phone number"));
        List<String> matches = contacts.findByPhone(tenant, phone).stream()
                .filter(id -> !id.startsWith(CANDIDATE_PREFIX)).toList();
        if (matches.size() == 1) {
            return new Found(matches.get(0), Identification.PHONE, false);
        }
        Instant now = clock.instant();
        GiverCandidates.Candidate candidate = candidates.findOrCreate(tenant, phone, incoming.payer().name(), matches, now);
        if (contacts.find(tenant, candidate.contactId()).isEmpty()) {
            contacts.upsert(tenant, candidateContact(candidate.contactId(), phone, incoming.payer().name(), now));
        }
        if (candidate.created()) {
            ObjectNode detail = MAPPER.createObjectNode().put("tenant", tenant.value())
                    .put("idempotencyKey", "candidate:" + candidate.contactId())
                    .put("candidateId", candidate.contactId()).put("phone", phone)
                    .put("name", incoming.payer().name()).put("matchingContacts", matches.size());
            busEvents.add(new PaymentEvents.BusEvent("GiverCandidateFound", detail));
        }
        return new Found(candidate.contactId(), matches.isEmpty() ? Identification.NEW_GIVER : Identification.AMBIGUOUS,
                true);
    }

    /** A contact for a giver Dialog could not identify: the name and phone number Vipps gave, nothing else. */
    static Contact candidateContact(String contactId, String phone, String name, Instant now) {
        String first = null;
        String last = null;
        if (name != null && !name.isBlank()) {
            String trimmed = name.trim();
            int space = trimmed.lastIndexOf(' ');
            first = space < 0 ? trimmed : trimmed.substring(0, space);
            last = space < 0 ? null : trimmed.substring(space + 1);
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("giverCandidate", true);
        return new Contact(contactId, now, first, last, null, phone, null, null, List.of(), null, List.of(),
                List.of(), List.of(), Map.of(), null, attributes);
    }

    /**
     * The latest gift in the replica: first and last gift date and the last amount, merged so that an older
     * gift never replaces a newer one, and registering the same gift again changes nothing. Counts and sums
     * stay the register's (its next export brings them).
     */
    private void moveLastGift(TenantId tenant, RegisteredPayment payment) {
        Optional<Contact> found = contacts.find(tenant, payment.contactId());
        if (found.isEmpty()) {
            return;
        }
        Contact contact = found.get();
        LocalDate day = payment.receivedAt().atZone(OsloTime.ZONE).toLocalDate();
        DonorFacts donor = contact.donor() != null ? contact.donor()
                : new DonorFacts(false, null, null, null, null, null, null);
        boolean newer = donor.lastGiftDate() == null || day.isAfter(donor.lastGiftDate());
        boolean earlier = donor.firstGiftDate() == null || day.isBefore(donor.firstGiftDate());
        if (!newer && !earlier) {
            return;
        }
        DonorFacts moved = new DonorFacts(donor.regularDonor(), donor.regularAmountOre(),
                earlier ? day : donor.firstGiftDate(), newer ? day : donor.lastGiftDate(),
                newer ? payment.amountOre() : donor.lastGiftAmountOre(), donor.sumLast12MonthsOre(), donor.giftCount());
        contacts.upsert(tenant, contact.withDonor(moved, clock.instant()));
    }

    /** The response journeys see: type {@code paid}, with amount, kind and source; the journey when known. */
    static Signal paidSignal(RegisteredPayment payment) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(JourneyEngine.AMOUNT_ATTRIBUTE, Long.toString(payment.amountOre()));
        attributes.put("kind", payment.kind().jsonName());
        attributes.put("source", payment.source().jsonName());
        attributes.put("paymentId", payment.paymentId());
        Attribution attribution = payment.attribution();
        return new Signal(PAID + ":" + payment.paymentId(), PAID, payment.contactId(), payment.receivedAt(), attributes,
                attribution == null ? null : attribution.journeyId(),
                attribution == null ? null : attribution.enrolmentId());
    }

    private static PaymentEvents.BusEvent paymentEvent(TenantId tenant, RegisteredPayment payment, Payer payer) {
        ObjectNode detail = MAPPER.createObjectNode()
                .put("tenant", tenant.value())
                .put("idempotencyKey", payment.paymentId())
                .put("paymentId", payment.paymentId())
                .put("contactId", payment.contactId())
                .put("giverCandidate", payment.candidate())
                .put("kind", payment.kind().jsonName())
                .put("source", payment.source().jsonName())
                .put("amountOre", payment.amountOre())
                .put("currency", "NOK")
                .put("receivedAt", payment.receivedAt().toString())
                .put("reference", payment.reference());
        if (payment.candidate()) {
            // The register needs what Vipps told to create or find the person.
            detail.putObject("payer").put("name", payer.name()).put("phone", payer.phone());
        }
        Attribution attribution = payment.attribution();
        if (attribution != null) {
            ObjectNode journey = detail.putObject("journey").put("journeyId", attribution.journeyId());
            if (attribution.version() != null) {
                journey.put("version", attribution.version());
            }
            journey.put("stepId", attribution.stepId()).put("variant", attribution.variant());
        }
        return new PaymentEvents.BusEvent(payment.kind() == PaymentKind.GIFT ? "GiftReceived" : "PaymentReceived",
                detail);
    }
}
