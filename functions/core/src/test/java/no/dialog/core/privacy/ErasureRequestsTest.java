package no.dialog.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.InMemoryErasureLog;
import org.junit.jupiter.api.Test;

/** Starting an erasure records it and queues it; asking again with the same id records nothing new. */
class ErasureRequestsTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private final InMemoryErasureLog log = new InMemoryErasureLog();
    private final List<String> queued = new ArrayList<>();
    private final ErasureRequests requests = new ErasureRequests(log,
            (tenant, erasureId) -> queued.add(tenant.value() + "/" + erasureId), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aRequestIsRecordedAsRequestedAndQueued() {
        String id = ErasureIds.newId();

        Erasure erasure = requests.request(DEMO, id, "M-1", "staff-7");

        assertThat(erasure.state()).isEqualTo(Erasure.State.REQUESTED);
        assertThat(erasure.source()).isEqualTo(Erasure.Source.STAFF);
        assertThat(erasure.requestedAt()).isEqualTo(NOW);
        assertThat(log.find(DEMO, id)).contains(erasure);
        assertThat(queued).containsExactly("demo/" + id);
    }

    @Test
    void theSameIdAgainKeepsTheFirstRecordAndQueuesAgainUntilItIsDone() {
        String id = ErasureIds.forRegisterEvent(DEMO, "event-1");
        Erasure first = requests.request(DEMO, id, "M-1", Erasure.REGISTER);

        Erasure again = requests.request(DEMO, id, "M-1", Erasure.REGISTER);
        assertThat(again).isEqualTo(first);
        assertThat(again.source()).isEqualTo(Erasure.Source.REGISTER);
        assertThat(queued).as("a crash after recording is mended by the retry").hasSize(2);

        log.stepDone(DEMO, id, "contacts", 1);
        assertThat(log.find(DEMO, id).orElseThrow().state()).isEqualTo(Erasure.State.RUNNING);
        log.finish(DEMO, id, NOW);
        Erasure done = requests.request(DEMO, id, "M-1", Erasure.REGISTER);
        assertThat(done.state()).isEqualTo(Erasure.State.DONE);
        assertThat(queued).as("a finished erasure is not run again").hasSize(2);
    }

    @Test
    void registerIdsAreStablePerEventAndTenantAndShapedLikeIds() {
        String id = ErasureIds.forRegisterEvent(DEMO, "7b8f9a0c-1d2e");
        assertThat(ErasureIds.forRegisterEvent(DEMO, "7b8f9a0c-1d2e")).isEqualTo(id);
        assertThat(ErasureIds.forRegisterEvent(DEMO, "another")).isNotEqualTo(id);
        assertThat(ErasureIds.forRegisterEvent(TenantId.of("other"), "7b8f9a0c-1d2e")).isNotEqualTo(id);
        assertThat(ErasureIds.isValid(id)).isTrue();
        assertThat(ErasureIds.isValid(ErasureIds.newId())).isTrue();
        assertThat(ErasureIds.isValid("../x")).isFalse();
        assertThatThrownBy(() -> requests.request(DEMO, "a/b", "M-1", "staff-7"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theQueueMessageCarriesIdsOnlyAndABadOneIsAPermanentFailure() {
        String body = ErasureMessages.run(DEMO, "e-1");
        assertThat(body).doesNotContain("M-1");
        assertThat(ErasureMessages.parse(body)).isEqualTo(new ErasureMessages.Run(DEMO, "e-1"));
        assertThatThrownBy(() -> ErasureMessages.parse("{\"tenant\":\"demo\"}")).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("erasureId");
        assertThatThrownBy(() -> ErasureMessages.parse("{\"tenant\":\"demo\",\"erasureId\":\"a b\"}"))
                .isInstanceOf(PermanentFailure.class);
        assertThatThrownBy(() -> ErasureMessages.parse("not json")).isInstanceOf(PermanentFailure.class);
    }
}
