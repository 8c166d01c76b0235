package no.dialog.core.payment.match;

import java.util.List;
import java.util.Objects;

/**
 * A journey a payment may be suggested for: its id, the name staff gave it and optional keywords
 * ("julegave", "brønn") that payers tend to write in the payment message. Words of the name count as
 * keywords too (see {@link MessageKeywords}).
 */
public record CampaignJourney(String journeyId, String name, List<String> keywords) {

    public CampaignJourney {
        Objects.requireNonNull(journeyId, "journeyId");
        name = name == null ? "" : name;
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
