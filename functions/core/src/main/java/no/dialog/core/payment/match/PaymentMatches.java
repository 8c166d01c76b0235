package no.dialog.core.payment.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.contact.PhoneNumbers;
import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;
import no.dialog.core.payment.Attribution;
import no.dialog.core.payment.IncomingPayment;
import no.dialog.core.payment.PaymentKind;
import no.dialog.core.payment.PaymentLedger;
import no.dialog.core.payment.PaymentRegistrar;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.payment.UnmatchedPayment;
import no.dialog.core.payment.UnmatchedPayments;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What staff do with payments that came without a KID: see them with the matcher's suggestions, confirm the
 * journey one belongs to, or reject it (not a journey's money: a membership fee paid wrongly, a refund).
 *
 * <p>A confirmed payment is registered through {@link PaymentRegistrar} with its <em>own</em> source and
 * reference, so its ledger id is the id it had while waiting ({@link UnmatchedPayment#paymentId()}): were
 * the same giro line ever registered again (an OCR file imported twice), the ledger would refuse it, and
 * confirming twice registers once. The attribution is the journey as a whole
 * ({@link Attribution#journey}), so the {@code paid} signal carries the journey id and the journey's goal
 * counts the conversion and its amount. (It keeps its own source: a new source would give a new id.)
 *
 * <p>Order of effects, so a confirmation cut off half-way is finished by a retry: register (idempotent by
 * payment id), then mark the waiting payment confirmed.
 */
public final class PaymentMatches {

    public static final String OPEN = "open";
    public static final String CONFIRMED = "confirmed";
    public static final String REJECTED = "rejected";

    private static final Logger LOG = LoggerFactory.getLogger(PaymentMatches.class);

    private final UnmatchedPayments unmatched;
    private final EvidenceCollector collector;
    private final PaymentMatcher matcher;
    private final MatchEvidence journeys;
    private final ContactStore contacts;
    private final PaymentLedger ledger;
    private final PaymentRegistrar registrar;

    public PaymentMatches(UnmatchedPayments unmatched, EvidenceCollector collector, PaymentMatcher matcher,
                          MatchEvidence journeys, ContactStore contacts, PaymentLedger ledger,
                          PaymentRegistrar registrar) {
        this.unmatched = Objects.requireNonNull(unmatched, "unmatched");
        this.collector = Objects.requireNonNull(collector, "collector");
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.journeys = Objects.requireNonNull(journeys, "journeys");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.registrar = Objects.requireNonNull(registrar, "registrar");
    }

    /** A waiting payment with what the matcher suggests for it. */
    public record Review(UnmatchedPayment payment, List<MatchSuggestion> suggestions) {}

    /**
     * What a confirmation did.
     *
     * @param registered     the ledger entry (the same on a repeat)
     * @param identification how the registrar found the payer; {@code ALREADY_REGISTERED} on a repeat
     */
    public record Confirmation(UnmatchedPayment payment, RegisteredPayment registered,
                               PaymentRegistrar.Identification identification) {}

    /** Open payments, newest first, each with its suggestions (evidence read now, so it is current). */
    public List<Review> open(TenantId tenant, int limit) {
        return open(tenant, PageRequest.first(Math.min(limit, PageRequest.MAX_LIMIT))).items();
    }

    /** One page of the open payments, newest first, each with its suggestions. */
    public Page<Review> open(TenantId tenant, PageRequest request) {
        return unmatched.open(tenant, request).map(payment -> new Review(payment, suggest(tenant, payment)));
    }

    /**
     * One payment with its suggestions (none once it is decided).
     *
     * @throws MatchRefused UNKNOWN_PAYMENT
     */
    public Review review(TenantId tenant, String paymentId) {
        UnmatchedPayment payment = waiting(tenant, paymentId);
        return new Review(payment, OPEN.equals(payment.status()) ? suggest(tenant, payment) : List.of());
    }

    /**
     * Confirms that the payment belongs to the journey and registers it as that journey's conversion.
     * Confirming the same journey again changes nothing and answers as the first time.
     *
     * @param journeyId the journey: one the matcher suggested, or any other journey of the tenant
     * @param staffId   who decided (an opaque user id), for the log
     * @param contactId the person who paid when staff know it; null to let Dialog choose: the one contact
     *                  the payer's phone or account matches, else the one contact matching by name that got
     *                  a message of this journey, else (a payer with a phone number) a giver candidate
     * @throws MatchRefused UNKNOWN_PAYMENT, ALREADY_DECIDED, UNKNOWN_JOURNEY, UNKNOWN_CONTACT,
     *                      PAYER_NOT_IDENTIFIED
     */
    public Confirmation confirm(TenantId tenant, String paymentId, String journeyId, String staffId,
                                String contactId) {
        Objects.requireNonNull(journeyId, "journeyId");
        UnmatchedPayment payment = waiting(tenant, paymentId);
        if (REJECTED.equals(payment.status())) {
            throw new MatchRefused(MatchRefused.Kind.ALREADY_DECIDED, "payment " + paymentId + " was rejected");
        }
        Optional<PaymentLedger.Entry> registered = ledger.find(tenant, paymentId);
        String registeredJourney = registered.map(e -> e.payment().attribution())
                .map(Attribution::journeyId).orElse(null);
        if (CONFIRMED.equals(payment.status()) || registered.isPresent()) {
            String decided = CONFIRMED.equals(payment.status()) ? payment.journeyId() : registeredJourney;
            if (!journeyId.equals(decided)) {
                throw new MatchRefused(MatchRefused.Kind.ALREADY_DECIDED, "payment " + paymentId
                        + " is registered " + (decided == null ? "without a journey" : "for journey " + decided));
            }
        }
        if (CONFIRMED.equals(payment.status()) && registered.isPresent() && registered.get().settled()) {
            return new Confirmation(payment, registered.get().payment(),
                    PaymentRegistrar.Identification.ALREADY_REGISTERED);
        }
        if (journeys.journey(tenant, journeyId).isEmpty()) {
            throw new MatchRefused(MatchRefused.Kind.UNKNOWN_JOURNEY, "journey " + journeyId + " is not one of the tenant's");
        }
        String payer = registered.isPresent() ? registered.get().payment().contactId()
                : chooseContact(tenant, payment, journeyId, contactId);
        IncomingPayment incoming = new IncomingPayment(payment.source(), payment.reference(),
                payment.kind() == null ? PaymentKind.GIFT : payment.kind(), payment.amountOre(), payment.receivedAt(),
                payer, payment.payer(), Attribution.journey(journeyId), payment.message());
        if (!incoming.paymentId().equals(payment.paymentId())) {
            // Registering under another id would let the same money be registered twice.
            throw new IllegalStateException("waiting payment " + paymentId + " does not have the id of its source and reference");
        }
        PaymentRegistrar.Registration registration = registrar.register(tenant, incoming);
        UnmatchedPayment confirmed = decided(payment, CONFIRMED, journeyId);
        unmatched.update(tenant, confirmed);
        LOG.info("payment {} of tenant {} confirmed for journey {} by {} ({})", paymentId, tenant.value(), journeyId,
                staffId, registration.identification());
        return new Confirmation(confirmed, registration.payment(), registration.identification());
    }

    /**
     * Marks the payment as belonging to no journey. Rejecting again changes nothing.
     *
     * @throws MatchRefused UNKNOWN_PAYMENT, or ALREADY_DECIDED when it was confirmed
     */
    public UnmatchedPayment reject(TenantId tenant, String paymentId, String staffId) {
        UnmatchedPayment payment = waiting(tenant, paymentId);
        if (REJECTED.equals(payment.status())) {
            return payment;
        }
        if (CONFIRMED.equals(payment.status())) {
            throw new MatchRefused(MatchRefused.Kind.ALREADY_DECIDED,
                    "payment " + paymentId + " was confirmed for journey " + payment.journeyId());
        }
        UnmatchedPayment rejected = decided(payment, REJECTED, null);
        unmatched.update(tenant, rejected);
        LOG.info("payment {} of tenant {} rejected by {}", paymentId, tenant.value(), staffId);
        return rejected;
    }

    private List<MatchSuggestion> suggest(TenantId tenant, UnmatchedPayment payment) {
        return matcher.suggest(payment, collector.collect(tenant, payment));
    }

    private UnmatchedPayment waiting(TenantId tenant, String paymentId) {
        Objects.requireNonNull(paymentId, "paymentId");
        return unmatched.find(tenant, paymentId).orElseThrow(() -> new MatchRefused(MatchRefused.Kind.UNKNOWN_PAYMENT,
                "no waiting payment " + paymentId));
    }

    /** The contact to register the payment against, or null for the registrar's phone identification. */
    private String chooseContact(TenantId tenant, UnmatchedPayment payment, String journeyId, String given) {
        if (given != null) {
            if (contacts.find(tenant, given).isEmpty()) {
                throw new MatchRefused(MatchRefused.Kind.UNKNOWN_CONTACT, "contact " + given + " is not one of the tenant's");
            }
            return given;
        }
        Evidence evidence = collector.collect(tenant, payment);
        Set<String> reached = evidence.sends().stream().filter(s -> s.journeyId().equals(journeyId))
                .map(RecentSend::contactId).collect(Collectors.toSet());
        Set<String> strong = contactsBy(evidence, key -> key != PayerKey.NAME);
        if (strong.size() == 1) {
            return strong.iterator().next();
        }
        if (strong.size() > 1) {
            // A shared phone or account: the one of them this journey wrote to, if only one.
            strong.retainAll(reached);
            if (strong.size() == 1) {
                return strong.iterator().next();
            }
        } else {
            // A name alone is trusted only together with this journey's message to that very person.
            Set<String> named = contactsBy(evidence, key -> key == PayerKey.NAME);
            named.retainAll(reached);
            if (named.size() == 1) {
                return named.iterator().next();
            }
        }
        if (payment.payer().phone() != null && PhoneNumbers.toE164(payment.payer().phone()).isPresent()) {
            return null;
        }
        throw new MatchRefused(MatchRefused.Kind.PAYER_NOT_IDENTIFIED,
                "payment " + payment.paymentId() + ": the payer is not one known contact; name the contact");
    }

    private static Set<String> contactsBy(Evidence evidence, java.util.function.Predicate<PayerKey> keys) {
        Set<String> ids = new TreeSet<>();
        evidence.payers().stream().filter(m -> keys.test(m.key())).forEach(m -> ids.add(m.contactId()));
        return ids;
    }

    private static UnmatchedPayment decided(UnmatchedPayment p, String status, String journeyId) {
        return new UnmatchedPayment(p.paymentId(), p.source(), p.reference(), p.kind(), p.amountOre(), p.receivedAt(),
                p.payer(), p.message(), status, journeyId);
    }
}
