package no.dialog.core.landing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.enrolment.JourneyCatalog;
import no.dialog.core.enrolment.ResponsePublisher;
import no.dialog.core.journey.JourneyVersion;
import no.dialog.core.journey.Step;
import no.dialog.core.page.LandingPage;
import no.dialog.core.payment.Payments;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.time.OsloTime;

/**
 * The landing page behind a personal link: what to show on a visit, and what a submission does. HTTP
 * (HTML, CSRF, rate limits) is the landing function's; the rules are here.
 *
 * <p>A submission carries a submission id (made when the form was shown). Its effects are applied in
 * an order that makes a repeat harmless: replica, responses and bus events first (all with ids derived
 * from link and submission, so a repeat publishes the same ids), the submission recorded last. A
 * submission id already recorded has no effect at all; on a one-time page, the first valid submission
 * claims the link atomically before its effects, and any other submission finds the link used up.
 */
public final class LandingPages {

    /** What to show. */
    public sealed interface View permits Refused, Form, Done, Redirect, PaymentReturn {}

    /** The friendly page for an unknown, tampered, expired or used-up link. */
    public record Refused(LinkCheck.Refusal reason, String language) implements View {}

    /** The form, first shown (values from the replica) or again with errors. */
    public record Form(Tenant tenant, StoredLink link, LandingPage page, Contact contact,
                       Map<String, List<String>> values, Map<String, String> errors) implements View {
        public String language() {
            return link.binding().language();
        }
    }

    /** The thank-you page. */
    public record Done(Tenant tenant, String language, boolean paymentUnavailable) implements View {}

    /** Onwards to a payment provider. */
    public record Redirect(String url) implements View {}

    /** Back from the payment provider: how the payment the page started stands. */
    public record PaymentReturn(Tenant tenant, String language, Payments.PaymentResult result) implements View {}

    private final LinkCheck links;
    private final LinkStore store;
    private final TenantDirectory tenants;
    private final JourneyCatalog catalog;
    private final ContactStore contacts;
    private final AnswerChecker checker;
    private final AnswerEffects effects;
    private final ResponsePublisher responses;
    private final LandingEvents events;
    private final Payments payments;
    private final Clock clock;

    public LandingPages(LinkCheck links, LinkStore store, TenantDirectory tenants, JourneyCatalog catalog,
                        ContactStore contacts, AnswerChecker checker, AnswerEffects effects,
                        ResponsePublisher responses, LandingEvents events, Payments payments, Clock clock) {
        this.links = Objects.requireNonNull(links);
        this.store = Objects.requireNonNull(store);
        this.tenants = Objects.requireNonNull(tenants);
        this.catalog = Objects.requireNonNull(catalog);
        this.contacts = Objects.requireNonNull(contacts);
        this.checker = Objects.requireNonNull(checker);
        this.effects = Objects.requireNonNull(effects);
        this.responses = Objects.requireNonNull(responses);
        this.events = Objects.requireNonNull(events);
        this.payments = Objects.requireNonNull(payments);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The page for a visit. */
    public View open(String token) {
        Context context = context(token);
        if (context.refused != null) {
            return context.refused;
        }
        if (LinkCheck.usedUp(context.link, context.page, null)) {
            return new Refused(LinkCheck.Refusal.USED, context.link.binding().language());
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        AnswerChecker.prefill(context.page, context.contact).forEach((k, v) -> values.put(k, List.of(v)));
        return new Form(context.tenant, context.link, context.page, context.contact, values, Map.of());
    }

    /**
     * The person is back from the payment provider ({@code ?payment=<reference>} on the link): the result
     * of the payment this link started. A reference that is not this person's shows the page as
     * {@link #open} does, so a guessed reference tells nothing. A one-time page that is used up still
     * shows the result: the payment is what used it.
     */
    public View paymentReturn(String token, String reference) {
        Context context = context(token);
        if (context.refused != null) {
            return context.refused;
        }
        Payments.PaymentResult result = payments.result(context.tenant, context.link.binding().contactId(), reference);
        if (result == Payments.PaymentResult.UNKNOWN) {
            return open(token);
        }
        return new PaymentReturn(context.tenant, context.link.binding().language(), result);
    }

    /**
     * A submission of the form.
     *
     * @param returnUrl where a payment provider sends the person back (the page's own link)
     */
    public View submit(String token, String submissionId, Map<String, List<String>> form, String returnUrl) {
        Context context = context(token);
        if (context.refused != null) {
            return context.refused;
        }
        StoredLink link = context.link;
        String language = link.binding().language();
        if (link.submissions().contains(submissionId)) {
            return new Done(context.tenant, language, false);
        }
        if (LinkCheck.usedUp(link, context.page, submissionId)) {
            return new Refused(LinkCheck.Refusal.USED, language);
        }
        Instant now = clock.instant();
        LocalDate today = OsloTime.today(clock);
        AnswerChecker.Checked checked = checker.check(context.page, context.contact, form, today);
        if (!checked.valid()) {
            Map<String, List<String>> echo = new LinkedHashMap<>(form);
            AnswerChecker.secretFields(context.page).forEach(echo::remove);
            return new Form(context.tenant, link, context.page, context.contact, echo, checked.errors());
        }
        // A one-time page is used up by the first submission that claims it: the check above reads a
        // moment ago, so two different submissions sent together would both pass it.
        if (context.page.oneTime() && !store.claimOnce(link.linkId(), submissionId)) {
            return new Refused(LinkCheck.Refusal.USED, language);
        }
        Map<String, String> wording = new LinkedHashMap<>();
        context.page.questions().forEach(q -> wording.put(q.id(), LandingTexts.label(q, language)));
        AnswerEffects.Effects effect = effects.of(link, context.page, context.contact, checked.answers(), submissionId,
                wording, now, today, returnUrl);
        if (effect.contact() != null) {
            contacts.upsert(context.tenant.id(), effect.contact());
        }
        if (!effect.signals().isEmpty()) {
            responses.publish(context.tenant.id(), effect.signals());
        }
        if (!effect.events().isEmpty()) {
            events.publish(context.tenant.id(), effect.events());
        }
        Payments.PaymentStart payment = effect.payment() == null ? null
                : payments.start(context.tenant, effect.payment());
        store.recordSubmission(link.linkId(), submissionId, now, effect.sealed());
        if (payment != null && payment.available()) {
            return new Redirect(payment.redirectUrl());
        }
        return new Done(context.tenant, language, payment != null);
    }

    private static final class Context {
        Refused refused;
        StoredLink link;
        Tenant tenant;
        LandingPage page;
        Contact contact;
    }

    private Context context(String token) {
        Context context = new Context();
        LinkCheck.Result result = links.check(token, clock.instant());
        if (!result.ok()) {
            context.refused = new Refused(result.refusal(), result.language());
            return context;
        }
        context.link = result.link();
        LinkBinding binding = result.link().binding();
        Optional<Tenant> tenant = tenants.find(binding.tenant());
        Optional<LandingPage> page = catalog.version(binding.tenant(), binding.journeyId(), binding.version())
                .map(JourneyVersion::definition)
                .map(definition -> definition.steps().get(binding.stepId()))
                .filter(step -> step instanceof Step.Send)
                .map(step -> ((Step.Send) step).page());
        Optional<Contact> contact = contacts.find(binding.tenant(), binding.contactId());
        if (tenant.isEmpty() || page.isEmpty() || contact.isEmpty()) {
            // A link to a page that no longer has questions, or a person since deleted: same as unknown.
            context.refused = new Refused(LinkCheck.Refusal.UNKNOWN, binding.language());
            return context;
        }
        context.tenant = tenant.get();
        context.page = page.get();
        context.contact = contact.get();
        return context;
    }
}
