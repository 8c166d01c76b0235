package no.dialog.core.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.EnrolmentState;
import no.dialog.core.journey.ResultCounter;
import no.dialog.core.observability.Metrics;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.InMemoryEnrolments;
import org.junit.jupiter.api.Test;

/** Goals and their revenue reach the metrics once, when the write that carries them is stored. */
class GoalMetricsTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    private final List<String> counted = new ArrayList<>();
    private final Metrics recording = (dimensions, counts) -> counted.add(dimensions + " " + new java.util.TreeMap<>(counts));
    private final GoalMetrics store = new GoalMetrics(new InMemoryEnrolments(), recording);

    private static Enrolment enrolment(long revision) {
        return new Enrolment(DEMO, "E-1", "J-1", 1, "C-1", EnrolmentState.ACTIVE, "ask", null, AT, null, null,
                Map.of(), Map.of(), List.of(), null, revision);
    }

    @Test
    void aStoredGoalIsCountedWithItsRevenueAndALostRaceCountsNothing() {
        store.create(enrolment(1), List.of(new ResultKey("J-1", 1, null, null, ResultCounter.ENROLLED)));
        List<ResultKey> goal = List.of(new ResultKey("J-1", 1, "ask", null, ResultCounter.GOAL_REACHED),
                new ResultKey("J-1", 1, "ask", null, ResultCounter.GOAL_REVENUE_ORE, 25_000));

        assertThat(store.commit(enrolment(1), enrolment(2), List.of(), goal)).isTrue();
        assertThat(store.commit(enrolment(1), enrolment(2), List.of(), goal)).as("a redelivery loses the race").isFalse();

        assertThat(counted).containsExactly("{tenant=demo} {GoalRevenueOre=25000, GoalsReached=1}");
        assertThat(store.results(DEMO, "J-1")).isNotEmpty();
    }
}
