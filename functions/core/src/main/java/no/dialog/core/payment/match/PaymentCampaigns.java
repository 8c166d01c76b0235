package no.dialog.core.payment.match;

import java.util.List;
import java.util.TreeSet;
import no.dialog.core.journey.Goal;
import no.dialog.core.journey.JourneyDefinition;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.journey.Step;
import no.dialog.core.page.LandingPage;
import no.dialog.core.page.QuestionType;
import no.dialog.core.payment.PaymentRegistrar;

/**
 * The two rules a {@link MatchEvidence} adapter applies to what it reads: which journeys a payment may be
 * suggested for, and which amounts a send step offered. Kept here so every adapter reads them alike.
 */
public final class PaymentCampaigns {

    private PaymentCampaigns() {}

    /**
     * A journey is a campaign for payments when it still counts conversions (ACTIVE or PAUSED: an ended one
     * no longer does, a draft never did) and its goal is money in the account (signal type {@code paid},
     * whatever its {@code where}).
     */
    public static boolean isCampaign(JourneyStatus status, JourneyDefinition definition) {
        if (status != JourneyStatus.ACTIVE && status != JourneyStatus.PAUSED) {
            return false;
        }
        Goal goal = definition == null ? null : definition.goal();
        return goal != null && goal.signal() != null && PaymentRegistrar.PAID.equals(goal.signal().type());
    }

    /**
     * The amounts (øre) the step's landing page offered as choices of its {@code give} and
     * {@code regular-donor} questions, ascending and each once; empty for a step that is not a send step,
     * has no page or offers no amounts. Choice values are whole kroner ("200"); other values ("other",
     * the free amount) are not amounts offered.
     */
    public static List<Long> askedAmountsOre(Step step) {
        if (!(step instanceof Step.Send send) || send.page() == null) {
            return List.of();
        }
        TreeSet<Long> amounts = new TreeSet<>();
        for (LandingPage.Question question : send.page().questions()) {
            if (question.type() != QuestionType.GIVE && question.type() != QuestionType.REGULAR_DONOR) {
                continue;
            }
            for (LandingPage.Choice choice : question.choices()) {
                Long kroner = wholeKroner(choice.value());
                if (kroner != null) {
                    amounts.add(kroner * 100);
                }
            }
        }
        return List.copyOf(amounts);
    }

    private static Long wholeKroner(String value) {
        if (value == null || !value.matches("[0-9]{1,9}")) {
            return null;
        }
        long kroner = Long.parseLong(value);
        return kroner > 0 ? kroner : null;
    }
}
