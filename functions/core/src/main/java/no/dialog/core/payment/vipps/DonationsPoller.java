package no.dialog.core.payment.vipps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import no.dialog.core.contact.PhoneNumbers;
import no.dialog.core.payment.IncomingPayment;
import no.dialog.core.payment.Payer;
import no.dialog.core.payment.PaymentKind;
import no.dialog.core.payment.PaymentRegistrar;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.payment.UnmatchedPayment;
import no.dialog.core.payment.UnmatchedPayments;
import no.dialog.core.tenant.TenantId;

/**
 * Reads the gifts a tenant received in the Vipps app (its Donations report) and registers each, once,
 * through the {@link PaymentRegistrar} (which identifies the giver by phone number or makes a giver
 * candidate). A gift without a usable phone number goes to the {@link UnmatchedPayments} for staff.
 *
 * <p>The cursor is the {@code capturedAt} of the last gift registered, moved after each page. The next
 * read starts a millisecond before it (the report's {@code capturedAfter} is exclusive), so gifts that share
 * the last instant across a page boundary are read again rather than skipped; the ledger keeps them once.
 * With no cursor yet, reading starts {@code firstLookBack} ago.
 */
public final class DonationsPoller {

    /** Gifts per page (the report's maximum). */
    public static final int PAGE_SIZE = 1000;

    private final VippsSettings settings;
    private final VippsApi api;
    private final DonationCursors cursors;
    private final PaymentRegistrar registrar;
    private final UnmatchedPayments unmatched;
    private final Clock clock;
    private final Duration firstLookBack;
    private final int maxPages;

    /**
     * @param firstLookBack how far back the first poll of a tenant reads
     * @param maxPages      pages read in one poll at most (the rest waits for the next poll)
     */
    public DonationsPoller(VippsSettings settings, VippsApi api, DonationCursors cursors, PaymentRegistrar registrar,
                           UnmatchedPayments unmatched, Clock clock, Duration firstLookBack, int maxPages) {
        this.settings = Objects.requireNonNull(settings);
        this.api = Objects.requireNonNull(api);
        this.cursors = Objects.requireNonNull(cursors);
        this.registrar = Objects.requireNonNull(registrar);
        this.unmatched = Objects.requireNonNull(unmatched);
        this.clock = Objects.requireNonNull(clock);
        this.firstLookBack = Objects.requireNonNull(firstLookBack);
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1");
        }
        this.maxPages = maxPages;
    }

    /** With the defaults: a first poll reads the last day, at most 20 pages a poll. */
    public DonationsPoller(VippsSettings settings, VippsApi api, DonationCursors cursors, PaymentRegistrar registrar,
                           UnmatchedPayments unmatched, Clock clock) {
        this(settings, api, cursors, registrar, unmatched, clock, Duration.ofDays(1), 20);
    }

    /**
     * What a poll did.
     *
     * @param registered gifts registered now (against a known person or a new or existing candidate)
     * @param already    gifts registered before (read again at a page boundary or after a crash)
     * @param candidates of the registered, those whose giver could not be identified (a giver candidate)
     * @param unmatched  gifts without a usable phone number, kept for staff
     * @param pages      pages read
     */
    public record Summary(int registered, int already, int candidates, int unmatched, int pages) {}

    public Summary poll(TenantId tenant) {
        Optional<VippsSettings.TenantVipps> vipps = settings.forTenant(tenant);
        if (vipps.isEmpty()) {
            return new Summary(0, 0, 0, 0, 0);
        }
        Instant cursor = cursors.position(tenant).orElseGet(() -> clock.instant().minus(firstLookBack));
        boolean inclusive = cursors.position(tenant).isPresent();
        int registered = 0;
        int already = 0;
        int candidates = 0;
        int kept = 0;
        int pages = 0;
        while (pages < maxPages) {
            Instant after = inclusive ? cursor.minusMillis(1) : cursor;
            VippsApi.DonationsPage page = api.donations(vipps.get().credentials(), after, PAGE_SIZE);
            pages++;
            if (page.donations().isEmpty()) {
                break;
            }
            for (VippsApi.Donation donation : page.donations()) {
                IncomingPayment gift = new IncomingPayment(PaymentSource.VIPPS_APP, donation.reference(),
                        PaymentKind.GIFT, donation.amountOre(), donation.capturedAt(), null,
                        new Payer(donation.payerName(), donation.payerPhone(), null), null, donation.message());
                if (donation.payerPhone() == null || PhoneNumbers.toE164(donation.payerPhone()).isEmpty()) {
                    if (unmatched.add(tenant, UnmatchedPayment.open(gift))) {
                        kept++;
                    } else {
                        already++;
                    }
                    continue;
                }
                PaymentRegistrar.Registration registration = registrar.register(tenant, gift);
                if (!registration.isNew()) {
                    already++;
                } else {
                    registered++;
                    if (registration.payment().candidate()) {
                        candidates++;
                    }
                }
            }
            Instant last = page.donations().get(page.donations().size() - 1).capturedAt();
            cursors.advance(tenant, last);
            if (!page.more()) {
                break;
            }
            if (inclusive && !last.isAfter(cursor)) {
                // A whole page of gifts at the cursor's instant: reading inclusively again would loop. Go past it
                // (losing only gifts beyond a full page in one millisecond, which the report cannot hold anyway).
                inclusive = false;
            } else {
                inclusive = true;
            }
            cursor = last;
        }
        return new Summary(registered, already, candidates, kept, pages);
    }
}
