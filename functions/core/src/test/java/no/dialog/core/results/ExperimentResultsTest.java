package no.dialog.core.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.core.enrolment.EnrolmentStore.ResultCount;
import no.dialog.core.enrolment.ResultKey;
import no.dialog.core.journey.JourneyDefinition;
import no.dialog.core.journey.JourneyDefinitions;
import no.dialog.core.journey.ResultCounter;
import org.junit.jupiter.api.Test;

class ExperimentResultsTest {

    private static final String ASK = """
            {"name": "Svar oss",
             "trigger": {"type": "campaign", "segmentId": "members", "startAt": null},
             "entry": {"reenterAfterExit": false, "maxEnrolments": null},
             "goal": {"signal": {"type": "answered", "sameJourney": true}, "window": "P14D", "exitOnGoal": true},
             "experiment": {"step": "ask", "metric": "goal-conversion", "holdoutPercent": 10},
             "start": "ask",
             "steps": [
               {"id": "ask", "type": "send", "channel": "sms",
                "variants": [{"name": "A", "templateId": "ask-a", "weight": 1},
                             {"name": "B", "templateId": "ask-b", "weight": 1}], "next": "done"},
               {"id": "done", "type": "exit"}
             ]}
            """;
    private static final LocalDate DAY_1 = LocalDate.of(2026, 12, 7);

    private final List<ResultCount> counts = new ArrayList<>();

    private static JourneyDefinition definition() throws Exception {
        JourneyDefinitions.Parsed parsed = JourneyDefinitions.parse(new ObjectMapper().readTree(ASK));
        assertThat(parsed.problems()).isEmpty();
        return parsed.definition();
    }

    private void arm(String arm, int day, long entered, long converted) {
        LocalDate date = DAY_1.plusDays(day);
        counts.add(new ResultCount(new ResultKey("ask", 1, "ask", arm, ResultCounter.ARM_ENTERED), date, entered));
        counts.add(new ResultCount(new ResultKey("ask", 1, "ask", arm, ResultCounter.ARM_CONVERTED), date, converted));
    }

    @Test
    void aClearLiftIsDecidedWithItsIntervalAndTheIntervalNarrowsDayByDay() throws Exception {
        for (int day = 0; day < 4; day++) {
            arm("A", day, 1_000, 100);
            arm("B", day, 1_000, 160);
            arm("holdout", day, 220, 11);
        }
        counts.add(new ResultCount(new ResultKey("ask", 2, "ask", "A", ResultCounter.ARM_ENTERED), DAY_1, 999));

        JsonNode experiment = ExperimentResults.of(definition(), 1, counts, Map.of("A", 180_000L, "B", 180_000L), null);

        assertThat(experiment.get("control").asText()).isEqualTo("A");
        assertThat(experiment.get("decision").asText()).isEqualTo("B better");
        assertThat(experiment.get("recommended").asText()).isEqualTo("B");
        assertThat(experiment.get("winner").isNull()).isTrue();
        assertThat(experiment.get("arms")).extracting(a -> a.get("arm").asText()).containsExactly("A", "B", "holdout");
        JsonNode a = experiment.get("arms").get(0);
        assertThat(a.get("n").asLong()).as("version 2's counts are not version 1's").isEqualTo(4_000);
        assertThat(a.get("rate").asDouble()).isEqualTo(0.1);
        assertThat(a.get("lift").isNull()).isTrue();
        JsonNode lift = experiment.get("arms").get(1).get("lift").get("absolute");
        assertThat(lift.get("estimate").asDouble()).isEqualTo(0.06, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(lift.get("low").asDouble()).isPositive().isLessThan(0.06);
        List<Double> widths = new ArrayList<>();
        experiment.get("history").forEach(point -> {
            if (point.get("arm").asText().equals("B")) {
                widths.add(point.get("high").asDouble() - point.get("low").asDouble());
            }
        });
        assertThat(widths).hasSize(4);
        assertThat(widths).isSortedAccordingTo((x, y) -> Double.compare(y, x));
        assertThat(experiment.get("history").get(0).get("day").asText()).isEqualTo("2026-12-07");
    }

    @Test
    void equalArmsKeepCollectingAndAJourneyWithoutAnExperimentHasNone() throws Exception {
        arm("A", 0, 500, 50);
        arm("B", 0, 500, 50);

        JsonNode experiment = ExperimentResults.of(definition(), 1, counts, Map.of(), "A");

        assertThat(experiment.get("decision").asText()).isEqualTo("keep collecting");
        assertThat(experiment.get("winner").asText()).isEqualTo("A");
        JourneyDefinition plain = JourneyDefinitions.parse(((com.fasterxml.jackson.databind.node.ObjectNode)
                new ObjectMapper().readTree(ASK)).without("experiment")).definition();
        assertThat(ExperimentResults.of(plain, 1, counts, Map.of(), null)).isNull();
    }
}
