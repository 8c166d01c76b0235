package no.dialog.runfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import no.dialog.core.results.ResultsWeek;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class SummaryPdfTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The results JSON's contract, as core's chart tests use it. */
    private static JsonNode sample() throws IOException {
        return JSON.readTree(SummaryPdfTest.class.getResourceAsStream("/results/journey-results.json"));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void holdsTheFunnelEconomicsTheWeeksDaysAndTheExperiment() throws IOException {
        String text = text(new SummaryPdf().render("Er du fortsatt student?", new ResultsWeek(2026, 50), sample()));

        assertThat(text).contains("Weekly results: Er du fortsatt student?", "week 2026-W50 (7.12.2026–13.12.2026)",
                "amounts in NOK", "Version 2 · goal conversion 12.00 %", "Version 1");
        // Funnel: goal reached 120 of 1,000 enrolled.
        assertThat(text).contains("goal reached 120 12.0 %", "queued 1,270 127.0 %");
        assertThat(text).contains("958.00 24,000.00 24.05 7.98 24.00");
        assertThat(text).contains("ask A sms 480 470 450 90 0 470.00");
        // The week's days only (7 to 13 December), with revenue in kroner.
        assertThat(text).contains("8.12.2026 400 495 480 110 60 12,000.00 400.00", "10.12.2026");
        assertThat(text).contains("Decision: B better · winner B", "B 490 72 14.69 % 18.37 0.04690 [0.004000, 0.09000]");
        // Version 2 comes before version 1: newest first.
        assertThat(text.indexOf("Version 2")).isLessThan(text.indexOf("Version 1"));
    }

    /** The filled rectangles a page draws, as PDFBox's graphics engine sees them: their widths, in order. */
    private static List<Float> filledRectangleWidths(byte[] pdf) throws IOException {
        List<Float> widths = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            new PDFGraphicsStreamEngine(page) {
                private float pending = -1;

                @Override
                public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
                    pending = (float) Math.abs(p1.getX() - p0.getX());
                }

                @Override
                public void fillPath(int windingRule) {
                    if (pending >= 0) {
                        widths.add(pending);
                    }
                    pending = -1;
                }

                @Override public void drawImage(PDImage pdImage) {}
                @Override public void clip(int windingRule) {}
                @Override public void moveTo(float x, float y) {}
                @Override public void lineTo(float x, float y) {}
                @Override public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {}
                @Override public Point2D getCurrentPoint() {
                    return new Point2D.Float();
                }
                @Override public void closePath() {}
                @Override public void endPath() {}
                @Override public void strokePath() {}
                @Override public void fillAndStrokePath(int windingRule) {}
                @Override public void shadingFill(COSName shadingName) {}

                void run() throws IOException {
                    processPage(page);
                }
            }.run();
        }
        return widths;
    }

    @Test
    void theFunnelHasABarPerStageInProportionToItsCount() throws IOException {
        List<Float> bars = filledRectangleWidths(new SummaryPdf().render("J", new ResultsWeek(2026, 50), sample()));

        // Version 2 first: enrolled 1,000, queued 1,270 (the largest), sent 1,255, delivered 1,210, answered 240,
        // goal reached 120.
        long[] counts = {1000, 1270, 1255, 1210, 240, 120};
        assertThat(bars).hasSizeGreaterThanOrEqualTo(counts.length);
        for (int i = 0; i < counts.length; i++) {
            assertThat(bars.get(i)).isCloseTo(SummaryPdf.BAR_LENGTH * counts[i] / 1270f, within(0.01f));
        }
    }

    @Test
    void aDayOutsideTheWeekIsNotInItsTable() throws IOException {
        String text = text(new SummaryPdf().render("J", new ResultsWeek(2026, 51), sample()));
        assertThat(text).doesNotContain("8.12.2026").contains("Nothing was counted this week.");
    }

    @Test
    void aJourneyWithNothingCountedStillGetsItsPage() throws IOException {
        var empty = JSON.createObjectNode().put("journeyId", "j2");
        empty.putArray("versions");
        String text = text(new SummaryPdf().render("Tom ☃", new ResultsWeek(2026, 50), empty));
        assertThat(text).contains("Weekly results: Tom ?", "Nothing has been counted for this journey yet.");
    }
}
