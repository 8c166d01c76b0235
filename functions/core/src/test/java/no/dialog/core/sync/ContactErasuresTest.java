package no.dialog.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.observability.Metrics;
import no.dialog.core.privacy.Erasure;
import no.dialog.core.privacy.ErasureIds;
import no.dialog.core.privacy.ErasureRequests;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.InMemoryErasureLog;
import no.dialog.core.time.OsloTime;
import org.junit.jupiter.api.Test;

/** The register's ContactErased starts one erasure per event, however often the event is delivered. */
class ContactErasuresTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), OsloTime.ZONE);
    private final InMemoryErasureLog log = new InMemoryErasureLog();
    private final List<String> queued = new ArrayList<>();
    private final TenantDirectory tenants = new TenantDirectory() {
        @Override public Optional<Tenant> find(TenantId id) {
            return id.equals(DEMO) ? Optional.of(new Tenant(DEMO, "Demo", clock.instant())) : Optional.empty();
        }
        @Override public boolean createIfAbsent(Tenant tenant) { return false; }
        @Override public List<TenantId> all() { return List.of(DEMO); }
    };
    private final ContactErasures erasures = new ContactErasures(
            new ErasureRequests(log, (tenant, id) -> queued.add(id), clock), tenants, Metrics.NONE);

    private static String erased(String id, String tenant, String contactId) {
        return """
                {"version":"0","id":"%s","detail-type":"ContactErased","source":"org.system",
                 "detail":{"tenant":"%s","contactId":"%s"}}""".formatted(id, tenant, contactId);
    }

    @Test
    void anEventStartsAnErasureWhoseIdComesFromTheEventAndARedeliveryStartsNothingNew() {
        Erasure erasure = erasures.apply(erased("ev-1", "demo", "M-1"));

        assertThat(erasure.erasureId()).isEqualTo(ErasureIds.forRegisterEvent(DEMO, "ev-1"));
        assertThat(erasure.contactId()).isEqualTo("M-1");
        assertThat(erasure.source()).isEqualTo(Erasure.Source.REGISTER);
        assertThat(erasure.requestedBy()).isEqualTo(Erasure.REGISTER);

        Erasure again = erasures.apply(erased("ev-1", "demo", "M-1"));
        assertThat(again).isEqualTo(erasure);
        assertThat(queued).containsOnly(erasure.erasureId());
        assertThat(erasures.apply(erased("ev-2", "demo", "M-1")).erasureId()).isNotEqualTo(erasure.erasureId());
    }

    @Test
    void malformedEventsAndUnknownTenantsArePermanentFailuresThatStartNothing() {
        assertThatThrownBy(() -> erasures.apply(erased("ev-3", "nosuch", "M-1")))
                .isInstanceOf(PermanentFailure.class).hasMessage("no such tenant");
        assertThatThrownBy(() -> erasures.apply(erased("ev-4", "demo", "")))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("contactId");
        assertThatThrownBy(() -> erasures.apply(erased("", "demo", "M-1")))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("id");
        assertThatThrownBy(() -> erasures.apply("{\"detail-type\":\"ContactDeleted\",\"id\":\"x\",\"detail\":{}}"))
                .isInstanceOf(PermanentFailure.class);
        assertThat(queued).isEmpty();
    }
}
