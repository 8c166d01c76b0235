package no.dialog.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.util.Map;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.Test;

class SendSettingsTest {

    private static Tenant tenant(Map<String, String> settings) {
        return new Tenant(TenantId.of("demo"), "Demo", Instant.parse("2026-01-01T00:00:00Z"), settings);
    }

    @Test
    void withoutSettingsTheDefaultsApply() {
        assertThat(SendSettings.of(tenant(Map.of()))).isEqualTo(SendSettings.DEFAULT);
        assertThat(SendSettings.DEFAULT.quietHours()).isEqualTo(QuietHours.DEFAULT);
        assertThat(SendSettings.DEFAULT.activeGiverPeriod()).isEqualTo(Period.ofYears(3));
        assertThat(SendSettings.DEFAULT.voluntaryOrganisation()).isTrue();
        assertThat(SendSettings.problems(tenant(Map.of()))).isEmpty();
    }

    @Test
    void validSettingsAreRead() {
        Tenant tenant = tenant(Map.of("quietHours", "09:00-20:00", "activeGiverYears", "2", "voluntaryOrganisation", "false"));

        SendSettings settings = SendSettings.of(tenant);

        assertThat(settings.quietHours()).isEqualTo(new QuietHours(LocalTime.of(9, 0), LocalTime.of(20, 0)));
        assertThat(settings.activeGiverPeriod()).isEqualTo(Period.ofYears(2));
        assertThat(settings.voluntaryOrganisation()).isFalse();
        assertThat(SendSettings.problems(tenant)).isEmpty();
    }

    @Test
    void invalidSettingsFallBackAndAreListedByName() {
        Tenant tenant = tenant(Map.of("quietHours", "9-20", "activeGiverYears", "5", "voluntaryOrganisation", "ja"));

        SendSettings settings = SendSettings.of(tenant);

        assertThat(settings.quietHours()).isEqualTo(QuietHours.DEFAULT);
        assertThat(settings.activeGiverPeriod()).as("the norm, never longer").isEqualTo(Period.ofYears(3));
        assertThat(settings.voluntaryOrganisation()).as("the stricter reading").isFalse();
        assertThat(SendSettings.problems(tenant)).hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("quietHours"))
                .anySatisfy(p -> assertThat(p).startsWith("activeGiverYears"))
                .anySatisfy(p -> assertThat(p).startsWith("voluntaryOrganisation"));
    }

    @Test
    void aBlankSettingCountsAsNone() {
        assertThat(SendSettings.of(tenant(Map.of("quietHours", " ")))).isEqualTo(SendSettings.DEFAULT);
    }
}
