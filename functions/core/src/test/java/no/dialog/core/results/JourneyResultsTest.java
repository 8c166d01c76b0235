package no.dialog.core.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.core.enrolment.EnrolmentStore.ResultCount;
import no.dialog.core.enrolment.ResultKey;
import no.dialog.core.journey.ResultCounter;
import no.dialog.core.journey.SendChannel;
import org.junit.jupiter.api.Test;

class JourneyResultsTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private final List<ResultCount> counts = new ArrayList<>();

    private void count(String step, String variant, String channel, ResultCounter counter, long n, LocalDate day) {
        counts.add(new ResultCount(new ResultKey("ask", 1, step, variant, channel, counter, 1), day, n));
    }

    /** 100 enter; step "ask" sends SMS in two variants; a letter follows for some; gifts reach the goal. */
    private void campaign() {
        count(null, null, null, ResultCounter.ENROLLED, 100, MONDAY);
        count("ask", "A", "sms", ResultCounter.QUEUED, 50, MONDAY);
        count("ask", "A", "sms", ResultCounter.SENT, 40, MONDAY);
        count("ask", "A", "sms", ResultCounter.SMS_PARTS, 80, MONDAY);
        count("ask", "A", "sms", ResultCounter.FAILED_NO_CONSENT, 4, MONDAY);
        count("ask", "A", "sms", ResultCounter.FAILED_OPTED_OUT, 3, MONDAY);
        count("ask", "A", "sms", ResultCounter.FAILED_UNREACHABLE, 3, MONDAY);
        count("ask", "A", "sms", ResultCounter.DELIVERED, 37, TUESDAY);
        count("ask", "A", "sms", ResultCounter.FAILED_EXPIRED, 1, TUESDAY);
        count("ask", "A", "sms", ResultCounter.FAILED_PROVIDER, 2, TUESDAY);
        count("ask", "B", "sms", ResultCounter.QUEUED, 50, MONDAY);
        count("ask", "B", "sms", ResultCounter.SENT, 50, MONDAY);
        count("ask", "B", "sms", ResultCounter.SMS_PARTS, 50, MONDAY);
        count("letter", "B", "letter", ResultCounter.SENT, 10, TUESDAY);
        count("wait", "A", null, ResultCounter.GOAL_REACHED, 5, TUESDAY);
        count("wait", "A", null, ResultCounter.GOAL_REVENUE_ORE, 100_000, TUESDAY);
        count("wait", "B", null, ResultCounter.GOAL_REACHED, 2, TUESDAY);
        count("wait", "B", null, ResultCounter.GOAL_REVENUE_ORE, 20_000, TUESDAY);
        count("ask", "B", null, ResultCounter.ARM_ENTERED, 50, MONDAY);
    }

    @Test
    void costFollowsThePartsSentAndThePriceOfEachChannel() {
        campaign();
        PriceList prices = new PriceList(Map.of(SendChannel.SMS, 45L, SendChannel.LETTER, 1_400L));

        JsonNode version = JourneyResults.of("ask", counts, prices).get("versions").get(0);

        JsonNode askA = row(version, "ask", "A", "sms");
        assertThat(askA.get("costOre").asLong()).as("80 parts at 45 øre").isEqualTo(3_600);
        assertThat(row(version, "ask", "B", "sms").get("costOre").asLong()).isEqualTo(2_250);
        assertThat(row(version, "letter", "B", "letter").get("costOre").asLong()).isEqualTo(14_000);
        JsonNode economics = version.get("economics");
        assertThat(economics.get("costOre").asLong()).isEqualTo(19_850);
        assertThat(economics.get("revenueOre").asLong()).isEqualTo(120_000);
        assertThat(economics.get("roi").decimalValue()).isEqualByComparingTo("5.0453");
        assertThat(economics.get("costPerGoalOre").decimalValue()).isEqualByComparingTo("2835.7143");
        assertThat(economics.get("revenuePerEnrolledOre").decimalValue()).isEqualByComparingTo("1200");
        JsonNode variantB = version.get("variants").get(1);
        assertThat(variantB.get("variant").asText()).isEqualTo("B");
        assertThat(variantB.get("costOre").asLong()).isEqualTo(16_250);
        assertThat(variantB.get("revenueOre").asLong()).isEqualTo(20_000);
        assertThat(variantB.get("goalReached").asLong()).isEqualTo(2);
    }

    @Test
    void theFailuresAddUpToWhatWasQueuedButNotSentAndSentButNotDelivered() {
        campaign();

        JsonNode askA = row(JourneyResults.of("ask", counts).get("versions").get(0), "ask", "A", "sms");

        long beforeProvider = askA.get("failedNoConsent").asLong() + askA.get("failedOptedOut").asLong()
                + askA.get("failedUnreachable").asLong();
        assertThat(askA.get("queued").asLong()).isEqualTo(askA.get("sent").asLong() + beforeProvider);
        long atProvider = askA.get("failedProvider").asLong() + askA.get("failedExpired").asLong();
        assertThat(askA.get("sent").asLong()).isEqualTo(askA.get("delivered").asLong() + atProvider);
    }

    @Test
    void daysFunnelAndFailuresAreSummedAndExperimentCountersAreNoRow() {
        campaign();

        JsonNode results = JourneyResults.of("ask", counts, new PriceList(Map.of(SendChannel.SMS, 45L)));
        JsonNode version = results.get("versions").get(0);

        assertThat(version.get("steps")).noneMatch(row -> row.get("armEntered") != null);
        assertThat(version.get("days")).hasSize(2);
        JsonNode monday = version.get("days").get(0);
        assertThat(monday.get("day").asText()).isEqualTo("2026-12-07");
        assertThat(monday.get("queued").asLong()).isEqualTo(100);
        assertThat(monday.get("costOre").asLong()).isEqualTo(130 * 45);
        assertThat(version.get("days").get(1).get("goalReached").asLong()).isEqualTo(7);
        assertThat(version.get("funnel")).extracting(stage -> stage.get("stage").asText() + "=" + stage.get("count").asLong())
                .containsExactly("enrolled=100", "queued=100", "sent=100", "delivered=37", "answered=0", "goalReached=7");
        assertThat(version.get("failures").get("optedOut").asLong()).isEqualTo(3);
        assertThat(version.get("failures").get("expired").asLong()).isEqualTo(1);
        assertThat(results.get("economics").get("costOre").asLong()).isEqualTo(130 * 45);
        assertThat(version.get("experiment").isNull()).isTrue();
    }

    @Test
    void withoutPricesOrPeopleNothingIsInventedEveryRateIsNull() {
        count("ask", "A", "sms", ResultCounter.QUEUED, 3, MONDAY);

        JsonNode results = JourneyResults.of("ask", counts);

        assertThat(results.get("goalConversionRate").isNull()).isTrue();
        assertThat(results.get("economics").get("roi").isNull()).isTrue();
        assertThat(results.get("economics").get("costPerGoalOre").isNull()).isTrue();
        assertThat(results.get("economics").get("revenuePerEnrolledOre").isNull()).isTrue();
        assertThat(results.get("economics").get("costOre").asLong()).isZero();
    }

    private static JsonNode row(JsonNode version, String step, String variant, String channel) {
        for (JsonNode row : version.get("steps")) {
            if (step.equals(row.path("stepId").asText(null)) && variant.equals(row.path("variant").asText(null))
                    && channel.equals(row.path("channel").asText(null))) {
                return row;
            }
        }
        throw new AssertionError("no row " + step + "/" + variant + "/" + channel);
    }
}
