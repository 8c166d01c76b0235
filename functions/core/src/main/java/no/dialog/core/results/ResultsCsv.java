package no.dialog.core.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import no.dialog.core.run.CsvWriter;

/**
 * A journey's results (the JSON of {@link JourneyResults}) as one CSV for people: per version, one {@code step}
 * row per step, variant and channel with every counter and the cost, a {@code total} row, then one {@code day}
 * row per day. Every row has the same columns ({@link #HEADER}); a column a row does not have is empty (a
 * day has no SMS parts or failure classes), as is a missing or null value, so an empty cell is "not counted
 * here", never a zero.
 *
 * <p>Written with {@link CsvWriter}: RFC 4180 quoting, UTF-8 with a byte order mark for Excel, and a cell that
 * a spreadsheet would run as a formula gets a leading apostrophe (a step id is staff input).
 */
public final class ResultsCsv {

    /** The counters of a step row, in the order of the results JSON. */
    public static final List<String> COUNTERS = List.of("enrolled", "queued", "sent", "smsParts", "delivered",
            "failedNoConsent", "failedUnreachable", "failedOptedOut", "failedProvider", "failedExpired", "opened",
            "clicked", "answered", "paid", "paidOre", "goalReached", "goalRevenueOre", "exited", "capped",
            "notSendable", "costOre");

    public static final List<String> HEADER = Stream.concat(
            Stream.of("row", "version", "stepId", "variant", "channel", "day"), COUNTERS.stream()).toList();

    private ResultsCsv() {}

    /** Every version of the journey, oldest first as the JSON has them. */
    public static byte[] of(JsonNode results) {
        CsvWriter csv = CsvWriter.forPeople(HEADER);
        JsonNode versions = results == null ? null : results.get("versions");
        if (versions != null && versions.isArray()) {
            for (JsonNode version : versions) {
                rows(csv, version);
            }
        }
        return csv.toBytes();
    }

    /** One version of the journey. */
    public static byte[] ofVersion(JsonNode version) {
        CsvWriter csv = CsvWriter.forPeople(HEADER);
        rows(csv, version);
        return csv.toBytes();
    }

    private static void rows(CsvWriter csv, JsonNode version) {
        String number = text(version, "version");
        for (JsonNode step : array(version, "steps")) {
            csv.row(row("step", number, text(step, "stepId"), text(step, "variant"), text(step, "channel"), null, step));
        }
        if (version.hasNonNull("totals")) {
            csv.row(row("total", number, null, null, null, null, version.get("totals")));
        }
        for (JsonNode day : array(version, "days")) {
            csv.row(row("day", number, null, null, null, text(day, "day"), day));
        }
    }

    private static List<String> row(String kind, String version, String stepId, String variant, String channel,
            String day, JsonNode counters) {
        List<String> cells = new ArrayList<>(HEADER.size());
        cells.addAll(java.util.Arrays.asList(kind, version, stepId, variant, channel, day));
        for (String counter : COUNTERS) {
            cells.add(text(counters, counter));
        }
        return cells;
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isArray() ? value : List.of();
    }

    /** The value as written in the JSON (numbers unchanged), or null for missing and JSON null. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
