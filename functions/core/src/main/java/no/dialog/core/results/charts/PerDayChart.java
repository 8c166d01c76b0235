package no.dialog.core.results.charts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Conversions and revenue per day of a version (its {@code days} array): conversions (goal reached) as bars
 * on the left axis, revenue (the larger of {@code paidOre} and {@code goalRevenueOre}, as the economics count it,
 * in kroner) as a line with a point per day on the right axis. Days sit at their place in the calendar, so a day without a row is a gap, not a
 * squeeze. Each axis runs from zero to its largest value.
 */
final class PerDayChart {

    static final double WIDTH = 640;
    static final double HEIGHT = 280;
    static final double LEFT = 60;
    static final double RIGHT = 570;
    static final double TOP = 40;
    static final double BOTTOM = 240;

    private PerDayChart() {}

    record Day(LocalDate day, long conversions, long revenueOre) {}

    static String draw(JsonNode version) {
        List<Day> days = days(version);
        Svg svg = new Svg(WIDTH, HEIGHT, "Conversions and revenue per day, version " + Fields.count(version, "version"));
        svg.text("text", "Conversions (bars) and revenue in kr (line) per day", "x", 4.0, "y", 16.0,
                "font-weight", "bold");
        svg.empty("rect", "x", 12.0, "y", 22.0, "width", 10.0, "height", 10.0, "fill", "#3b6ea5");
        svg.text("text", "goal reached", "x", 26.0, "y", 31.0);
        svg.empty("circle", "cx", 127.0, "cy", 27.0, "r", 4.0, "fill", "#c0612b");
        svg.text("text", "revenue (kr)", "x", 136.0, "y", 31.0);
        svg.empty("line", "class", "axis", "x1", LEFT, "y1", BOTTOM, "x2", RIGHT, "y2", BOTTOM, "stroke", "#999");
        if (days.isEmpty()) {
            svg.text("text", "No days counted yet.", "x", LEFT + 10, "y", (TOP + BOTTOM) / 2, "class", "empty");
            return svg.end();
        }
        LocalDate first = days.getFirst().day();
        long span = ChronoUnit.DAYS.between(first, days.getLast().day()) + 1;
        double slot = (RIGHT - LEFT) / span;
        long maxConversions = days.stream().mapToLong(Day::conversions).max().orElse(0);
        long maxRevenue = days.stream().mapToLong(Day::revenueOre).max().orElse(0);
        double plot = BOTTOM - TOP;
        // Axes: zero and the largest value, enough to read the picture; the tables carry the exact numbers.
        svg.text("text", "0", "x", LEFT - 6, "y", BOTTOM + 4, "text-anchor", "end");
        svg.text("text", String.format(Locale.ROOT, "%,d", maxConversions), "x", LEFT - 6, "y", TOP + 4,
                "text-anchor", "end", "class", "max-conversions");
        svg.text("text", "0", "x", RIGHT + 6, "y", BOTTOM + 4);
        svg.text("text", kroner(maxRevenue), "x", RIGHT + 6, "y", TOP + 4, "class", "max-revenue");
        svg.text("text", first.toString(), "x", LEFT, "y", BOTTOM + 18);
        svg.text("text", days.getLast().day().toString(), "x", RIGHT, "y", BOTTOM + 18, "text-anchor", "end");
        StringBuilder line = new StringBuilder();
        for (Day day : days) {
            double centre = LEFT + slot * (ChronoUnit.DAYS.between(first, day.day()) + 0.5);
            double height = maxConversions == 0 ? 0 : plot * day.conversions() / maxConversions;
            double width = Math.max(1, slot * 0.6);
            svg.open("rect", "class", "conversions", "data-day", day.day(), "data-count", day.conversions(),
                    "x", centre - width / 2, "y", BOTTOM - height, "width", width, "height", height, "fill", "#3b6ea5")
                    .text("title", day.day() + ": " + day.conversions() + " reached the goal").close("rect");
            double y = maxRevenue == 0 ? BOTTOM : BOTTOM - plot * day.revenueOre() / maxRevenue;
            line.append(line.isEmpty() ? "" : " ").append(Svg.num(centre)).append(',').append(Svg.num(y));
        }
        svg.empty("polyline", "class", "revenue-line", "points", line.toString(), "fill", "none", "stroke", "#c0612b",
                "stroke-width", 2.0);
        for (Day day : days) {
            double centre = LEFT + slot * (ChronoUnit.DAYS.between(first, day.day()) + 0.5);
            double y = maxRevenue == 0 ? BOTTOM : BOTTOM - plot * day.revenueOre() / maxRevenue;
            svg.open("circle", "class", "revenue", "data-day", day.day(), "data-ore", day.revenueOre(), "cx", centre,
                    "cy", y, "r", 3.0, "fill", "#c0612b")
                    .text("title", day.day() + ": " + kroner(day.revenueOre())).close("circle");
        }
        return svg.end();
    }

    /** The version's days in calendar order; rows without a readable day are left out (nowhere to draw them). */
    static List<Day> days(JsonNode version) {
        List<Day> days = new ArrayList<>();
        JsonNode rows = version == null ? null : version.get("days");
        if (rows != null && rows.isArray()) {
            for (JsonNode row : rows) {
                LocalDate day = Fields.day(row, "day");
                if (day != null) {
                    days.add(new Day(day, Fields.count(row, "goalReached"), revenueOre(row)));
                }
            }
        }
        days.sort(Comparator.comparing(Day::day));
        return days;
    }

    /**
     * A day's revenue as the results' economics count it: payments tied to the journey and the goal's revenue are
     * often the same money (a gift that is the goal), so the larger of the two, never their sum.
     */
    static long revenueOre(JsonNode day) {
        return no.dialog.core.results.JourneyResults.revenueOre(Fields.count(day, "paidOre"),
                Fields.count(day, "goalRevenueOre"));
    }

    /** Øre as kroner for people: 123456 → "1,234.56 kr". */
    static String kroner(long ore) {
        return String.format(Locale.ROOT, "%,.2f kr", ore / 100.0);
    }
}
