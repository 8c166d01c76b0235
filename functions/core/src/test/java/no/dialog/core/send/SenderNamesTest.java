package no.dialog.core.send;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SenderNamesTest {

    @Test
    void theOrganisationsNameIsCutToElevenSafeCharacters() {
        assertThat(SenderNames.fromOrganisationName("Demo Organisation")).contains("DemoOrganis");
        assertThat(SenderNames.fromOrganisationName("Naturvernforbundet")).contains("Naturvernfo");
        assertThat(SenderNames.fromOrganisationName("Røde Kors")).contains("RodeKors");
        assertThat(SenderNames.fromOrganisationName("Sjømannskirken – Norsk kirke i utlandet")).contains("Sjomannskir");
        assertThat(SenderNames.fromOrganisationName("Ærlig Åpen")).contains("AErligApen");
        assertThat(SenderNames.fromOrganisationName("Kreftforeningen")).contains("Kreftforeni");
    }

    @Test
    void aNameThatGivesNoValidSenderGivesNone() {
        assertThat(SenderNames.fromOrganisationName("4H Norge")).as("LINK refuses a leading digit").isEmpty();
        assertThat(SenderNames.fromOrganisationName("Å")).isEmpty();
        assertThat(SenderNames.fromOrganisationName("—")).isEmpty();
        assertThat(SenderNames.fromOrganisationName(null)).isEmpty();
    }

    @Test
    void aConfiguredSenderIsUsedAsItIs() {
        assertThat(SenderNames.choose("FH4Norge", "4H Norge")).contains("FH4Norge");
        assertThat(SenderNames.choose("", "Demo")).contains("Demo");
    }
}
