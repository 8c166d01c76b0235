package no.dialog.core.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import no.dialog.core.journey.JourneyDefinitions;
import no.dialog.core.journey.Step;
import no.dialog.core.journey.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The journeys shipped in docs/examples are valid, and say what their READMEs promise. */
class ExampleJourneysTest {

    private static final Path EXAMPLES = Path.of("../../docs/examples");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static List<Path> journeys() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-journey.json")).sorted().toList();
        }
    }

    private static JourneyDefinitions.Parsed parse(String name) throws IOException {
        return JourneyDefinitions.parse(MAPPER.readTree(Files.readString(EXAMPLES.resolve(name))));
    }

    @ParameterizedTest
    @MethodSource("journeys")
    void everyExampleJourneyIsValid(Path file) throws IOException {
        JourneyDefinitions.Parsed parsed = JourneyDefinitions.parse(MAPPER.readTree(Files.readString(file)));

        assertThat(parsed.problems()).as(file.getFileName().toString()).isEmpty();
    }

    @Test
    void theThankYouJourneyStartsOnEveryGiftOnceAndAsksForConsentEmailAndTaxId() throws IOException {
        JourneyDefinitions.Parsed parsed = parse("thank-giver-journey.json");

        Trigger.OnSignal trigger = (Trigger.OnSignal) parsed.definition().trigger();
        assertThat(trigger.match().type()).isEqualTo("paid");
        assertThat(trigger.match().where()).containsEntry("kind", "gift");
        assertThat(trigger.dedupAttribute()).isEqualTo("paymentId");
        Step.Send thank = (Step.Send) parsed.definition().steps().get("thank");
        assertThat(thank.page().questions()).extracting(q -> q.type().jsonName())
                .contains("consent", "email", "tax-id");
    }

    @Test
    void theChristmasGiftJourneyCountsGiftsThroughItsOwnLinks() throws IOException {
        JourneyDefinitions.Parsed parsed = parse("christmas-gift-journey.json");

        assertThat(parsed.definition().goal().signal().type()).isEqualTo("paid");
        assertThat(parsed.definition().goal().signal().sameJourney()).isTrue();
        Step.Send ask = (Step.Send) parsed.definition().steps().get("ask");
        assertThat(ask.page().questions()).extracting(q -> q.type().jsonName()).containsExactly("give");
    }
}
