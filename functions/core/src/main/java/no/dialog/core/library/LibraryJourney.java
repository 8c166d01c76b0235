package no.dialog.core.library;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import no.dialog.core.journey.JourneyDefinition;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.template.MessageTemplate;

/**
 * One proven journey of the library, as loaded and checked by {@link JourneyLibrary}: what staff read about
 * it, its segment, its flow and its texts in both languages. The flow and templates use the library's own ids
 * (the segment is the journey's id, templates are named by the message); {@link LibraryInstantiation} gives
 * them the ids of the copy a tenant makes.
 *
 * @param stage         where in the relationship it belongs ({@code welcome}, {@code renewal}, ...)
 * @param goal          the goal in words; the definition's goal is what the engine measures
 * @param channels      the channels its send steps use, in the order the flow first uses them
 * @param segmentName   the segment's name
 * @param criteria      the segment's criteria (docs/journeys.md's segment format)
 * @param journey       the definition as written in the library (JSON), name in Norwegian
 * @param definition    the same, parsed
 * @param templates     by language ({@code nb}, {@code en}), then by the library's template id
 */
public record LibraryJourney(String id, String stage, Localised name, Localised description, Localised goal,
                             List<SendChannel> channels, SuggestedExperiment suggestedExperiment,
                             Localised segmentName, JsonNode criteria, JsonNode journey, JourneyDefinition definition,
                             Map<String, Map<String, MessageTemplate>> templates) {

    public LibraryJourney {
        channels = List.copyOf(channels);
        templates = Map.copyOf(templates);
    }

    /** The library's templates in one language, by id. */
    public Map<String, MessageTemplate> templates(String language) {
        return templates.get(language);
    }
}
