package no.dialog.core.payment.match;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import no.dialog.core.payment.UnmatchedPayment;
import no.dialog.core.tenant.TenantId;

/**
 * Gathers the {@link Evidence} for one payment: the payer's contacts, then the messages they got in the
 * window before the payment, and the tenant's campaign journeys.
 */
public final class EvidenceCollector {

    private final PayerLookup payers;
    private final MatchEvidence evidence;
    private final Duration window;

    public EvidenceCollector(PayerLookup payers, MatchEvidence evidence, MatchWeights weights) {
        this.payers = Objects.requireNonNull(payers, "payers");
        this.evidence = Objects.requireNonNull(evidence, "evidence");
        // One day more than the matcher looks at: it counts calendar days in Oslo, not hours.
        this.window = Duration.ofDays(weights.windowDays() + 1L);
    }

    public Evidence collect(TenantId tenant, UnmatchedPayment payment) {
        List<PayerMatch> matches = payers.find(tenant, payment.payer());
        Set<String> contactIds = new LinkedHashSet<>();
        matches.forEach(m -> contactIds.add(m.contactId()));
        Instant until = payment.receivedAt();
        List<RecentSend> sends = contactIds.isEmpty() ? List.of()
                : evidence.sendsTo(tenant, contactIds, until.minus(window), until);
        return new Evidence(matches, sends, evidence.campaigns(tenant));
    }
}
