package no.dialog.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import no.dialog.core.privacy.Retention;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

    private static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");

    private static AuditEntry entry(String method, String route, String objectId, int status) {
        return new AuditEntry(AT, TenantId.of("redcross"), "sub-1", List.of("editor"), "write", method, route,
                objectId, 3L, 4L, status, "req-1");
    }

    @Test
    void theOutcomeIsReadFromTheStatus() {
        assertThat(entry("PUT", "/admin/v1/journeys/{id}", "julegave", 200).outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(entry("POST", "/admin/v1/segments", "s-1", 201).outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(entry("DELETE", "/admin/v1/segments/{id}", "s-1", 204).outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(entry("PUT", "/admin/v1/journeys/{id}", "julegave", 403).outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(entry("PUT", "/admin/v1/journeys/{id}", "julegave", 412).outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(entry("PUT", "/admin/v1/journeys/{id}", "julegave", 503).outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThatThrownBy(() -> entry("PUT", "/admin/v1/journeys/{id}", "julegave", 99))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry("PUT", "/admin/v1/journeys/{id}", "julegave", 600))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEntryNamesTheRouteByItsTemplateAndHoldsIdsOnly() {
        AuditEntry entry = entry("put", "/admin/v1/journeys/{id}", "julegave", 200);
        assertThat(entry.method()).isEqualTo("PUT");
        assertThat(entry.action()).isEqualTo("PUT /admin/v1/journeys/{id}");
        assertThat(entry("POST", AuditEntry.NO_ROUTE, null, 404).route()).isEqualTo(AuditEntry.NO_ROUTE);

        // A query string or free text is not a route; a value with spaces is not an id.
        assertThatThrownBy(() -> entry("PUT", "/admin/v1/journeys/x?name=Kari Nordmann", "x", 200))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry("PUT", "/admin/v1/journeys/{id}", "Kari Nordmann", 200))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry("PUT", "/admin/v1/journeys/{id}", "x".repeat(201), 200))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry("HEAD", "/admin/v1/journeys/{id}", "x", 200))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditEntry(AT, null, "a b", List.of(), null, "POST", "/platform/v1/tenants",
                null, null, null, 400, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditEntry(AT, null, "sub", List.of(), "root", "POST", "/platform/v1/tenants",
                null, null, null, 400, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRequestWithoutTokenOrOrganisationIsStillAnEntry() {
        AuditEntry anonymous = new AuditEntry(AT, null, null, null, null, "POST", "/platform/v1/tenants", null, null,
                null, 401, null);
        assertThat(anonymous.subject()).isEmpty();
        assertThat(anonymous.roles()).isEmpty();
        assertThat(anonymous.outcome()).isEqualTo(AuditOutcome.REFUSED);
    }

    @Test
    void entriesOutliveEveryRetentionInThePrivacyTable() {
        assertThat(AuditRetention.PERIOD).isGreaterThanOrEqualTo(Retention.ENDED_ENROLMENT);
        // Bookkeeping records: five years after the end of the accounting year the action fell in.
        assertThat(AuditRetention.PERIOD).isGreaterThanOrEqualTo(Duration.ofDays(5 * 366 + 366));
    }
}
