package no.dialog.providers.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;

/** The PDF read back with PDFBox's own text extraction: what is where. */
class LetterPdfTest {

    private static final float MM = 72f / 25.4f;
    private static final List<String> SENDER = List.of("Naturvernforbundet", "Postboks 342 Sentrum", "0101 Oslo");
    private static final List<String> RECIPIENT = List.of("Åse Ødegård", "Storgata 12 B", "0155 Oslo");

    private static String inWindow(PDDocument document) throws IOException {
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        float[] w = LetterPdf.WINDOW_MM;
        stripper.addRegion("window", new Rectangle2D.Float(w[0] * MM, w[1] * MM, w[2] * MM, w[3] * MM));
        stripper.extractRegions(document.getPage(0));
        return stripper.getTextForRegion("window");
    }

    @Test
    void putsTheRecipientInTheEnvelopeWindowOnPageOneAndTheTextBelow() throws IOException {
        LetterPdf.Rendered rendered = new LetterPdf().render(new Letter(SENDER, RECIPIENT, LocalDate.of(2026, 11, 23),
                "Hei Åse!\n\nTakk for at du er medlem.", null));

        assertThat(rendered.pages()).isEqualTo(1);
        try (PDDocument document = Loader.loadPDF(rendered.pdf())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String window = inWindow(document);
            assertThat(window).contains("Åse Ødegård", "Storgata 12 B", "0155 Oslo");
            // The return line is in the window too, the body text is not.
            assertThat(window).contains("Naturvernforbundet, Postboks 342 Sentrum, 0101 Oslo")
                    .doesNotContain("Takk for at du er medlem");
            String all = new PDFTextStripper().getText(document);
            assertThat(all).contains("23.11.2026", "Hei Åse!", "Takk for at du er medlem.").doesNotContain("GIRO");
        }
    }

    @Test
    void addsAGiroWithTheKidAndAccountAndBreaksLongTextsOverPages() throws IOException {
        String longText = "Et avsnitt med mange ord som går over flere linjer og sider. ".repeat(200);
        LetterPdf.Rendered rendered = new LetterPdf().render(new Letter(SENDER, RECIPIENT, LocalDate.of(2026, 11, 23),
                longText, new Letter.Giro("12345678903", "000000001000108")));

        try (PDDocument document = Loader.loadPDF(rendered.pdf())) {
            assertThat(document.getNumberOfPages()).isEqualTo(rendered.pages()).isGreaterThan(2);
            PDFTextStripper lastPage = new PDFTextStripper();
            lastPage.setStartPage(rendered.pages());
            lastPage.setEndPage(rendered.pages());
            String giro = lastPage.getText(document);
            assertThat(giro).contains("GIRO", "000000001000108", "1234.56.78903", "Åse Ødegård");
            assertThat(inWindow(document)).contains("Åse Ødegård");
        }
    }

    @Test
    void printsCharactersTheFontLacksAsQuestionMarks() throws IOException {
        LetterPdf.Rendered rendered = new LetterPdf().render(new Letter(SENDER, List.of("Zoë 🙂 Ĳssel", "0155 Oslo"),
                LocalDate.of(2026, 11, 23), "Hei ✓", null));

        try (PDDocument document = Loader.loadPDF(rendered.pdf())) {
            assertThat(inWindow(document)).contains("Zoë ? ?ssel");
        }
    }
}
