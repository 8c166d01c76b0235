package no.dialog.core.landing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.EventParticipation;
import no.dialog.core.contact.Membership;
import no.dialog.core.contact.MembershipStatus;
import no.dialog.core.contact.ParticipationStatus;
import no.dialog.core.contact.PostalAddress;
import no.dialog.core.contact.Reservations;
import no.dialog.core.crypto.RegisterPublicKey;
import no.dialog.core.journey.Signal;
import no.dialog.core.page.AnswerValues;
import no.dialog.core.page.LandingPage;
import no.dialog.core.page.QuestionType;
import no.dialog.core.payment.Attribution;
import no.dialog.core.payment.Payments;

/**
 * What valid answers do, worked out without side effects so that it can be tested and repeated: one
 * {@code answered} signal per answer (attributes {@code question}, {@code value}, {@code stepId}, and
 * {@code amountOre} for gifts, the same keys the {@code journey.answered} segment field and
 * {@code SignalMatch} read), the contact as Dialog's replica should now hold it, the write-back events
 * for the organisation's register, the sealed secrets, and a payment to start.
 *
 * <p>Every id is derived from the link and the submission ({@code <linkId>:<submissionId>:<question>}),
 * so applying the same submission again publishes the same ids, which the receivers ignore.
 */
public final class AnswerEffects {

    public static final String SOURCE = "landing-page";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Why a {@code TaxDeductionRequested} carries no number: the organisation has registered no public key. */
    public static final String WITHHELD_NO_REGISTER_KEY = "no-register-key";

    private final SealedNumbers numbers;
    private final RegisterKeys registerKeys;

    /**
     * @param numbers      seals a national identity number with the tenant's data key before it is stored
     * @param registerKeys the organisation's registered public key, to which the number is encrypted for its register
     */
    public AnswerEffects(SealedNumbers numbers, RegisterKeys registerKeys) {
        this.numbers = Objects.requireNonNull(numbers, "numbers");
        this.registerKeys = Objects.requireNonNull(registerKeys, "registerKeys");
    }

    /** The public key an organisation registered for its member register ({@link RegisterPublicKey#SETTING}), if any. */
    @FunctionalInterface
    public interface RegisterKeys {
        java.util.Optional<RegisterPublicKey> of(no.dialog.core.tenant.TenantId tenant);
    }

    /** The effects of one submission. {@code contact} is null when nothing in the replica changes. */
    public record Effects(List<Signal> signals, Contact contact, List<LandingEvents.BusEvent> events,
                          Map<String, String> sealed, Payments.PaymentRequest payment) {}

    /**
     * @param wording the question's label as it was shown, by question id (recorded with a consent)
     */
    public Effects of(StoredLink link, LandingPage page, Contact contact, List<Answer> answers, String submissionId,
                      Map<String, String> wording, Instant now, LocalDate today, String returnUrl) {
        LinkBinding binding = link.binding();
        String base = link.linkId() + ":" + submissionId;
        List<Signal> signals = new ArrayList<>();
        List<LandingEvents.BusEvent> events = new ArrayList<>();
        Map<String, String> sealed = new LinkedHashMap<>();
        Payments.PaymentRequest payment = null;
        Replica replica = new Replica(contact);

        for (Answer answer : answers) {
            String key = base + ":" + answer.questionId();
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("question", answer.questionId());
            attributes.put("value", answer.value());
            attributes.put("stepId", binding.stepId());
            LandingPage.Question question = page.question(answer.questionId()).orElseThrow();
            switch (answer.type()) {
                case ADDRESS:
                    if (answer.value().equals(AnswerValues.CHANGED)) {
                        PostalAddress address = new PostalAddress(answer.detail("street"), answer.detail("postcode"),
                                answer.detail("place"), "NO");
                        replica.address = address;
                        ObjectNode value = MAPPER.createObjectNode().put("street", address.street())
                                .put("postcode", address.postcode()).put("city", address.city()).put("country", "NO");
                        events.add(update(binding, key, now, "address", value));
                    }
                    break;
                case MOBILE:
                    if (!answer.detail("phone").equals(contact.phone())) {
                        replica.phone = answer.detail("phone");
                        events.add(update(binding, key, now, "phone", MAPPER.getNodeFactory().textNode(replica.phone)));
                    }
                    break;
                case EMAIL:
                    if (!answer.detail("email").equals(contact.email())) {
                        replica.email = answer.detail("email");
                        events.add(update(binding, key, now, "email", MAPPER.getNodeFactory().textNode(replica.email)));
                    }
                    break;
                case CONSENT: {
                    Channel channel = Channel.fromJsonName(answer.detail("channel")).orElseThrow();
                    boolean granted = answer.value().equals(AnswerValues.YES);
                    replica.consents.put(channel, new Consent(granted, SOURCE, now));
                    events.add(new LandingEvents.BusEvent("ConsentChanged", detail(binding, key, now)
                            .put("channel", channel.jsonName()).put("granted", granted).put("source", SOURCE)
                            .put("at", now.toString()).put("language", binding.language())
                            .put("wording", wording.getOrDefault(answer.questionId(), ""))));
                    break;
                }
                case PROFILING: {
                    boolean objects = answer.value().equals(AnswerValues.NO);
                    replica.reservations = replica.reservations.withProfilingObjection(objects);
                    events.add(new LandingEvents.BusEvent("ProfilingObjectionChanged", detail(binding, key, now)
                            .put("objectsToProfiling", objects).put("source", SOURCE).put("at", now.toString())
                            .put("language", binding.language())
                            .put("wording", wording.getOrDefault(answer.questionId(), ""))));
                    break;
                }
                case GIVE:
                case REGULAR_DONOR:
                    attributes.put("amountOre", answer.detail("amountOre"));
                    if (payment == null) {
                        payment = new Payments.PaymentRequest(binding.contactId(), answer.type() == QuestionType.REGULAR_DONOR,
                                Long.parseLong(answer.detail("amountOre")), key, returnUrl,
                                new Attribution(binding.journeyId(), binding.version(), binding.stepId(), null,
                                        binding.enrolmentId().isEmpty() ? null : binding.enrolmentId()));
                    }
                    break;
                case MEMBERSHIP:
                    replica.memberships.add(new Membership(answer.value(), MembershipStatus.PENDING, today, null, null,
                            null, null));
                    events.add(new LandingEvents.BusEvent("MembershipApplied", detail(binding, key, now)
                            .put("membershipType", answer.value())));
                    break;
                case EVENT:
                    replica.events.add(new EventParticipation(answer.value(), null, null, ParticipationStatus.REGISTERED));
                    events.add(new LandingEvents.BusEvent("EventSignup", detail(binding, key, now)
                            .put("eventId", answer.value())));
                    break;
                case VOLUNTEER: {
                    ObjectNode detail = detail(binding, key, now);
                    var areas = detail.putArray("areas");
                    for (String area : answer.value().split(",")) {
                        areas.add(area);
                        replica.volunteerAreas.add(area);
                    }
                    events.add(new LandingEvents.BusEvent("VolunteerSignup", detail));
                    break;
                }
                case STUDENT:
                    if (answer.value().equals(AnswerValues.YES)) {
                        LocalDate exam = LocalDate.parse(answer.detail("examDate"));
                        replica.examDate(exam);
                        replica.attributes.put("stillStudent", true);
                        events.add(update(binding, key, now, "memberships.student.examDate",
                                MAPPER.getNodeFactory().textNode(exam.toString())));
                    } else {
                        replica.attributes.put("stillStudent", false);
                        ObjectNode detail = detail(binding, key, now).put("from", "student")
                                .put("reason", "no-longer-student");
                        String to = question.settings().get("changeTo");
                        if (to == null) {
                            detail.putNull("to");
                        } else {
                            detail.put("to", to);
                        }
                        events.add(new LandingEvents.BusEvent("MembershipChangeRequested", detail));
                    }
                    break;
                case TAX_ID: {
                    String number = answer.detail("taxId");
                    sealed.put(answer.questionId(), numbers.seal(binding.tenant(), binding.contactId(), number));
                    replica.attributes.put("taxDeduction", true);
                    // The register gets the number only in a form its organisation alone can open: encrypted to the
                    // public key it registered. Dialog's sealed copy stays with Dialog.
                    ObjectNode detail = detail(binding, key, now);
                    java.util.Optional<RegisterPublicKey> registerKey = registerKeys.of(binding.tenant());
                    if (registerKey.isPresent()) {
                        detail.put("nationalIdJwe", registerKey.get().encrypt(number))
                                .put("registerKeyId", registerKey.get().keyId());
                    } else {
                        detail.putNull("nationalIdJwe").put("nationalIdWithheld", WITHHELD_NO_REGISTER_KEY);
                    }
                    events.add(new LandingEvents.BusEvent("TaxDeductionRequested", detail));
                    break;
                }
                case FREE_TEXT:
                    events.add(new LandingEvents.BusEvent("MessageReceived", detail(binding, key, now)
                            .put("text", answer.detail("text"))));
                    break;
                default:
                    throw new IllegalStateException("no effects for " + answer.type());
            }
            signals.add(new Signal("landing:" + key, "answered", binding.contactId(), now, attributes,
                    binding.journeyId(), binding.enrolmentId().isEmpty() ? null : binding.enrolmentId()));
        }
        return new Effects(signals, replica.differs() ? replica.build(now) : null, events, sealed, payment);
    }

    private static LandingEvents.BusEvent update(LinkBinding binding, String key, Instant now, String field,
                                                 com.fasterxml.jackson.databind.JsonNode value) {
        ObjectNode detail = detail(binding, key, now).put("field", field);
        detail.set("value", value);
        return new LandingEvents.BusEvent("ContactUpdateRequested", detail);
    }

    private static ObjectNode detail(LinkBinding binding, String key, Instant now) {
        return MAPPER.createObjectNode().put("tenant", binding.tenant().value()).put("contactId", binding.contactId())
                .put("idempotencyKey", key).put("occurredAt", now.toString()).put("source", SOURCE)
                .put("journeyId", binding.journeyId()).put("stepId", binding.stepId());
    }

    /** The contact being changed, field by field. */
    private static final class Replica {
        private final Contact original;
        PostalAddress address;
        String phone;
        String email;
        final Map<Channel, Consent> consents;
        Reservations reservations;
        final List<Membership> memberships;
        final List<EventParticipation> events;
        final Set<String> volunteerAreas;
        final Map<String, Object> attributes;

        Replica(Contact contact) {
            original = contact;
            address = contact.address();
            phone = contact.phone();
            email = contact.email();
            consents = new LinkedHashMap<>(contact.consents());
            reservations = contact.reservations();
            memberships = new ArrayList<>(contact.memberships());
            events = new ArrayList<>(contact.events());
            volunteerAreas = new LinkedHashSet<>(contact.volunteerAreas());
            attributes = new LinkedHashMap<>(contact.attributes());
        }

        void examDate(LocalDate exam) {
            for (int i = 0; i < memberships.size(); i++) {
                Membership m = memberships.get(i);
                if ("student".equals(m.type()) && m.status() == MembershipStatus.ACTIVE) {
                    memberships.set(i, new Membership(m.type(), m.status(), m.start(), m.end(), m.paidUntil(),
                            m.chapter(), exam));
                }
            }
        }

        Contact build(Instant now) {
            return new Contact(original.id(), original.nextChangeAt(now), original.firstName(), original.lastName(), original.birthDate(), phone,
                    email, address, memberships, original.donor(), events, original.roles(), List.copyOf(volunteerAreas),
                    consents, reservations, attributes);
        }

        boolean differs() {
            Contact o = original;
            return !Objects.equals(address, o.address()) || !Objects.equals(phone, o.phone())
                    || !Objects.equals(email, o.email()) || !consents.equals(o.consents())
                    || !memberships.equals(o.memberships()) || !events.equals(o.events())
                    || !List.copyOf(volunteerAreas).equals(o.volunteerAreas()) || !attributes.equals(o.attributes())
                    || !reservations.equals(o.reservations());
        }
    }
}
