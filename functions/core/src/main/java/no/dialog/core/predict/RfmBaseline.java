package no.dialog.core.predict;

import no.dialog.core.predicted.ModelKind;
import java.time.LocalDate;

/**
 * The simple score a model must beat to be published: classic recency, frequency and monetary value of a
 * person's payments (gifts, regular charges and membership fees) as of a day, each scored 1..5 by fixed
 * thresholds and summed (3..15):
 * <ul>
 *   <li>R, days since the last payment: ≤ 30 → 5, ≤ 90 → 4, ≤ 180 → 3, ≤ 365 → 2, else (or never) 1;</li>
 *   <li>F, payments in the last 365 days: ≥ 12 → 5, ≥ 6 → 4, ≥ 3 → 3, ≥ 1 → 2, none → 1;</li>
 *   <li>M, kroner paid in the last 365 days: ≥ 3,000 → 5, ≥ 1,000 → 4, ≥ 300 → 3, more than 0 → 2, 0 → 1.</li>
 * </ul>
 * For the risk models a high RFM means a low risk, so their baseline is {@code 18 − RFM}; for the response models
 * it is the RFM itself. Only the order of the baseline's scores matters (it is compared by AUC).
 */
public final class RfmBaseline {

    private RfmBaseline() {}

    /** The RFM sum, 3..15. */
    public static int rfm(PersonFacts facts, LocalDate asOf) {
        long today = asOf.toEpochDay();
        long last = Long.MIN_VALUE;
        int count = 0;
        long ore = 0;
        for (PersonFacts.Payment p : facts.payments()) {
            long day = p.day().toEpochDay();
            if (day > today) {
                continue;
            }
            last = Math.max(last, day);
            if (today - day < 365) {
                count++;
                ore += p.amountOre();
            }
        }
        long days = last == Long.MIN_VALUE ? Long.MAX_VALUE : today - last;
        int r = days <= 30 ? 5 : days <= 90 ? 4 : days <= 180 ? 3 : days <= 365 ? 2 : 1;
        int f = count >= 12 ? 5 : count >= 6 ? 4 : count >= 3 ? 3 : count >= 1 ? 2 : 1;
        long kroner = ore / 100;
        int m = kroner >= 3000 ? 5 : kroner >= 1000 ? 4 : kroner >= 300 ? 3 : ore > 0 ? 2 : 1;
        return r + f + m;
    }

    /** The baseline's score for the model: higher means the outcome is more likely. */
    public static int score(ModelKind kind, PersonFacts facts, LocalDate asOf) {
        int rfm = rfm(facts, asOf);
        return kind == ModelKind.DROPOUT_RISK || kind == ModelKind.LAPSE_RISK ? 18 - rfm : rfm;
    }
}
