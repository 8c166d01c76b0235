package no.dialog.core.results.charts;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Pictures of a journey's results as SVG text, drawn from the results JSON the admin API serves
 * ({@code GET /admin/v1/journeys/{id}/results}): the console embeds them and the weekly summary can too.
 * Any field may be missing or null; a chart draws what is there and says when there is nothing.
 *
 * <pre>{@code
 * JsonNode version = results.get("versions").get(0);
 * String svg = ResultCharts.funnel(version);
 * }</pre>
 */
public final class ResultCharts {

    private ResultCharts() {}

    /** A day row's revenue in øre, as the charts draw it (the larger of payments and goal revenue). */
    public static long dayRevenueOre(JsonNode day) {
        return PerDayChart.revenueOre(day);
    }

    /** Bars per funnel stage for the whole version, then per step and variant. */
    public static String funnel(JsonNode version) {
        return FunnelChart.draw(version);
    }

    /** Conversions (goal reached) and revenue per day of the version. */
    public static String perDay(JsonNode version) {
        return PerDayChart.draw(version);
    }

    /** Each arm's interval of lift over control, per day, with the zero line and the decision. */
    public static String experimentInterval(JsonNode experiment) {
        return IntervalChart.draw(experiment);
    }
}
