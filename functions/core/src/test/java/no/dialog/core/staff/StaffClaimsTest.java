package no.dialog.core.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.Test;

class StaffClaimsTest {

    @Test
    void rolesInOneOrganisationGiveThatOrganisationWhateverWasChosen() {
        StaffClaims claims = StaffClaims.from(List.of("demo:viewer", "demo:editor"), "other");

        assertThat(claims.tenant()).contains(TenantId.of("demo"));
        assertThat(claims.roles()).containsExactly("viewer", "editor");
    }

    @Test
    void aPersonInTwoOrganisationsGetsTheChosenOneWithItsRolesOnly() {
        List<String> groups = List.of("demo:editor", "redcross:admin", "redcross:viewer");

        StaffClaims redcross = StaffClaims.from(groups, "redcross");
        StaffClaims demo = StaffClaims.from(groups, " demo ");

        assertThat(redcross.tenant()).contains(TenantId.of("redcross"));
        assertThat(redcross.roles()).containsExactly("viewer", "admin");
        assertThat(demo.tenant()).contains(TenantId.of("demo"));
        assertThat(demo.roles()).containsExactly("editor");
        assertThat(demo.organisations()).containsExactly(TenantId.of("demo"), TenantId.of("redcross"));
    }

    @Test
    void choosingAnOrganisationWithoutARoleThereGivesNoTenant() {
        List<String> groups = List.of("demo:editor", "redcross:admin");

        assertThat(StaffClaims.from(groups, "evil").tenant()).isEmpty();
        assertThat(StaffClaims.from(groups, null).tenant()).isEmpty();
        assertThat(StaffClaims.from(groups, "evil").roles()).isEmpty();
    }

    @Test
    void platformAdminIsAddedWhateverTheTenantAndNeedsNone() {
        assertThat(StaffClaims.from(List.of("platform-admin"), null).roles()).containsExactly("platform-admin");
        assertThat(StaffClaims.from(List.of("platform-admin"), null).tenant()).isEmpty();
        assertThat(StaffClaims.from(List.of("platform-admin", "demo:admin"), null).roles())
                .containsExactly("admin", "platform-admin");
    }

    @Test
    void groupsOfOtherShapesAndUnknownRolesAreIgnored() {
        StaffClaims claims = StaffClaims.from(List.of("Admins", "demo:owner", "demo:platform-admin", ":admin",
                "Bad Tenant:admin", "demo:viewer"), null);

        assertThat(claims.tenant()).contains(TenantId.of("demo"));
        assertThat(claims.roles()).containsExactly("viewer");
    }

    @Test
    void groupNamesAreTenantColonRole() {
        assertThat(StaffClaims.group(TenantId.of("demo"), StaffRole.ADMIN)).isEqualTo("demo:admin");
        assertThatThrownBy(() -> StaffClaims.group(TenantId.of("demo"), StaffRole.PLATFORM_ADMIN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
