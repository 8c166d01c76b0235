package no.dialog.core.payment.vipps;

import static no.dialog.core.payment.vipps.VippsEventProcessorTest.CREDENTIALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.contact.Contact;
import no.dialog.core.payment.PaymentIds;
import no.dialog.core.payment.PaymentRegistrar;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.FakeVippsApi;
import no.dialog.core.testing.InMemoryContactStore;
import no.dialog.core.testing.InMemoryDonationCursors;
import no.dialog.core.testing.InMemoryGiverCandidates;
import no.dialog.core.testing.InMemoryPaymentLedger;
import no.dialog.core.testing.InMemoryUnmatchedPayments;
import no.dialog.core.testing.RecordingPaymentEvents;
import no.dialog.core.testing.RecordingResponses;
import no.dialog.core.testing.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DonationsPollerTest {

    private static final TenantId DEMO = new TenantId("demo");
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final Instant T1 = NOW.minusSeconds(3600);
    private static final Instant T2 = NOW.minusSeconds(1800);
    private static final Instant T3 = NOW.minusSeconds(900);

    private final SettableClock clock = new SettableClock(NOW);
    private final FakeVippsApi api = new FakeVippsApi();
    private final InMemoryDonationCursors cursors = new InMemoryDonationCursors();
    private final InMemoryPaymentLedger ledger = new InMemoryPaymentLedger();
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final RecordingPaymentEvents events = new RecordingPaymentEvents();
    private final InMemoryUnmatchedPayments unmatched = new InMemoryUnmatchedPayments();
    private boolean configured = true;
    private final VippsSettings settings = tenant -> configured
            ? Optional.of(new VippsSettings.TenantVipps(CREDENTIALS, "hook-secret", true, null))
            : Optional.empty();
    private final PaymentRegistrar registrar = new PaymentRegistrar(ledger, new InMemoryGiverCandidates(), contacts,
            new RecordingResponses(), events, clock);
    private final DonationsPoller poller = new DonationsPoller(settings, api, cursors, registrar, unmatched, clock);

    @BeforeEach
    void aKnownGiver() {
        contacts.upsert(DEMO, new Contact("c-1", Instant.parse("2026-01-01T00:00:00Z"), "Kari", "Nordmann", null,
                "+4791234567", null, null, List.of(), null, List.of(), List.of(), List.of(), Map.of(), null, Map.of()));
    }

    private static VippsApi.Donation donation(String reference, String phone, Instant at) {
        return new VippsApi.Donation(reference, "Ola Giver", phone, 15_000, at, "Takk for innsatsen");
    }

    @Test
    void theFirstPollReadsTheLastDayAndRegistersEachGiftByItsGiver() {
        api.addDonation(donation("don-1", "+4791234567", T1));
        api.addDonation(donation("don-2", "98765432", T2));
        api.addDonation(donation("don-3", null, T3));

        DonationsPoller.Summary summary = poller.poll(DEMO);

        assertThat(summary).isEqualTo(new DonationsPoller.Summary(2, 0, 1, 1, 1));
        assertThat(api.donationQueries).containsExactly(NOW.minus(Duration.ofDays(1)));
        assertThat(ledger.find(DEMO, PaymentIds.of(PaymentSource.VIPPS_APP, "don-1")).orElseThrow().payment().contactId())
                .isEqualTo("c-1");
        assertThat(ledger.find(DEMO, PaymentIds.of(PaymentSource.VIPPS_APP, "don-2")).orElseThrow().payment().candidate())
                .isTrue();
        assertThat(unmatched.find(DEMO, PaymentIds.of(PaymentSource.VIPPS_APP, "don-3"))).isPresent();
        assertThat(cursors.position(DEMO)).contains(T3);
        assertThat(events.types()).containsExactly("GiftReceived", "GiverCandidateFound", "GiftReceived");
    }

    @Test
    void giftsSharingAnInstantAcrossAPageBoundaryAreAllRegisteredOnce() {
        api.donationsPageSize = 2;
        api.addDonation(donation("don-1", "+4791234567", T1));
        api.addDonation(donation("don-2", "+4791234567", T2));
        api.addDonation(donation("don-3", "+4791234567", T2));
        api.addDonation(donation("don-4", "+4791234567", T3));

        DonationsPoller.Summary summary = poller.poll(DEMO);

        assertThat(summary.registered()).isEqualTo(4);
        assertThat(summary.already()).isEqualTo(1);
        assertThat(ledger.size()).isEqualTo(4);
        assertThat(api.donationQueries).containsExactly(NOW.minus(Duration.ofDays(1)), T2.minusMillis(1), T2);
        assertThat(cursors.moves).containsExactly(T2, T3);
    }

    @Test
    void theNextPollStartsAtTheCursorAndRegistersNothingTwice() {
        api.addDonation(donation("don-1", "+4791234567", T1));
        poller.poll(DEMO);
        api.addDonation(donation("don-2", "+4791234567", T1));
        api.addDonation(donation("don-3", "+4791234567", T2));

        DonationsPoller.Summary summary = poller.poll(DEMO);

        assertThat(summary).isEqualTo(new DonationsPoller.Summary(2, 1, 0, 0, 1));
        assertThat(api.donationQueries.get(1)).isEqualTo(T1.minusMillis(1));
        assertThat(ledger.size()).isEqualTo(3);
        assertThat(cursors.position(DEMO)).contains(T2);
    }

    @Test
    void aPageThatFailsLeavesTheCursorAndTheNextPollRegistersIt() {
        api.addDonation(donation("don-1", "+4791234567", T1));
        events.failNext();

        assertThatThrownBy(() -> poller.poll(DEMO)).isInstanceOf(IllegalStateException.class);
        assertThat(cursors.position(DEMO)).isEmpty();

        assertThat(poller.poll(DEMO).registered()).isEqualTo(1);
        assertThat(ledger.find(DEMO, PaymentIds.of(PaymentSource.VIPPS_APP, "don-1")).orElseThrow().settled()).isTrue();
    }

    @Test
    void onePollReadsAtMostItsPagesAndTheNextGoesOnFromTheCursor() {
        DonationsPoller limited = new DonationsPoller(settings, api, cursors, registrar, unmatched, clock,
                Duration.ofDays(1), 2);
        api.donationsPageSize = 2;
        for (int i = 1; i <= 5; i++) {
            api.addDonation(donation("don-" + i, "+4791234567", NOW.minusSeconds(600L * (6 - i))));
        }

        DonationsPoller.Summary first = limited.poll(DEMO);

        assertThat(first).isEqualTo(new DonationsPoller.Summary(3, 1, 0, 0, 2));
        assertThat(cursors.position(DEMO)).contains(NOW.minusSeconds(1800));
        DonationsPoller.Summary second = limited.poll(DEMO);
        assertThat(second).isEqualTo(new DonationsPoller.Summary(2, 2, 0, 0, 2));
        assertThat(ledger.size()).isEqualTo(5);
        assertThat(cursors.position(DEMO)).contains(NOW.minusSeconds(600));
    }

    @Test
    void aTenantWithoutVippsIsNotPolled() {
        configured = false;

        assertThat(poller.poll(DEMO)).isEqualTo(new DonationsPoller.Summary(0, 0, 0, 0, 0));
        assertThat(api.calls).isEmpty();
    }
}
