package no.dialog.core.payment.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import no.dialog.core.journey.JourneyDefinition;
import no.dialog.core.journey.JourneyDefinitions;
import no.dialog.core.journey.JourneyStatus;
import org.junit.jupiter.api.Test;

class PaymentCampaignsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode example(String name) throws Exception {
        return (ObjectNode) JSON.readTree(Files.readString(Path.of("../../docs/examples").resolve(name)));
    }

    private static JourneyDefinition parse(ObjectNode json) {
        JourneyDefinitions.Parsed parsed = JourneyDefinitions.parse(json);
        assertThat(parsed.problems()).isEmpty();
        return parsed.definition();
    }

    @Test
    void aRunningJourneyWithAPaidGoalIsACampaignWhateverItsWhere() throws Exception {
        JourneyDefinition christmas = parse(example("christmas-gift-journey.json"));

        assertThat(PaymentCampaigns.isCampaign(JourneyStatus.ACTIVE, christmas)).isTrue();
        assertThat(PaymentCampaigns.isCampaign(JourneyStatus.PAUSED, christmas)).isTrue();
    }

    @Test
    void draftsEndedJourneysAndOtherGoalsAreNot() throws Exception {
        JourneyDefinition christmas = parse(example("christmas-gift-journey.json"));
        ObjectNode noGoal = example("christmas-gift-journey.json");
        noGoal.putNull("goal");

        assertThat(PaymentCampaigns.isCampaign(JourneyStatus.DRAFT, christmas)).isFalse();
        assertThat(PaymentCampaigns.isCampaign(JourneyStatus.ENDED, christmas)).isFalse();
        assertThat(PaymentCampaigns.isCampaign(JourneyStatus.ACTIVE, parse(example("student-journey.json")))).isFalse();
        assertThat(PaymentCampaigns.isCampaign(JourneyStatus.ACTIVE, parse(noGoal))).isFalse();
    }

    @Test
    void theAmountsAskedAreTheGiveChoicesInOre() throws Exception {
        JourneyDefinition christmas = parse(example("christmas-gift-journey.json"));

        assertThat(PaymentCampaigns.askedAmountsOre(christmas.step("ask"))).containsExactly(20_000L, 50_000L, 100_000L);
        assertThat(PaymentCampaigns.askedAmountsOre(christmas.step("wait-gift"))).isEmpty();
    }

    @Test
    void regularDonorChoicesCountOnceAndOtherQuestionsDoNot() throws Exception {
        ObjectNode json = example("christmas-gift-journey.json");
        ObjectNode page = (ObjectNode) json.get("steps").get(0).get("page");
        page.set("questions", JSON.readTree("""
                [{"id": "gift", "type": "give", "choices": [{"value": "500"}, {"value": "200"}]},
                 {"id": "monthly", "type": "regular-donor", "choices": [{"value": "200"}, {"value": "150"}]},
                 {"id": "join", "type": "membership", "choices": [{"value": "300", "label": {"nb": "300"}}]}]"""));
        assertThat(PaymentCampaigns.askedAmountsOre(parse(json).step("ask"))).containsExactly(15_000L, 20_000L, 50_000L);
    }
}
