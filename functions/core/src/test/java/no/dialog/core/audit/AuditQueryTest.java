package no.dialog.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    private static final TenantId REDCROSS = TenantId.of("redcross");
    private static final TenantId UNION = TenantId.of("union");
    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    private static AuditEntry entry(TenantId tenant, int minute, String subject, String route, String objectId) {
        return new AuditEntry(T0.plusSeconds(60L * minute), tenant, subject, List.of("admin"), "write", "PUT", route,
                objectId, null, null, 200, null);
    }

    @Test
    void theFromToSubjectRouteAndObjectFiltersCombine() {
        AuditEntry entry = entry(REDCROSS, 10, "kari", "/admin/v1/journeys/{id}", "julegave");
        assertThat(AuditQuery.ALL.matches(entry)).isTrue();
        assertThat(new AuditQuery(T0.plusSeconds(600), null, null, null, null).matches(entry)).as("from is inclusive").isTrue();
        assertThat(new AuditQuery(null, T0.plusSeconds(600), null, null, null).matches(entry)).as("to is exclusive").isFalse();
        assertThat(new AuditQuery(T0, T0.plusSeconds(601), "kari", "/admin/v1/journeys/{id}", "julegave").matches(entry)).isTrue();
        assertThat(new AuditQuery(null, null, "ola", null, null).matches(entry)).isFalse();
        assertThat(new AuditQuery(null, null, null, "/admin/v1/segments/{id}", null).matches(entry)).isFalse();
        assertThat(new AuditQuery(null, null, null, null, "sommer").matches(entry)).isFalse();
        assertThatThrownBy(() -> new AuditQuery(T0, T0, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(AuditQuery.problem(T0, T0)).isPresent();
        assertThat(AuditQuery.problem(T0, null)).isEmpty();
    }

    @Test
    void theInMemoryLogListsOneOrganisationNewestFirstPageByPage() {
        InMemoryAuditLog log = new InMemoryAuditLog();
        for (int minute = 0; minute < 5; minute++) {
            log.append(entry(REDCROSS, minute, minute % 2 == 0 ? "kari" : "ola", "/admin/v1/segments/{id}", "s-" + minute));
        }
        log.append(entry(UNION, 3, "kari", "/admin/v1/segments/{id}", "theirs"));
        log.append(entry(null, 3, "operator", "/platform/v1/tenants", null));

        List<String> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(2);
        while (request != null) {
            Page<AuditRecord> page = log.list(REDCROSS, AuditQuery.ALL, request);
            page.items().forEach(r -> seen.add(r.entry().objectId()));
            request = page.next().orElse(null);
        }
        assertThat(seen).containsExactly("s-4", "s-3", "s-2", "s-1", "s-0");
        assertThat(log.list(REDCROSS, new AuditQuery(null, null, "kari", null, null), PageRequest.first(10)).items())
                .extracting(r -> r.entry().objectId()).containsExactly("s-4", "s-2", "s-0");
        assertThat(log.list(UNION, AuditQuery.ALL, PageRequest.first(10)).items()).extracting(r -> r.entry().objectId())
                .containsExactly("theirs");
        assertThat(log.all()).hasSize(7);
    }
}
