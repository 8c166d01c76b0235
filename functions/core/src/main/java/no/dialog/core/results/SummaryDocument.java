package no.dialog.core.results;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Port: lays out a journey's weekly summary as a document for people (a PDF). Core decides what a summary
 * holds; the adapter draws it.
 */
@FunctionalInterface
public interface SummaryDocument {

    /**
     * @param journeyName the journey's name as staff gave it
     * @param results     the results JSON of {@link JourneyResults}
     */
    byte[] render(String journeyName, ResultsWeek week, JsonNode results);
}
