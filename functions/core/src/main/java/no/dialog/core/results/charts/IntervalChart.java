package no.dialog.core.results.charts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * An experiment's lift over control day by day (its {@code history}): for each arm and day a vertical line
 * from the interval's low to its high with a dot at the estimate, so the interval is seen narrowing as people
 * come in; a zero line (no difference), and the decision in the title. An interval that does not exclude
 * zero has not found a difference. The value axis covers zero and every finite bound; an unbounded edge
 * (null or infinite, as an always-valid interval is on its first days) runs to the plot's edge and is marked
 * {@code data-open}.
 */
final class IntervalChart {

    static final double WIDTH = 640;
    static final double HEIGHT = 300;
    static final double LEFT = 70;
    static final double RIGHT = 600;
    static final double TOP = 50;
    static final double BOTTOM = 260;
    private static final String[] COLOURS = {"#c0612b", "#2b8a3e", "#7048b6", "#b02a5b"};

    private IntervalChart() {}

    record Point(String arm, LocalDate day, OptionalDouble estimate, OptionalDouble low, OptionalDouble high) {}

    static String draw(JsonNode experiment) {
        String step = Fields.text(experiment, "step");
        String metric = Fields.text(experiment, "metric");
        String control = Fields.text(experiment, "control");
        String decision = Fields.text(experiment, "decision");
        String winner = Fields.text(experiment, "winner");
        Svg svg = new Svg(WIDTH, HEIGHT, "Experiment at step " + step + ": lift over " + control);
        svg.text("text", "Step " + nz(step) + " · " + nz(metric) + " · lift over control " + nz(control), "x", 4.0,
                "y", 16.0, "font-weight", "bold");
        svg.text("text", "Decision: " + (decision == null ? "none yet" : decision)
                + (winner == null ? "" : " (winner " + winner + ")"), "x", 4.0, "y", 34.0, "class", "decision");
        List<Point> points = points(experiment);
        if (points.isEmpty()) {
            svg.text("text", "No interval yet.", "x", LEFT + 10, "y", (TOP + BOTTOM) / 2, "class", "empty");
            return svg.end();
        }
        double min = 0;
        double max = 0;
        for (Point p : points) {
            for (OptionalDouble v : List.of(p.estimate(), p.low(), p.high())) {
                if (v.isPresent()) {
                    min = Math.min(min, v.getAsDouble());
                    max = Math.max(max, v.getAsDouble());
                }
            }
        }
        if (max - min == 0) {
            max = 1;
            min = -1;
        }
        double pad = (max - min) * 0.05;
        Scale y = new Scale(min - pad, max + pad);
        LocalDate first = points.stream().map(Point::day).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = points.stream().map(Point::day).max(Comparator.naturalOrder()).orElseThrow();
        long span = ChronoUnit.DAYS.between(first, last) + 1;
        double slot = (RIGHT - LEFT) / span;
        List<String> arms = new ArrayList<>(armsOf(points));
        svg.empty("rect", "x", LEFT, "y", TOP, "width", RIGHT - LEFT, "height", BOTTOM - TOP, "fill", "none",
                "stroke", "#ccc");
        svg.empty("line", "class", "zero", "x1", LEFT, "y1", y.at(0), "x2", RIGHT, "y2", y.at(0), "stroke", "#333",
                "stroke-dasharray", "4 3");
        svg.text("text", "0", "x", LEFT - 6, "y", y.at(0) + 4, "text-anchor", "end");
        svg.text("text", value(y.high), "x", LEFT - 6, "y", TOP + 10, "text-anchor", "end");
        svg.text("text", value(y.low), "x", LEFT - 6, "y", BOTTOM, "text-anchor", "end");
        svg.text("text", first.toString(), "x", LEFT, "y", BOTTOM + 16);
        svg.text("text", last.toString(), "x", RIGHT, "y", BOTTOM + 16, "text-anchor", "end");
        for (int a = 0; a < arms.size(); a++) {
            String colour = COLOURS[a % COLOURS.length];
            svg.empty("line", "x1", LEFT + 100.0 * a, "y1", BOTTOM + 32, "x2", LEFT + 100.0 * a + 14, "y2", BOTTOM + 32,
                    "stroke", colour, "stroke-width", 3.0);
            svg.text("text", "arm " + arms.get(a), "x", LEFT + 100.0 * a + 18, "y", BOTTOM + 36);
        }
        for (Point p : points) {
            int a = arms.indexOf(p.arm());
            String colour = COLOURS[a % COLOURS.length];
            // Arms side by side within the day's slot, so their intervals do not hide each other.
            double x = LEFT + slot * (ChronoUnit.DAYS.between(first, p.day()) + (a + 1.0) / (arms.size() + 1));
            boolean openLow = p.low().isEmpty();
            boolean openHigh = p.high().isEmpty();
            svg.open("line", "class", "interval", "data-arm", p.arm(), "data-day", p.day(),
                    "data-open", openLow || openHigh ? (openLow && openHigh ? "both" : openLow ? "low" : "high") : null,
                    "x1", x, "y1", openLow ? BOTTOM : y.at(p.low().getAsDouble()), "x2", x,
                    "y2", openHigh ? TOP : y.at(p.high().getAsDouble()), "stroke", colour, "stroke-width", 2.0)
                    .text("title", p.day() + ", arm " + p.arm() + ": " + bound(p.low()) + " to " + bound(p.high()))
                    .close("line");
            if (p.estimate().isPresent()) {
                svg.empty("circle", "class", "estimate", "data-arm", p.arm(), "data-day", p.day(), "cx", x,
                        "cy", y.at(p.estimate().getAsDouble()), "r", 2.5, "fill", colour);
            }
        }
        return svg.end();
    }

    static List<Point> points(JsonNode experiment) {
        List<Point> points = new ArrayList<>();
        JsonNode history = experiment == null ? null : experiment.get("history");
        if (history != null && history.isArray()) {
            for (JsonNode row : history) {
                LocalDate day = Fields.day(row, "day");
                String arm = Fields.text(row, "arm");
                if (day != null && arm != null) {
                    points.add(new Point(arm, day, Fields.number(row, "estimate"), Fields.number(row, "low"),
                            Fields.number(row, "high")));
                }
            }
        }
        return points;
    }

    private static Set<String> armsOf(List<Point> points) {
        Set<String> arms = new LinkedHashSet<>();
        points.stream().map(Point::arm).sorted().forEach(arms::add);
        return arms;
    }

    private static String nz(String text) {
        return text == null ? "?" : text;
    }

    private static String bound(OptionalDouble v) {
        return v.isPresent() ? value(v.getAsDouble()) : "unbounded";
    }

    /** Three significant digits: the axis is read at a glance; the table beside it has the numbers. */
    static String value(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** Linear map from a value to the plot's y (higher values up). */
    record Scale(double low, double high) {
        double at(double value) {
            return BOTTOM - (BOTTOM - TOP) * (value - low) / (high - low);
        }
    }
}
