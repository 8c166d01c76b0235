package no.dialog.core.results.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ResultChartsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode sample() {
        try (InputStream in = ResultChartsTest.class.getResourceAsStream("/results/journey-results.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode version2() {
        return sample().get("versions").get(1);
    }

    @Test
    void theFunnelDrawsOneBarPerStageWithLengthsInProportionToTheCounts() {
        JsonNode version = version2();
        SvgDocument svg = SvgDocument.parse(ResultCharts.funnel(version));

        List<Element> bars = svg.all("rect", "stage");
        assertThat(bars).extracting(b -> b.getAttribute("data-stage"))
                .containsExactly("enrolled", "queued", "sent", "delivered", "answered", "goalReached");
        long max = 0;
        for (JsonNode stage : version.get("funnel")) {
            max = Math.max(max, stage.get("count").asLong());
        }
        for (int i = 0; i < bars.size(); i++) {
            long count = version.get("funnel").get(i).get("count").asLong();
            assertThat(bars.get(i).getAttribute("data-count")).isEqualTo(Long.toString(count));
            assertThat(SvgDocument.number(bars.get(i), "width"))
                    .isCloseTo(FunnelChart.BAR_AREA * count / max, within(0.01));
        }
        assertThat(svg.texts()).contains("1,270", "goal reached");
    }

    @Test
    void theFunnelHasTheStagesOfEveryStepAndVariantScaledTogether() {
        JsonNode version = version2();
        SvgDocument svg = SvgDocument.parse(ResultCharts.funnel(version));

        List<Element> bars = svg.all("rect", "step-stage");
        // Three step rows (ask A, ask B, remind) with five stages each; the journey-wide row has no step.
        assertThat(bars).hasSize(3 * FunnelChart.STEP_STAGES.size());
        Map<String, Double> widths = bars.stream().collect(Collectors.toMap(
                b -> b.getAttribute("data-step") + "/" + b.getAttribute("data-variant") + "/" + b.getAttribute("data-stage"),
                b -> SvgDocument.number(b, "width")));
        // The largest step count (ask B queued, 490) fills the area; the rest in proportion.
        assertThat(widths.get("ask/B/queued")).isCloseTo(FunnelChart.BAR_AREA, within(0.01));
        assertThat(widths.get("ask/A/answered")).isCloseTo(FunnelChart.BAR_AREA * 90 / 490, within(0.01));
        assertThat(widths.get("remind//delivered")).isCloseTo(FunnelChart.BAR_AREA * 290 / 490, within(0.01));
        assertThat(svg.texts()).contains("ask · variant A · sms", "remind · email");
    }

    @Test
    void everyBarAndLabelLiesInsideThePicture() {
        for (JsonNode version : List.of(version2(), sample().get("versions").get(0), JSON.createObjectNode())) {
            SvgDocument svg = SvgDocument.parse(ResultCharts.funnel(version));
            double height = SvgDocument.number(svg.root(), "height");
            for (String element : List.of("rect", "text")) {
                for (Element e : svg.all(element, null)) {
                    double bottom = e.hasAttribute("height")
                            ? SvgDocument.number(e, "y") + SvgDocument.number(e, "height") : SvgDocument.number(e, "y");
                    assertThat(bottom).as(element + " " + e.getTextContent()).isLessThanOrEqualTo(height);
                }
            }
        }
    }

    @Test
    void stepIdsAndVariantsAreEscapedSoThePictureStaysWellFormed() {
        ObjectNode version = JSON.createObjectNode().put("version", 1);
        version.putArray("steps").addObject().put("stepId", "ask</text><script>alert('x')</script>&\"")
                .put("variant", "B&C").put("channel", "sms\u0001").put("queued", 5);
        String text = ResultCharts.funnel(version);

        SvgDocument svg = SvgDocument.parse(text);
        assertThat(svg.all("script", null)).isEmpty();
        assertThat(svg.texts()).contains("ask</text><script>alert('x')</script>&\" · variant B&C · sms\uFFFD");
        assertThat(svg.all("rect", "step-stage").getFirst().getAttribute("data-step"))
                .isEqualTo("ask</text><script>alert('x')</script>&\"");
        assertThat(text).doesNotContain("<script>");
    }

    @Test
    void perDayDrawsConversionBarsAndRevenuePointsOnTheirOwnAxes() {
        SvgDocument svg = SvgDocument.parse(ResultCharts.perDay(version2()));

        List<Element> bars = svg.all("rect", "conversions");
        assertThat(bars).extracting(b -> b.getAttribute("data-day"))
                .containsExactly("2026-12-07", "2026-12-08", "2026-12-10");
        double plot = PerDayChart.BOTTOM - PerDayChart.TOP;
        long[] conversions = {40, 60, 20};
        for (int i = 0; i < bars.size(); i++) {
            assertThat(SvgDocument.number(bars.get(i), "height")).isCloseTo(plot * conversions[i] / 60, within(0.01));
            assertThat(SvgDocument.number(bars.get(i), "y") + SvgDocument.number(bars.get(i), "height"))
                    .isCloseTo(PerDayChart.BOTTOM, within(0.01));
        }
        List<Element> points = svg.all("circle", "revenue");
        long[] revenue = {800000, 1200000, 400000};
        for (int i = 0; i < points.size(); i++) {
            assertThat(SvgDocument.number(points.get(i), "cy"))
                    .isCloseTo(PerDayChart.BOTTOM - plot * revenue[i] / 1200000, within(0.01));
        }
        assertThat(svg.all("text", "max-revenue").getFirst().getTextContent()).isEqualTo("12,000.00 kr");
    }

    @Test
    void aDaysRevenueIsTheLargerOfPaymentsAndGoalRevenueNeverTheirSum() {
        ObjectNode version = JSON.createObjectNode().put("version", 1);
        var days = version.putArray("days");
        days.addObject().put("day", "2026-12-07").put("goalRevenueOre", 1000).put("paidOre", 4000);
        days.addObject().put("day", "2026-12-08").put("goalRevenueOre", 2000).put("paidOre", 500);
        SvgDocument svg = SvgDocument.parse(ResultCharts.perDay(version));

        assertThat(svg.all("circle", "revenue")).extracting(c -> c.getAttribute("data-ore")).containsExactly("4000", "2000");
        assertThat(svg.all("text", "max-revenue").getFirst().getTextContent()).isEqualTo("40.00 kr");
    }

    @Test
    void aDayWithoutARowIsAGapInTheCalendar() {
        SvgDocument svg = SvgDocument.parse(ResultCharts.perDay(version2()));
        List<Element> points = svg.all("circle", "revenue");
        double first = SvgDocument.number(points.get(0), "cx");
        double second = SvgDocument.number(points.get(1), "cx");
        double third = SvgDocument.number(points.get(2), "cx");
        // 7 and 8 December are one day apart, 8 and 10 two: the 9th has no row.
        assertThat(third - second).isCloseTo(2 * (second - first), within(0.02));
    }

    @Test
    void theIntervalChartShowsEachDaysIntervalTheZeroLineAndTheDecision() {
        JsonNode experiment = version2().get("experiment");
        SvgDocument svg = SvgDocument.parse(ResultCharts.experimentInterval(experiment));

        assertThat(svg.all("text", "decision").getFirst().getTextContent()).isEqualTo("Decision: B better (winner B)");
        double zero = SvgDocument.number(svg.all("line", "zero").getFirst(), "y1");
        List<Element> intervals = svg.all("line", "interval");
        assertThat(intervals).extracting(l -> l.getAttribute("data-day"))
                .containsExactly("2026-12-07", "2026-12-08", "2026-12-10");
        // The first day is unbounded both ways: from the plot's bottom to its top.
        assertThat(intervals.get(0).getAttribute("data-open")).isEqualTo("both");
        assertThat(SvgDocument.number(intervals.get(0), "y1")).isEqualTo(IntervalChart.BOTTOM);
        assertThat(SvgDocument.number(intervals.get(0), "y2")).isEqualTo(IntervalChart.TOP);
        // The second crosses zero (low below, high above: SVG's y grows downwards), the last lies above it.
        assertThat(SvgDocument.number(intervals.get(1), "y1")).isGreaterThan(zero);
        assertThat(SvgDocument.number(intervals.get(1), "y2")).isLessThan(zero);
        assertThat(SvgDocument.number(intervals.get(2), "y1")).isLessThan(zero);
        // It narrows: the last interval is shorter than the one before.
        double before = SvgDocument.number(intervals.get(1), "y1") - SvgDocument.number(intervals.get(1), "y2");
        double last = SvgDocument.number(intervals.get(2), "y1") - SvgDocument.number(intervals.get(2), "y2");
        assertThat(last).isLessThan(before);
        // Lengths follow the values: (0.11 + 0.02) against (0.09 - 0.004).
        assertThat(last / before).isCloseTo((0.09 - 0.004) / (0.11 + 0.02), within(0.01));
        assertThat(svg.all("circle", "estimate")).hasSize(3);
    }

    @Test
    void chartsOfNothingSaySoAndStillParse() {
        JsonNode empty = JSON.createObjectNode();
        for (String svg : List.of(ResultCharts.funnel(empty), ResultCharts.perDay(empty),
                ResultCharts.experimentInterval(empty), ResultCharts.funnel(sample().get("versions").get(0)))) {
            assertThat(SvgDocument.parse(svg).all("text", "empty")).isNotEmpty();
        }
    }

    @Test
    void numbersAreWrittenTheWaySvgReadsThem() {
        assertThat(Svg.num(12.5)).isEqualTo("12.5");
        assertThat(Svg.num(12.0)).isEqualTo("12");
        assertThat(Svg.num(-0.001)).isEqualTo("0");
        assertThat(Svg.num(1234567.891)).isEqualTo("1234567.89");
    }
}
