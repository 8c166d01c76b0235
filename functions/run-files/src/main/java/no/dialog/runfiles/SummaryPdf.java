package no.dialog.runfiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.dialog.core.results.ResultsWeek;
import no.dialog.core.results.SummaryDocument;
import no.dialog.core.results.charts.ResultCharts;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The weekly results summary as an A4 PDF (Apache PDFBox, Helvetica): the journey and the week, then per
 * version, newest first, the funnel with each stage's share of those enrolled, failures by reason,
 * economics, one row per step and variant, the week's days, and the experiment's arms with their lift and
 * the decision; the funnel has a bar per stage beside its table. Counts are since the journey started; the day
 * table is the week's. Missing or null values print as "–". A character Helvetica cannot show prints as "?".
 */
public final class SummaryPdf implements SummaryDocument {

    private static final float MARGIN = 42f;
    private static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
    private static final float PAGE_WIDTH = PDRectangle.A4.getWidth();
    private static final float LINE = 13f;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy");
    private static final String NONE = "–";
    private static final com.fasterxml.jackson.databind.node.JsonNodeFactory JSON_NUMBERS =
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    private static final float[] FUNNEL_COLUMNS = {160, 80, 80};
    /** Where the funnel's bars start (after its columns) and how long the largest one is, in points. */
    static final float BAR_X = MARGIN + 330;
    static final float BAR_LENGTH = 180;

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    @Override
    public byte[] render(String journeyName, ResultsWeek week, JsonNode results) {
        try (PDDocument document = new PDDocument()) {
            Writer out = new Writer(document);
            try {
                out.line(bold, 16, "Weekly results: " + journeyName);
                out.line(regular, 10, "Journey " + text(results, "journeyId") + " · week " + week + " ("
                        + DATE.format(week.monday()) + "–" + DATE.format(week.sunday()) + ") · amounts in "
                        + (results.hasNonNull("currency") ? results.get("currency").asText() : "NOK"));
                out.line(regular, 9, "Counts are since the journey started; the day table shows the week.");
                List<JsonNode> versions = new ArrayList<>();
                results.path("versions").forEach(versions::add);
                if (versions.isEmpty()) {
                    out.gap();
                    out.line(regular, 11, "Nothing has been counted for this journey yet.");
                }
                for (JsonNode version : versions.reversed()) {
                    version(out, week, version);
                }
            } finally {
                out.close();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the summary PDF could not be written", e);
        }
    }

    private void version(Writer out, ResultsWeek week, JsonNode version) throws IOException {
        out.gap();
        out.line(bold, 13, "Version " + text(version, "version") + " · goal conversion "
                + percent(version.get("goalConversionRate")));
        long enrolled = 0;
        List<List<String>> funnel = new ArrayList<>();
        for (JsonNode stage : version.path("funnel")) {
            long count = stage.path("count").asLong();
            if ("enrolled".equals(text(stage, "stage"))) {
                enrolled = count;
            }
            funnel.add(List.of(stageName(text(stage, "stage")), number(stage.get("count")),
                    enrolled == 0 ? NONE : String.format(Locale.ROOT, "%.1f %%", 100.0 * count / enrolled)));
        }
        out.heading("Funnel");
        out.row(bold, FUNNEL_COLUMNS, List.of("Stage", "People", "Of enrolled"));
        long largest = 0;
        for (JsonNode stage : version.path("funnel")) {
            largest = Math.max(largest, stage.path("count").asLong());
        }
        int i = 0;
        for (JsonNode stage : version.path("funnel")) {
            out.row(regular, FUNNEL_COLUMNS, funnel.get(i++));
            // The row's bar: its count over the largest stage's, in the space after the columns.
            out.bar(largest == 0 ? 0 : (float) stage.path("count").asLong() / largest);
        }
        JsonNode failures = version.get("failures");
        if (failures != null && failures.isObject()) {
            out.heading("Failed, by reason");
            out.table(new float[] {80, 80, 80, 90, 80}, List.of("No consent", "Unreachable", "Opted out",
                    "Provider refused", "Expired"), List.of(List.of(number(failures.get("noConsent")),
                    number(failures.get("unreachable")), number(failures.get("optedOut")),
                    number(failures.get("providerRefused")), number(failures.get("expired")))));
        }
        JsonNode economics = version.get("economics");
        if (economics != null && economics.isObject()) {
            out.heading("Economics");
            out.table(new float[] {90, 90, 60, 100, 130}, List.of("Cost", "Revenue", "ROI", "Cost per goal",
                    "Revenue per enrolled"), List.of(List.of(kroner(economics.get("costOre")),
                    kroner(economics.get("revenueOre")), decimal(economics.get("roi")),
                    kroner(economics.get("costPerGoalOre")), kroner(economics.get("revenuePerEnrolledOre")))));
        }
        List<List<String>> steps = new ArrayList<>();
        for (JsonNode step : version.path("steps")) {
            if (step.hasNonNull("stepId")) {
                steps.add(List.of(text(step, "stepId"), text(step, "variant"), text(step, "channel"),
                        number(step.get("queued")), number(step.get("sent")), number(step.get("delivered")),
                        number(step.get("answered")), number(step.get("goalReached")), kroner(step.get("costOre"))));
            }
        }
        if (!steps.isEmpty()) {
            out.heading("Per step and variant");
            out.table(new float[] {90, 45, 55, 50, 50, 55, 55, 45, 70}, List.of("Step", "Variant", "Channel", "Queued",
                    "Sent", "Delivered", "Answered", "Goal", "Cost"), steps);
        }
        List<List<String>> days = new ArrayList<>();
        for (JsonNode day : version.path("days")) {
            LocalDate date = date(text(day, "day"));
            if (date != null && week.contains(date)) {
                days.add(List.of(DATE.format(date), number(day.get("enrolled")), number(day.get("sent")),
                        number(day.get("delivered")), number(day.get("answered")), number(day.get("goalReached")),
                        kroner(JSON_NUMBERS.numberNode(ResultCharts.dayRevenueOre(day))), kroner(day.get("costOre"))));
            }
        }
        out.heading("The week's days");
        if (days.isEmpty()) {
            out.line(regular, 10, "Nothing was counted this week.");
        } else {
            out.table(new float[] {70, 55, 50, 60, 60, 50, 80, 70}, List.of("Day", "Enrolled", "Sent", "Delivered",
                    "Answered", "Goal", "Revenue", "Cost"), days);
        }
        JsonNode experiment = version.get("experiment");
        if (experiment != null && experiment.isObject()) {
            out.heading("Experiment at step " + text(experiment, "step") + " (" + text(experiment, "metric")
                    + ", control " + text(experiment, "control") + ")");
            out.line(bold, 10, "Decision: " + text(experiment, "decision")
                    + (experiment.hasNonNull("winner") ? " · winner " + text(experiment, "winner") : ""));
            List<List<String>> arms = new ArrayList<>();
            for (JsonNode arm : experiment.path("arms")) {
                JsonNode absolute = arm.path("lift").path("absolute");
                String lift = absolute.isObject() ? decimal(absolute.get("estimate")) + " [" + decimal(absolute.get("low"))
                        + ", " + decimal(absolute.get("high")) + "]" : NONE;
                arms.add(List.of(text(arm, "arm"), number(arm.get("n")), number(arm.get("conversions")),
                        percent(arm.get("rate")), kroner(arm.get("revenuePerPersonOre")), lift));
            }
            out.table(new float[] {40, 55, 75, 55, 100, 170}, List.of("Arm", "n", "Conversions", "Rate",
                    "Revenue/person", "Lift over control [interval]"), arms);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? NONE : value.asText();
    }

    private static String number(JsonNode value) {
        return value == null || !value.isNumber() ? NONE : String.format(Locale.ROOT, "%,d", value.asLong());
    }

    private static String kroner(JsonNode ore) {
        return ore == null || !ore.isNumber() ? NONE : String.format(Locale.ROOT, "%,.2f", ore.asDouble() / 100);
    }

    private static String decimal(JsonNode value) {
        return value == null || !value.isNumber() ? NONE : String.format(Locale.ROOT, "%.4g", value.asDouble());
    }

    private static String percent(JsonNode rate) {
        return rate == null || !rate.isNumber() ? NONE : String.format(Locale.ROOT, "%.2f %%", 100 * rate.asDouble());
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notADay) {
            return null;
        }
    }

    /** {@code goalReached} → "goal reached". */
    private static String stageName(String stage) {
        return stage.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** Writes lines and tables top to bottom, starting a new page when one is full. */
    private final class Writer {
        private final PDDocument document;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void line(PDType1Font font, float size, String text) throws IOException {
            room(size + 4);
            y += size + 3;
            write(font, size, MARGIN, y, text, PAGE_WIDTH - 2 * MARGIN);
        }

        void heading(String text) throws IOException {
            room(40);
            y += 8;
            line(bold, 11, text);
        }

        void gap() {
            y += 8;
        }

        void table(float[] widths, List<String> header, List<List<String>> rows) throws IOException {
            row(bold, widths, header);
            for (List<String> row : rows) {
                row(regular, widths, row);
            }
        }

        /** A filled bar on the line just written, {@code fraction} of {@link #BAR_LENGTH} long. */
        void bar(float fraction) throws IOException {
            content.setNonStrokingColor(0.23f, 0.43f, 0.65f);
            content.addRect(BAR_X, PAGE_HEIGHT - y, BAR_LENGTH * fraction, 8);
            content.fill();
            content.setNonStrokingColor(0f, 0f, 0f);
        }

        void row(PDType1Font font, float[] widths, List<String> cells) throws IOException {
            room(LINE);
            y += LINE;
            float x = MARGIN;
            for (int i = 0; i < cells.size(); i++) {
                write(font, 9, x, y, cells.get(i), widths[i] - 4);
                x += widths[i];
            }
        }

        private void room(float needed) throws IOException {
            if (y + needed > PAGE_HEIGHT - MARGIN) {
                content.close();
                newPage();
            }
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = MARGIN;
        }

        /** One line with its baseline {@code top} points from the page's top, cut to {@code width}. */
        private void write(PDType1Font font, float size, float x, float top, String text, float width)
                throws IOException {
            String shown = printable(font, text);
            while (shown.length() > 1 && font.getStringWidth(shown) / 1000f * size > width) {
                shown = shown.substring(0, shown.length() - 2) + "…";
                shown = printable(font, shown);
            }
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, PAGE_HEIGHT - top);
            content.showText(shown);
            content.endText();
        }

        void close() throws IOException {
            content.close();
        }
    }

    private static String printable(PDType1Font font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            String character = new String(Character.toChars(codePoint));
            out.append(encodable(font, character) ? character : "?");
        });
        return out.toString();
    }

    private static boolean encodable(PDType1Font font, String character) {
        try {
            font.encode(character);
            return !character.equals("\t") && !character.equals("\n") && !character.equals("\r");
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
