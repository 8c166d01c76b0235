package no.dialog.core.payment.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageKeywordsTest {

    private static final CampaignJourney JUL = new CampaignJourney("j-1", "Julegave 2026", List.of());
    private static final CampaignJourney BRONN = new CampaignJourney("j-2", "Vann til alle", List.of("brønn"));

    @Test
    void aWordOfTheNameOrAnInflectedFormMatches() {
        assertThat(MessageKeywords.mentioned("JULEGAVE", JUL)).contains("julegave");
        assertThat(MessageKeywords.mentioned("julegaven, hilsen Kari", JUL)).contains("julegave");
        assertThat(MessageKeywords.mentioned("til brønnene i Malawi", BRONN)).contains("brønn");
    }

    @Test
    void yearsGenericGiftWordsAndShortWordsDoNotMatch() {
        assertThat(MessageKeywords.mentioned("2026", JUL)).isEmpty();
        assertThat(MessageKeywords.mentioned("gave", new CampaignJourney("j-3", "Gave til Gaza", List.of()))).isEmpty();
        // "til" is too short to be trusted as a prefix, "alle" too common.
        assertThat(MessageKeywords.mentioned("til alle", BRONN)).isEmpty();
        assertThat(MessageKeywords.mentioned("vannkanne", BRONN)).contains("vann");
    }

    @Test
    void noMessageMatchesNothing() {
        assertThat(MessageKeywords.mentioned(null, JUL)).isEmpty();
        assertThat(MessageKeywords.mentioned("   ", JUL)).isEmpty();
    }

    @Test
    void accentsDoNotMatter() {
        assertThat(MessageKeywords.mentioned("kafé", new CampaignJourney("j-4", "Kafe for alle", List.of())))
                .contains("kafe");
    }
}
