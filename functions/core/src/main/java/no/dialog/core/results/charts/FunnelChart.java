package no.dialog.core.results.charts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A version's funnel as horizontal bars: first the version's stages (its {@code funnel} array: enrolled,
 * queued, sent, delivered, answered, goal reached), then the same stages from queued on for each step and
 * variant. A bar's length is its count over the largest count of its section, so each section reads on its
 * own; the count is written beside the bar.
 */
final class FunnelChart {

    /** The stages a step row has (enrolment belongs to the journey, not to a step). */
    static final List<String> STEP_STAGES = List.of("queued", "sent", "delivered", "answered", "goalReached");

    static final double WIDTH = 640;
    static final double LABEL = 170;
    static final double BAR_AREA = 380;
    private static final double ROW = 20;
    private static final double BAR = 14;
    private static final double STEP_ROW = 16;
    private static final double STEP_BAR = 11;

    private FunnelChart() {}

    static String draw(JsonNode version) {
        List<Bar> whole = new ArrayList<>();
        JsonNode funnel = version == null ? null : version.get("funnel");
        if (funnel != null && funnel.isArray()) {
            for (JsonNode stage : funnel) {
                whole.add(new Bar(Fields.text(stage, "stage"), Fields.count(stage, "count")));
            }
        }
        List<JsonNode> steps = new ArrayList<>();
        JsonNode rows = version == null ? null : version.get("steps");
        if (rows != null && rows.isArray()) {
            for (JsonNode row : rows) {
                if (Fields.text(row, "stepId") != null) {
                    steps.add(row);
                }
            }
        }
        // The same steps as the drawing below: title, the whole funnel (or its "no funnel" line), the step heading,
        // each step's label and bars (or the "nothing yet" line), and a margin.
        double height = 28 + Math.max(1, whole.size()) * ROW + 30
                + (steps.isEmpty() ? ROW : steps.size() * (20 + STEP_STAGES.size() * STEP_ROW)) + 12;
        Svg svg = new Svg(WIDTH, height, "Funnel of version " + Fields.count(version, "version"));
        double y = 20;
        svg.text("text", "Version " + Fields.count(version, "version") + ": whole journey", "x", 4.0, "y", y,
                "font-weight", "bold");
        y += 8;
        long max = whole.stream().mapToLong(Bar::count).max().orElse(0);
        if (whole.isEmpty()) {
            svg.text("text", "No funnel yet.", "x", 4.0, "y", y + 14, "class", "empty");
            y += ROW;
        }
        for (Bar bar : whole) {
            bar(svg, y, ROW, BAR, bar.stage(), bar.count(), max, null, null);
            y += ROW;
        }
        y += 22;
        svg.text("text", "Per step and variant", "x", 4.0, "y", y, "font-weight", "bold");
        y += 8;
        if (steps.isEmpty()) {
            svg.text("text", "No step has counted anything yet.", "x", 4.0, "y", y + 14, "class", "empty");
        }
        long stepMax = 0;
        for (JsonNode step : steps) {
            for (String stage : STEP_STAGES) {
                stepMax = Math.max(stepMax, Fields.count(step, stage));
            }
        }
        for (JsonNode step : steps) {
            String stepId = Fields.text(step, "stepId");
            String variant = Fields.text(step, "variant");
            String channel = Fields.text(step, "channel");
            y += 16;
            svg.text("text", stepId + (variant == null ? "" : " · variant " + variant)
                    + (channel == null ? "" : " · " + channel), "x", 4.0, "y", y, "class", "step-label");
            y += 4;
            for (String stage : STEP_STAGES) {
                bar(svg, y, STEP_ROW, STEP_BAR, stage, Fields.count(step, stage), stepMax, stepId, variant);
                y += STEP_ROW;
            }
        }
        return svg.end();
    }

    private static void bar(Svg svg, double y, double row, double thickness, String stage, long count, long max,
            String stepId, String variant) {
        double length = max == 0 ? 0 : BAR_AREA * count / max;
        svg.text("text", label(stage), "x", 12.0, "y", y + thickness - 2, "fill", "#333");
        svg.empty("rect", "class", stepId == null ? "stage" : "step-stage", "data-stage", stage, "data-step", stepId,
                "data-variant", variant, "data-count", count, "x", LABEL, "y", y, "width", length, "height", thickness,
                "fill", stepId == null ? "#3b6ea5" : "#6a9fd4");
        svg.text("text", String.format(java.util.Locale.ROOT, "%,d", count), "x", LABEL + length + 6,
                "y", y + thickness - 2, "fill", "#333");
    }

    /** {@code goalReached} → "goal reached". */
    static String label(String stage) {
        if (stage == null) {
            return "";
        }
        return stage.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    private record Bar(String stage, long count) {}
}
