package no.dialog.core.payment.match;

/**
 * The weights of {@link PaymentMatcher}'s additive log-odds model. Each weight is the natural log of a
 * likelihood ratio: how much likelier the evidence is when the payment belongs to the journey than when
 * it does not. They are priors set by reasoning (below) and checked on generated histories
 * ({@code PaymentMatcherGeneratedHistoryTest} prints how well confidence and hit rate agree); staff's
 * confirmations and rejections are labelled data to refit them per tenant later.
 *
 * @param bias            the log-odds of a journey before any evidence, against "none of them": most
 *                        payments without a KID answer no particular message, so it is negative
 * @param send            a message of the journey reached the payer the day they paid, with a trusted
 *                        identification (phone or account); scaled by trust and recency
 * @param halfLifeDays    after this many days a message's weight has halved: most gifts answering a
 *                        message come within a week of it
 * @param amount          the payment's amount is one the message offered (200, 500, 1000 kr); scaled by
 *                        the trust in the payer like the message it belongs to
 * @param keyword         the payment message names the journey ("julegave"): people write it on purpose
 * @param nameTrust       how much a name match is trusted next to a phone or account (1.0): names are
 *                        shared and spelled in many ways
 * @param windowDays      messages older than this are not looked at
 */
public record MatchWeights(double bias, double send, double halfLifeDays, double amount, double keyword,
                           double nameTrust, int windowDays) {

    /**
     * The defaults. A phone- or account-identified payer who got the journey's message the same day gives
     * a confidence of about 0.88 alone; a week later about 0.6, two weeks later about 0.45; with the offered
     * amount or the journey's word in the message it is above 0.8. A matching message word alone gives
     * about 0.88; a name match with a message three days before stays just under 0.5.
     *
     * <p>The bias of -1.0 is the one setting fitted rather than reasoned: on the generated histories a
     * bias of -1.5 made every confidence band 0.1–0.25 lower than its hit rate (too modest), -1.0 brings
     * the bands at 0.5 and above within about 0.1. It stands for the share of KID-less payments that answer
     * a message at all, which differs per organisation: refit it from staff's decisions.
     */
    public static final MatchWeights DEFAULT = new MatchWeights(-1.0, 3.0, 7.0, 1.5, 3.0, 0.4, 30);

    public MatchWeights {
        if (halfLifeDays <= 0 || windowDays < 1 || nameTrust < 0 || nameTrust > 1) {
            throw new IllegalArgumentException("halfLifeDays > 0, windowDays >= 1 and nameTrust within 0..1 are needed");
        }
    }

    /** How much a contact found by this key is trusted to be the payer, before sharing. */
    double trust(PayerKey key) {
        return key == PayerKey.NAME ? nameTrust : 1.0;
    }
}
