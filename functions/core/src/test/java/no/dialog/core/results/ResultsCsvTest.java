package no.dialog.core.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsCsvTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode sample() throws Exception {
        try (InputStream in = ResultsCsvTest.class.getResourceAsStream("/results/journey-results.json")) {
            return JSON.readTree(in);
        }
    }

    /** Splits the file into rows of cells, undoing RFC 4180 quoting: the way a spreadsheet reads it. */
    static List<List<String>> read(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        text = text.substring(1);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertThat(cell).isEmpty();
        return rows;
    }

    @Test
    void oneRowPerStepVariantAndChannelThenTheTotalThenOnePerDay() throws Exception {
        JsonNode version = sample().get("versions").get(1);
        List<List<String>> rows = read(ResultsCsv.ofVersion(version));

        assertThat(rows.getFirst()).isEqualTo(ResultsCsv.HEADER);
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(ResultsCsv.HEADER.size()));
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0) + ":" + r.get(2) + ":" + r.get(3) + ":" + r.get(4) + ":" + r.get(5))
                .containsExactly("step::::", "step:ask:A:sms:", "step:ask:B:sms:", "step:remind::email:", "total::::",
                        "day::::2026-12-07", "day::::2026-12-08", "day::::2026-12-10");
        // Every counter of every step row is the JSON's number.
        for (int i = 0; i < 4; i++) {
            JsonNode step = version.get("steps").get(i);
            for (String counter : ResultsCsv.COUNTERS) {
                assertThat(rows.get(i + 1).get(ResultsCsv.HEADER.indexOf(counter)))
                        .as(counter).isEqualTo(step.get(counter).asText());
            }
        }
        List<String> day = rows.get(8);
        assertThat(day.get(ResultsCsv.HEADER.indexOf("goalRevenueOre"))).isEqualTo("400000");
        // A day has no SMS parts: empty, not zero.
        assertThat(day.get(ResultsCsv.HEADER.indexOf("smsParts"))).isEmpty();
    }

    @Test
    void everyVersionOfTheJourneyIsInTheFile() throws Exception {
        List<List<String>> rows = read(ResultsCsv.of(sample()));
        assertThat(rows.stream().skip(1).map(r -> r.get(1)).distinct()).containsExactly("1", "2");
    }

    @Test
    void quotesCommasAndDefusesFormulasInStepIds() {
        ObjectNode version = JSON.createObjectNode().put("version", 3);
        version.putArray("steps").addObject().put("stepId", "=HYPERLINK(\"http://x\",\"y\")").put("variant", "a,b")
                .put("channel", "sms").put("queued", 7);
        byte[] csv = ResultsCsv.ofVersion(version);

        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", "\"a,b\"");
        List<String> row = read(csv).get(1);
        assertThat(row.subList(0, 5)).isEqualTo(Arrays.asList("step", "3", "'=HYPERLINK(\"http://x\",\"y\")", "a,b", "sms"));
        assertThat(row.get(ResultsCsv.HEADER.indexOf("queued"))).isEqualTo("7");
    }
}
