package no.dialog.aws.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import no.dialog.core.payment.vipps.VippsSettings.TenantVipps;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.Test;

/** Vipps settings from the tenant's settings (local stack and development). */
class TenantSettingsVippsSettingsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private final SecretsManagerVippsSettingsTest.TestTenants tenants = new SecretsManagerVippsSettingsTest.TestTenants();
    private final TenantSettingsVippsSettings settings = new TenantSettingsVippsSettings(tenants);

    private static Map<String, String> all() {
        Map<String, String> values = new HashMap<>();
        values.put("vipps.clientId", "cid");
        values.put("vipps.clientSecret", "csecret");
        values.put("vipps.subscriptionKey", "sub");
        values.put("vipps.merchantSerialNumber", "123456");
        values.put("vipps.webhookSecret", "whsecret");
        return values;
    }

    private void tenant(String id, Map<String, String> values) {
        tenants.put(new Tenant(TenantId.of(id), id, NOW, values));
    }

    @Test
    void everythingComesFromTheSettingsWithDefaultChoices() {
        tenant("local", all());
        TenantVipps vipps = settings.forTenant(TenantId.of("local")).orElseThrow();
        assertThat(vipps.credentials().clientId()).isEqualTo("cid");
        assertThat(vipps.credentials().clientSecret()).isEqualTo("csecret");
        assertThat(vipps.credentials().subscriptionKey()).isEqualTo("sub");
        assertThat(vipps.credentials().merchantSerialNumber()).isEqualTo("123456");
        assertThat(vipps.webhookSecret()).isEqualTo("whsecret");
        assertThat(vipps.captureAtOnce()).isTrue();
        assertThat(vipps.recurringProductName()).isEqualTo(VippsChoices.DEFAULT_PRODUCT_NAME);
    }

    @Test
    void theChoicesAreTheTenants() {
        Map<String, String> values = all();
        values.put("vipps.captureAtOnce", "FALSE");
        values.put("vipps.recurringProductName", "Månadleg gåve");
        tenant("choosy", values);
        TenantVipps vipps = settings.forTenant(TenantId.of("choosy")).orElseThrow();
        assertThat(vipps.captureAtOnce()).isFalse();
        assertThat(vipps.recurringProductName()).isEqualTo("Månadleg gåve");
    }

    @Test
    void noClientIdOrNoTenantMeansNoVipps() {
        Map<String, String> values = all();
        values.remove("vipps.clientId");
        tenant("without", values);
        assertThat(settings.forTenant(TenantId.of("without"))).isEmpty();
        assertThat(settings.forTenant(TenantId.of("unknown"))).isEmpty();
    }

    @Test
    void aMissingKeyOrABadChoiceIsAnErrorThatNamesIt() {
        Map<String, String> values = all();
        values.remove("vipps.webhookSecret");
        tenant("half", values);
        assertThatThrownBy(() -> settings.forTenant(TenantId.of("half"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("half").hasMessageContaining("vipps.webhookSecret");

        Map<String, String> bad = all();
        bad.put("vipps.captureAtOnce", "yes");
        tenant("bad", bad);
        assertThatThrownBy(() -> settings.forTenant(TenantId.of("bad"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vipps.captureAtOnce");
    }
}
