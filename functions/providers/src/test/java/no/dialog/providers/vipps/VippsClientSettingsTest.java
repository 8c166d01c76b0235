package no.dialog.providers.vipps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VippsClientSettingsTest {

    @Test
    void defaultsAreDialogsSystemHeadersNoDonationMessagesAndNoTrailingSlash() {
        VippsClientSettings settings = VippsClientSettings.of(VippsClientSettings.TEST_BASE_URL + "/", "0.1.0");

        assertThat(settings.baseUrl()).hasToString("https://apitest.vipps.no");
        assertThat(settings.systemName()).isEqualTo("dialog");
        assertThat(settings.pluginName()).isEqualTo("dialog-payments");
        assertThat(settings.donationMessages()).isFalse();
        assertThat(settings.withDonationMessages(true).donationMessages()).isTrue();
    }

    @Test
    void aMissingBaseUrlOrVersionIsAClearError() {
        assertThatThrownBy(() -> VippsClientSettings.of(" ", "0.1.0")).hasMessageContaining("VIPPS_BASE_URL");
        assertThatThrownBy(() -> VippsClientSettings.of(VippsClientSettings.PRODUCTION_BASE_URL, ""))
                .hasMessageContaining("Vipps-System-Version");
        assertThatThrownBy(() -> VippsClientSettings.of(VippsClientSettings.PRODUCTION_BASE_URL, "1".repeat(31)))
                .hasMessageContaining("at most 30");
    }
}
