package no.dialog.core.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import no.dialog.core.payment.vipps.VippsApi;
import no.dialog.core.payment.vipps.VippsCredentials;
import no.dialog.core.payment.vipps.VippsException;

/**
 * A scripted {@link VippsApi}: creates payments, agreements and charges the way Vipps does (the same
 * idempotency key gets the same answer, and creates nothing new), answers with the states a test sets,
 * serves a Donations report from a list, pages of {@link #donationsPageSize}, and can fail the next call.
 */
public final class FakeVippsApi implements VippsApi {

    /** One call, for assertions. */
    public record Call(String operation, String id, String idempotencyKey, long amountOre, LocalDate due) {}

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    public final List<PaymentOrder> paymentOrders = new CopyOnWriteArrayList<>();
    public final List<AgreementOrder> agreementOrders = new CopyOnWriteArrayList<>();
    public final List<Instant> donationQueries = new CopyOnWriteArrayList<>();
    public int donationsPageSize = 1000;

    private final Map<String, CreatedPayment> paymentsByKey = new HashMap<>();
    private final Map<String, CreatedAgreement> agreementsByKey = new HashMap<>();
    private final Map<String, String> chargesByKey = new HashMap<>();
    private final Map<String, PaymentState> paymentStates = new HashMap<>();
    private final Map<String, AgreementState> agreementStates = new HashMap<>();
    private final List<Donation> donations = new ArrayList<>();
    private final List<VippsException> failures = new ArrayList<>();
    private int created;

    /** The next call (of any kind) throws this. */
    public synchronized FakeVippsApi failNext(VippsException failure) {
        failures.add(failure);
        return this;
    }

    public static VippsException serverError() {
        return new VippsException("vipps 503 Service Unavailable", 503, true, null);
    }

    public static VippsException refused() {
        return new VippsException("vipps 400 Bad Request", 400, false, null);
    }

    public synchronized void setPaymentState(String reference, String state) {
        paymentStates.put(reference, new PaymentState(reference, state, 0, 0, "psp-" + reference));
    }

    public synchronized void setAgreementStatus(String agreementId, String status) {
        agreementStates.put(agreementId, new AgreementState(agreementId, status, 0));
    }

    public synchronized void addDonation(Donation donation) {
        donations.add(donation);
        donations.sort(Comparator.comparing(Donation::capturedAt));
    }

    public long count(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).count();
    }

    /** How many distinct payments, agreements and charges were created (repeats by key not counted). */
    public synchronized int created() {
        return created;
    }

    private void maybeFail() {
        if (!failures.isEmpty()) {
            throw failures.remove(0);
        }
    }

    @Override
    public synchronized CreatedPayment createPayment(VippsCredentials credentials, PaymentOrder order,
                                                     String idempotencyKey) {
        calls.add(new Call("createPayment", order.reference(), idempotencyKey, order.amountOre(), null));
        maybeFail();
        paymentOrders.add(order);
        return paymentsByKey.computeIfAbsent(idempotencyKey, key -> {
            created++;
            paymentStates.putIfAbsent(order.reference(),
                    new PaymentState(order.reference(), "CREATED", 0, 0, "psp-" + order.reference()));
            return new CreatedPayment(order.reference(), "https://vipps.test/landing/" + order.reference());
        });
    }

    @Override
    public synchronized PaymentState payment(VippsCredentials credentials, String reference) {
        calls.add(new Call("payment", reference, null, 0, null));
        maybeFail();
        PaymentState state = paymentStates.get(reference);
        if (state == null) {
            throw new VippsException("vipps 404 Not Found", 404, false, null);
        }
        return state;
    }

    @Override
    public synchronized void capture(VippsCredentials credentials, String reference, long amountOre,
                                     String idempotencyKey) {
        calls.add(new Call("capture", reference, idempotencyKey, amountOre, null));
        maybeFail();
    }

    @Override
    public synchronized CreatedAgreement createAgreement(VippsCredentials credentials, AgreementOrder order,
                                                         String idempotencyKey) {
        calls.add(new Call("createAgreement", null, idempotencyKey, order.monthlyAmountOre(), null));
        maybeFail();
        agreementOrders.add(order);
        return agreementsByKey.computeIfAbsent(idempotencyKey, key -> {
            created++;
            String id = "agr_" + created;
            agreementStates.put(id, new AgreementState(id, "PENDING", order.monthlyAmountOre()));
            return new CreatedAgreement(id, "https://vipps.test/agreement/" + id);
        });
    }

    @Override
    public synchronized AgreementState agreement(VippsCredentials credentials, String agreementId) {
        calls.add(new Call("agreement", agreementId, null, 0, null));
        maybeFail();
        AgreementState state = agreementStates.get(agreementId);
        if (state == null) {
            throw new VippsException("vipps 404 Not Found", 404, false, null);
        }
        return state;
    }

    @Override
    public synchronized String createCharge(VippsCredentials credentials, String agreementId, long amountOre,
                                            LocalDate due, int retryDays, String description, String idempotencyKey) {
        calls.add(new Call("createCharge", agreementId, idempotencyKey, amountOre, due));
        maybeFail();
        return chargesByKey.computeIfAbsent(idempotencyKey, key -> {
            created++;
            return "chg-" + created;
        });
    }

    @Override
    public synchronized DonationsPage donations(VippsCredentials credentials, Instant capturedAfter, int limit) {
        calls.add(new Call("donations", null, null, 0, null));
        donationQueries.add(capturedAfter);
        maybeFail();
        int size = Math.min(limit, donationsPageSize);
        List<Donation> after = donations.stream().filter(d -> d.capturedAt().isAfter(capturedAfter)).toList();
        List<Donation> page = after.subList(0, Math.min(size, after.size()));
        return new DonationsPage(List.copyOf(page), after.size() > page.size());
    }
}
