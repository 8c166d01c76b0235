package no.dialog.core.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
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
    void theTenantsOwnSenderComesBeforeTheDeploymentsAndTheName() {
        Tenant own = new Tenant(TenantId.of("redcross"), "Røde Kors", Instant.EPOCH, Map.of("sms.sender", "RedCross"));
        Tenant invalid = new Tenant(TenantId.of("redcross"), "Røde Kors", Instant.EPOCH, Map.of("sms.sender", "1 bad"));
        Tenant none = new Tenant(TenantId.of("redcross"), "Røde Kors", Instant.EPOCH);

        assertThat(SenderNames.choose("Dialog", own)).contains("RedCross");
        assertThat(SenderNames.choose("Dialog", invalid)).as("an invalid setting is passed over").contains("Dialog");
        assertThat(SenderNames.choose(null, invalid)).contains("RodeKors");
        assertThat(SenderNames.choose(null, none)).contains("RodeKors");
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
