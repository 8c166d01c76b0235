package no.dialog.core.payment.match;

import java.util.List;

/**
 * Everything the matcher weighs for one payment: the payer's contacts, the messages they got shortly
 * before, and the journeys that could take the payment.
 */
public record Evidence(List<PayerMatch> payers, List<RecentSend> sends, List<CampaignJourney> campaigns) {

    public static final Evidence NONE = new Evidence(List.of(), List.of(), List.of());

    public Evidence {
        payers = payers == null ? List.of() : List.copyOf(payers);
        sends = sends == null ? List.of() : List.copyOf(sends);
        campaigns = campaigns == null ? List.of() : List.copyOf(campaigns);
    }
}
