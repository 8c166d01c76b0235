package no.dialog.core.payment.match;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.dialog.core.payment.UnmatchedPayment;
import no.dialog.core.time.OsloTime;

/**
 * Suggests the journeys a payment without a KID most likely belongs to, with a confidence and the reasons.
 *
 * <p>The model is additive log-odds ({@link MatchWeights}): each journey with evidence gets
 * <pre>
 *   score(j) = bias
 *            + send    × trust(payer) × 0.5^(days / halfLife)   best message of j to a contact of the payer
 *            + amount  × trust(payer)                            if a message of j offered the amount paid
 *            + keyword                                           if the payment message names j
 * </pre>
 * where trust is 1 for a phone or account match, {@code nameTrust} for a name match, divided by the number
 * of contacts sharing the phone, account or name (only one of them paid). Confidences come from a softmax
 * against "none of these" (score 0), so they are probabilities that sum to at most 1 over a payment's
 * journeys: two journeys with equal evidence split it instead of both claiming it.
 *
 * <p>Only journeys with evidence (a message to the payer, or their word in the payment message) are
 * suggested: never a guess without evidence. At most three, best first; ties go to the smaller journey id
 * so the same input always gives the same answer. Pure: no clock, no I/O.
 */
public final class PaymentMatcher {

    public static final int MAX_SUGGESTIONS = 3;

    private final MatchWeights weights;

    public PaymentMatcher() {
        this(MatchWeights.DEFAULT);
    }

    public PaymentMatcher(MatchWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    /** The ranked suggestions; empty when nothing points at any journey. */
    public List<MatchSuggestion> suggest(UnmatchedPayment payment, Evidence evidence) {
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(evidence, "evidence");
        Map<String, Trust> trustByContact = trustByContact(evidence.payers());
        LocalDate paidOn = payment.receivedAt().atZone(OsloTime.ZONE).toLocalDate();

        List<Scored> scored = new ArrayList<>();
        for (CampaignJourney journey : evidence.campaigns()) {
            List<MatchReason> reasons = new ArrayList<>();
            double score = weights.bias();
            Optional<BestSend> best = bestSend(journey.journeyId(), evidence.sends(), trustByContact, paidOn);
            if (best.isPresent()) {
                BestSend send = best.get();
                score += send.weight;
                reasons.add(sendReason(send));
                double offeredTrust = offeredTrust(journey.journeyId(), evidence.sends(), trustByContact, paidOn,
                        payment.amountOre());
                if (offeredTrust > 0) {
                    double amount = weights.amount() * offeredTrust;
                    score += amount;
                    reasons.add(new MatchReason("amount-equals-asked-amount",
                            "The amount paid is one the message offered.", amount));
                }
                if (send.trust.key == PayerKey.NAME) {
                    reasons.add(new MatchReason("name-match-only",
                            "The payer was recognised by name only; phone and account did not match.", 0));
                }
                if (send.trust.sharedBy > 1) {
                    reasons.add(new MatchReason("payer-" + send.trust.key.codeName() + "-shared-by-" + send.trust.sharedBy
                            + "-contacts", send.trust.sharedBy + " contacts share the payer's "
                            + send.trust.key.codeName() + "; each counts for a part.", 0));
                }
            }
            Optional<String> keyword = MessageKeywords.mentioned(payment.message(), journey);
            if (keyword.isPresent()) {
                score += weights.keyword();
                reasons.add(new MatchReason("message-mentions-journey-keyword",
                        "The payment message mentions \"" + keyword.get() + "\", a word of this journey.",
                        weights.keyword()));
            }
            if (best.isPresent() || keyword.isPresent()) {
                reasons.sort(Comparator.comparingDouble(MatchReason::weight).reversed());
                scored.add(new Scored(journey.journeyId(), score, reasons));
            }
        }
        if (scored.isEmpty()) {
            return List.of();
        }
        double denominator = 1.0;
        for (Scored s : scored) {
            denominator += Math.exp(s.score);
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::journeyId));
        List<MatchSuggestion> suggestions = new ArrayList<>();
        for (Scored s : scored.subList(0, Math.min(MAX_SUGGESTIONS, scored.size()))) {
            suggestions.add(new MatchSuggestion(s.journeyId, Math.exp(s.score) / denominator, s.reasons));
        }
        return suggestions;
    }

    private record Trust(PayerKey key, int sharedBy, double value) {}

    private record BestSend(RecentSend send, Trust trust, long days, double weight) {}

    private record Scored(String journeyId, double score, List<MatchReason> reasons) {}

    /** Per contact, the strongest way it was tied to the payer. */
    private Map<String, Trust> trustByContact(List<PayerMatch> payers) {
        Map<String, Trust> trust = new HashMap<>();
        for (PayerMatch match : payers) {
            Trust candidate = new Trust(match.key(), match.sharedBy(), weights.trust(match.key()) / match.sharedBy());
            trust.merge(match.contactId(), candidate, (a, b) -> b.value > a.value ? b : a);
        }
        return trust;
    }

    /**
     * The journey's message that weighs most: sent on or before the payment day, within the window, to a
     * contact of the payer. Several messages do not add up: the second reminder says little the first did not.
     */
    private Optional<BestSend> bestSend(String journeyId, List<RecentSend> sends, Map<String, Trust> trustByContact,
                                        LocalDate paidOn) {
        BestSend best = null;
        for (RecentSend send : sends) {
            Trust trust = trustByContact.get(send.contactId());
            if (trust == null || !send.journeyId().equals(journeyId)) {
                continue;
            }
            if (!inWindow(send, paidOn)) {
                continue;
            }
            long days = daysBefore(send, paidOn);
            double weight = weights.send() * trust.value * Math.pow(0.5, days / weights.halfLifeDays());
            if (best == null || weight > best.weight || (weight == best.weight && compare(send, best.send) < 0)) {
                best = new BestSend(send, trust, days, weight);
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The trust in the payer's contact that got a message of the journey offering this amount (any of the
     * journey's messages in the window, not only the weightiest: a reminder SMS may not repeat the
     * letter's amounts); 0 when none did.
     */
    private double offeredTrust(String journeyId, List<RecentSend> sends, Map<String, Trust> trustByContact,
                                LocalDate paidOn, long amountOre) {
        double best = 0;
        for (RecentSend send : sends) {
            Trust trust = trustByContact.get(send.contactId());
            if (trust != null && send.journeyId().equals(journeyId) && inWindow(send, paidOn)
                    && send.askedAmountsOre().contains(amountOre)) {
                best = Math.max(best, trust.value);
            }
        }
        return best;
    }

    private boolean inWindow(RecentSend send, LocalDate paidOn) {
        long days = daysBefore(send, paidOn);
        return days >= 0 && days <= weights.windowDays();
    }

    private static long daysBefore(RecentSend send, LocalDate paidOn) {
        return ChronoUnit.DAYS.between(send.sentAt().atZone(OsloTime.ZONE).toLocalDate(), paidOn);
    }

    /** Equal weights: the earlier send, then the channel, then the contact id, so the reasons never flicker. */
    private static int compare(RecentSend a, RecentSend b) {
        return Comparator.comparing(RecentSend::sentAt).thenComparing(RecentSend::channel)
                .thenComparing(RecentSend::contactId).compare(a, b);
    }

    private static MatchReason sendReason(BestSend best) {
        String key = best.trust.key.codeName();
        String channel = best.send.channel().jsonName();
        String when = best.days == 0 ? "the same day" : best.days == 1 ? "1 day before" : best.days + " days before";
        return new MatchReason("payer-" + key + "-received-" + channel + "-" + best.days + "-days-before",
                "The payer's " + key + " belongs to a contact who got this journey's " + channel + " " + when
                        + " the payment.", best.weight);
    }
}
