package no.dialog.core.payment.vipps;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import no.dialog.core.payment.Payments;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Landing pages' payments through Vipps MobilePay: a gift becomes an ePayment ({@code WEB_REDIRECT}), a
 * monthly amount a Recurring agreement. The start is recorded before Vipps is called, keyed by a
 * reference made from the submission ({@link VippsReferences}), and the same reference is the call's
 * {@code Idempotency-Key}: a second start of the same submission (a double click, a retry after a
 * timeout) sends the person to the same Vipps page and never creates a second payment or agreement.
 *
 * <p>Vipps sends the person back to the page's return URL with {@code payment=<Vipps reference>} added,
 * which the page passes to {@link #result} (the submission's own reference works too).
 *
 * <p>Tenant settings: {@code vipps.agreementUrl} (where a donor manages the agreement; default the return
 * URL), {@code vipps.paymentDescription} (the text on a gift; default {@code Gave til <organisation>}).
 */
public final class VippsLandingPayments implements Payments {

    /** The query parameter that carries the Vipps reference back to the page. */
    public static final String RETURN_PARAMETER = "payment";

    private static final Logger LOG = LoggerFactory.getLogger(VippsLandingPayments.class);

    private final VippsSettings settings;
    private final VippsApi api;
    private final VippsPaymentStore store;
    private final Clock clock;

    public VippsLandingPayments(VippsSettings settings, VippsApi api, VippsPaymentStore store, Clock clock) {
        this.settings = Objects.requireNonNull(settings);
        this.api = Objects.requireNonNull(api);
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * @return where to send the person; not available when the tenant has no Vipps set-up or Vipps refused
     *         the request (a 4xx: the page says giving is not available)
     * @throws VippsException when Vipps could not be reached or failed (retryable): submitting again is safe
     */
    @Override
    public PaymentStart start(Tenant tenant, PaymentRequest request) {
        Optional<VippsSettings.TenantVipps> vipps = settings.forTenant(tenant.id());
        if (vipps.isEmpty()) {
            return new PaymentStart(null);
        }
        if (request.amountOre() <= 0) {
            throw new IllegalArgumentException("a payment's amount must be positive");
        }
        String reference = VippsReferences.forSubmission(request.reference());
        Instant now = clock.instant();
        VippsPaymentStore.Started fresh = new VippsPaymentStore.Started(reference, request.contactId(),
                request.monthly(), request.amountOre(), request.attribution(), null,
                request.monthly() ? "PENDING" : "CREATED", now, now, null, null);
        if (!store.create(tenant.id(), fresh)) {
            VippsPaymentStore.Started earlier = store.find(tenant.id(), reference).orElse(fresh);
            if (earlier.redirectUrl() != null) {
                return new PaymentStart(earlier.redirectUrl());
            }
            // Started before but cut off before Vipps answered: the same idempotency key gets the same answer.
        }
        String returnUrl = withReference(request.returnUrl(), reference);
        try {
            String agreementId = null;
            String redirect;
            if (request.monthly()) {
                String agreementUrl = tenant.setting("vipps.agreementUrl").orElse(returnUrl);
                VippsApi.CreatedAgreement created = api.createAgreement(vipps.get().credentials(),
                        new VippsApi.AgreementOrder(request.amountOre(), productName(tenant, vipps.get()), returnUrl,
                                agreementUrl, null), reference);
                agreementId = created.agreementId();
                redirect = created.confirmationUrl();
            } else {
                VippsApi.CreatedPayment created = api.createPayment(vipps.get().credentials(),
                        new VippsApi.PaymentOrder(reference, request.amountOre(), returnUrl, description(tenant), null),
                        reference);
                redirect = created.redirectUrl();
            }
            // Read again: a webhook may have moved the state since (the created event comes at once).
            VippsPaymentStore.Started current = store.find(tenant.id(), reference).orElse(fresh);
            store.update(tenant.id(), current.withCreated(agreementId, redirect, clock.instant()));
            return new PaymentStart(redirect);
        } catch (VippsException e) {
            if (e.retryable()) {
                throw e;
            }
            LOG.warn("vipps refused to start a payment: tenant={} status={}", tenant.id(), e.status());
            return new PaymentStart(null);
        }
    }

    /**
     * How the payment stands for the person. {@code reference} is what the page got back in
     * {@code ?payment=} (or the submission's reference). A payment of someone else is {@code UNKNOWN}.
     * A payment still waiting (no webhook yet) is asked of Vipps once.
     */
    @Override
    public PaymentResult result(Tenant tenant, String contactId, String reference) {
        if (reference == null || reference.isBlank()) {
            return PaymentResult.UNKNOWN;
        }
        TenantId id = tenant.id();
        Optional<VippsPaymentStore.Started> found = VippsReferences.isDialogReference(reference)
                ? store.find(id, reference) : Optional.empty();
        if (found.isEmpty()) {
            found = store.find(id, VippsReferences.forSubmission(reference));
        }
        if (found.isEmpty() || !found.get().contactId().equals(contactId)) {
            return PaymentResult.UNKNOWN;
        }
        VippsPaymentStore.Started started = found.get();
        PaymentResult known = map(started.state());
        if (known != PaymentResult.PENDING) {
            return known;
        }
        return ask(id, started);
    }

    private PaymentResult ask(TenantId tenant, VippsPaymentStore.Started started) {
        Optional<VippsSettings.TenantVipps> vipps = settings.forTenant(tenant);
        if (vipps.isEmpty() || (started.monthly() && started.agreementId() == null)) {
            return PaymentResult.PENDING;
        }
        String state;
        try {
            state = started.monthly()
                    ? api.agreement(vipps.get().credentials(), started.agreementId()).status()
                    : api.payment(vipps.get().credentials(), started.reference()).state();
        } catch (VippsException e) {
            // The page can say "waiting" and let the person reload; the webhook will tell in the end.
            return PaymentResult.PENDING;
        }
        if (state == null) {
            return PaymentResult.PENDING;
        }
        boolean moves = started.monthly() ? VippsStates.agreementMoves(started.state(), state)
                : VippsStates.paymentMoves(started.state(), state);
        if (moves) {
            // Only the state: the webhook, when it comes, carries out the effects (capture, registration).
            store.update(tenant, started.withState(state, clock.instant()));
        }
        return map(state);
    }

    static PaymentResult map(String state) {
        switch (state) {
            case "CAPTURED":
            case "AUTHORIZED":
            case "ACTIVE":
                return PaymentResult.COMPLETED;
            case "CREATED":
            case "PENDING":
                return PaymentResult.PENDING;
            default:
                return PaymentResult.NOT_COMPLETED;
        }
    }

    /** The return URL with {@code payment=<reference>} added (the reference needs no escaping). */
    static String withReference(String returnUrl, String reference) {
        if (returnUrl == null || returnUrl.isBlank()) {
            throw new IllegalArgumentException("a payment request needs a return URL");
        }
        int hash = returnUrl.indexOf('#');
        String base = hash < 0 ? returnUrl : returnUrl.substring(0, hash);
        String fragment = hash < 0 ? "" : returnUrl.substring(hash);
        String separator = base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
        return base + separator + RETURN_PARAMETER + "=" + URLEncoder.encode(reference, StandardCharsets.UTF_8)
                + fragment;
    }

    private static String description(Tenant tenant) {
        return tenant.setting("vipps.paymentDescription")
                .orElse(tenant.name() == null || tenant.name().isBlank() ? "Gave" : "Gave til " + tenant.name());
    }

    private static String productName(Tenant tenant, VippsSettings.TenantVipps vipps) {
        if (vipps.recurringProductName() != null && !vipps.recurringProductName().isBlank()) {
            return vipps.recurringProductName();
        }
        return tenant.name() == null || tenant.name().isBlank() ? "Fast gave" : "Fast gave til " + tenant.name();
    }
}
