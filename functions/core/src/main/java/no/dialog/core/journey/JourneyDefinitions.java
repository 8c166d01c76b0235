package no.dialog.core.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import no.dialog.core.contact.Problem;

/**
 * Reads a journey definition from its JSON form (see docs/journeys.md) and writes it back. Problems
 * name the offending node by path ({@code steps.remind.next}) and never echo values.
 */
public final class JourneyDefinitions {

    private JourneyDefinitions() {}

    public record Parsed(JourneyDefinition definition, List<Problem> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static Parsed parse(JsonNode root) {
        throw new UnsupportedOperationException("not built yet");
    }

    public static JsonNode toJson(JourneyDefinition definition) {
        throw new UnsupportedOperationException("not built yet");
    }
}
