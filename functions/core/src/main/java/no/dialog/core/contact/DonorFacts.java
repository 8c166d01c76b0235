package no.dialog.core.contact;

import java.time.LocalDate;

/**
 * What the organisation knows of a person as a giver. Amounts are in øre (1/100 NOK) so that sums
 * are exact.
 *
 * @param regularDonor          gives every month by agreement (fast giver)
 * @param regularAmountOre      the monthly amount of the agreement
 * @param firstGiftDate         date of the first gift ever
 * @param lastGiftDate          date of the latest gift
 * @param lastGiftAmountOre     amount of the latest gift
 * @param sumLast12MonthsOre    sum of gifts in the last twelve months
 * @param giftCount             number of gifts ever
 */
public record DonorFacts(
        boolean regularDonor,
        Long regularAmountOre,
        LocalDate firstGiftDate,
        LocalDate lastGiftDate,
        Long lastGiftAmountOre,
        Long sumLast12MonthsOre,
        Integer giftCount) {}
