package no.dialog.core.payment.vipps;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the monthly charges of regular donors' Vipps agreements; Vipps creates none by itself. Run
 * once a day per tenant: every active agreement whose next charge falls due within {@code leadDays} gets a
 * charge, due on that date but never earlier than {@link #MIN_NOTICE_DAYS} days ahead (Vipps' production
 * API refuses a due date less than two days ahead; its test environment takes one),
 * and its next charge moves one month on from the charge's due date (so a schedule that stood still for
 * a while charges once, not once per missed month).
 *
 * <p>Running twice is harmless: the charge's idempotency key is {@code <agreementId>-<due>}, so Vipps
 * answers the second call with the same charge, and the store keeps one charge per agreement and due
 * date. A charge Vipps could not create now (5xx, timeout) is left for the next run.
 */
public final class RecurringChargeScheduler {

    /** The fewest days between creating a charge and its due date that Vipps accepts in production. */
    public static final int MIN_NOTICE_DAYS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(RecurringChargeScheduler.class);

    private final VippsSettings settings;
    private final VippsApi api;
    private final VippsPaymentStore store;
    private final int leadDays;
    private final int retryDays;

    /**
     * @param leadDays  how many days before its due date a charge is created (Vipps notifies the person ahead)
     * @param retryDays how many days Vipps keeps trying a charge that fails (0–14)
     */
    public RecurringChargeScheduler(VippsSettings settings, VippsApi api, VippsPaymentStore store, int leadDays,
                                    int retryDays) {
        this.settings = Objects.requireNonNull(settings);
        this.api = Objects.requireNonNull(api);
        this.store = Objects.requireNonNull(store);
        if (leadDays < MIN_NOTICE_DAYS) {
            throw new IllegalArgumentException("leadDays must be at least " + MIN_NOTICE_DAYS + " (Vipps wants notice)");
        }
        if (retryDays < 0 || retryDays > 14) {
            throw new IllegalArgumentException("retryDays must be 0-14");
        }
        this.leadDays = leadDays;
        this.retryDays = retryDays;
    }

    /** With the defaults: charges created three days ahead, retried for five days. */
    public RecurringChargeScheduler(VippsSettings settings, VippsApi api, VippsPaymentStore store) {
        this(settings, api, store, 3, 5);
    }

    /**
     * What a run did.
     *
     * @param created charges created
     * @param skipped agreements whose charge for that date existed already (the schedule ran twice)
     * @param failed  charges Vipps could not create now (left for the next run)
     * @param refused charges Vipps refused (a 4xx: the agreement may have stopped; left for staff and the
     *                agreement's webhook)
     */
    public record Summary(int created, int skipped, int failed, int refused) {}

    public Summary run(TenantId tenant, LocalDate today) {
        Optional<VippsSettings.TenantVipps> vipps = settings.forTenant(tenant);
        if (vipps.isEmpty()) {
            return new Summary(0, 0, 0, 0);
        }
        int created = 0;
        int skipped = 0;
        int failed = 0;
        int refused = 0;
        LocalDate earliest = today.plusDays(MIN_NOTICE_DAYS);
        String description = vipps.get().recurringProductName() == null || vipps.get().recurringProductName().isBlank()
                ? "Fast gave" : vipps.get().recurringProductName();
        for (VippsPaymentStore.Started agreement : store.agreementsDueBy(tenant, today.plusDays(leadDays))) {
            if (agreement.agreementId() == null || agreement.nextChargeDue() == null) {
                continue;
            }
            LocalDate due = agreement.nextChargeDue().isBefore(earliest) ? earliest : agreement.nextChargeDue();
            String key = agreement.agreementId() + "-" + due;
            String chargeId;
            try {
                chargeId = api.createCharge(vipps.get().credentials(), agreement.agreementId(), agreement.amountOre(),
                        due, retryDays, description, key);
            } catch (VippsException e) {
                if (e.retryable()) {
                    failed++;
                } else {
                    refused++;
                    LOG.warn("vipps refused a charge: tenant={} agreement={} status={}", tenant, agreement.agreementId(),
                            e.status());
                }
                continue;
            }
            boolean added = store.addCharge(tenant, new VippsPaymentStore.Charge(chargeId, agreement.agreementId(),
                    agreement.reference(), agreement.amountOre(), due, "DUE"));
            if (added) {
                created++;
            } else {
                skipped++;
            }
            // Read again: a webhook (stopped, say) may have changed the agreement while Vipps was called.
            VippsPaymentStore.Started current = store.find(tenant, agreement.reference()).orElse(agreement);
            LocalDate next = due.plusMonths(1);
            if (current.nextChargeDue() == null || current.nextChargeDue().isBefore(next)) {
                store.update(tenant, current.withNextChargeDue(next));
            }
        }
        return new Summary(created, skipped, failed, refused);
    }
}
