package no.dialog.providers.letter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Lays out letters as A4 PDFs with Apache PDFBox for window envelopes with the window on the left (C5 folded
 * once, E65/DL folded in three), after DIN 5008 form B, which Norwegian window envelopes follow:
 *
 * <ul>
 *   <li>address field: 20 mm from the left edge, 45 mm from the top, 85 × 45 mm ({@link #WINDOW_MM}); the
 *       first 5 mm hold the sender's return line in 7 pt, the recipient starts 7 mm in (52 mm from the top),
 *       at most {@link #MAX_ADDRESS_LINES} lines of 10 pt;</li>
 *   <li>sender block: the organisation's name and address, 125 mm from the left, from 20 mm down;</li>
 *   <li>date: 125 mm from the left, 97 mm down; text: 25 mm margins, from 110 mm down, 11 pt Helvetica;</li>
 *   <li>giro slip: the bottom third (99 mm) of the last page, below a fold line at 198 mm; a new page
 *       holds it when the text reaches into that third.</li>
 * </ul>
 * Text uses the standard Helvetica font (WinAnsi encoding: Norwegian letters work); a character it cannot
 * show is printed as "?".
 */
public final class LetterPdf {

    public static final int MAX_ADDRESS_LINES = 6;
    /** The address window, in mm from the page's top left corner: x, y, width, height. */
    public static final float[] WINDOW_MM = {20f, 45f, 85f, 45f};

    private static final float MM = 72f / 25.4f;
    private static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
    private static final float MARGIN_LEFT = 25 * MM;
    private static final float TEXT_WIDTH = 160 * MM;
    private static final float TEXT_TOP = 110 * MM;
    private static final float BOTTOM_MARGIN = 25 * MM;
    private static final float GIRO_TOP = 198 * MM;
    private static final float TEXT_SIZE = 11f;
    private static final float LINE = 14f;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    /** The letter as a PDF file, and its number of pages. */
    public record Rendered(byte[] pdf, int pages) {}

    public Rendered render(Letter letter) {
        try (PDDocument document = new PDDocument()) {
            int pages = appendTo(document, letter);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return new Rendered(out.toByteArray(), pages);
        } catch (IOException e) {
            throw new UncheckedIOException("the letter PDF could not be written", e);
        }
    }

    /** Adds the letter's pages to {@code document} (a print run merges many); returns how many. */
    public int appendTo(PDDocument document, Letter letter) throws IOException {
        List<String> lines = wrap(letter.text());
        int pages = 0;
        PDPage page = newPage(document);
        pages++;
        PDPageContentStream content = new PDPageContentStream(document, page);
        try {
            firstPageHeader(content, letter);
            float y = TEXT_TOP;
            for (String line : lines) {
                if (y + LINE > PAGE_HEIGHT - BOTTOM_MARGIN) {
                    content.close();
                    page = newPage(document);
                    pages++;
                    content = new PDPageContentStream(document, page);
                    y = 25 * MM;
                }
                write(content, regular, TEXT_SIZE, MARGIN_LEFT, y, line);
                y += LINE;
            }
            if (letter.giro() != null) {
                if (y > GIRO_TOP - 5 * MM) {
                    content.close();
                    page = newPage(document);
                    pages++;
                    content = new PDPageContentStream(document, page);
                }
                giro(content, letter);
            }
        } finally {
            content.close();
        }
        return pages;
    }

    private static PDPage newPage(PDDocument document) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        return page;
    }

    private void firstPageHeader(PDPageContentStream content, Letter letter) throws IOException {
        float y = 20 * MM;
        write(content, bold, 11, 125 * MM, y, letter.senderLines().get(0));
        for (String line : letter.senderLines().subList(1, letter.senderLines().size())) {
            y += 13;
            write(content, regular, 9, 125 * MM, y, line);
        }
        // Return line in the top of the window, so undeliverable letters come back.
        write(content, regular, 7, WINDOW_MM[0] * MM, (WINDOW_MM[1] + 4) * MM,
                String.join(", ", letter.senderLines()));
        float addressY = (WINDOW_MM[1] + 11) * MM;
        for (String line : letter.recipientLines()) {
            write(content, regular, 10, WINDOW_MM[0] * MM, addressY, line);
            addressY += 12.5f;
        }
        write(content, regular, 10, 125 * MM, 97 * MM, DATE.format(letter.date()));
    }

    private void giro(PDPageContentStream content, Letter letter) throws IOException {
        float top = GIRO_TOP;
        content.setLineDashPattern(new float[] {3, 3}, 0);
        content.moveTo(0, PAGE_HEIGHT - top);
        content.lineTo(PDRectangle.A4.getWidth(), PAGE_HEIGHT - top);
        content.stroke();
        content.setLineDashPattern(new float[] {}, 0);
        write(content, bold, 12, 15 * MM, top + 10 * MM, "GIRO");
        write(content, regular, 8, 110 * MM, top + 10 * MM, "Betalingsfrist");
        write(content, regular, 8, 15 * MM, top + 20 * MM, "Betalt av");
        float y = top + 25 * MM;
        for (String line : letter.recipientLines()) {
            write(content, regular, 9, 15 * MM, y, line);
            y += 11;
        }
        write(content, regular, 8, 110 * MM, top + 20 * MM, "Betalt til");
        y = top + 25 * MM;
        for (String line : letter.senderLines()) {
            write(content, regular, 9, 110 * MM, y, line);
            y += 11;
        }
        float codeLine = top + 85 * MM;
        write(content, regular, 7, 15 * MM, codeLine - 5 * MM, "Kundeidentifikasjon (KID)");
        write(content, regular, 7, 100 * MM, codeLine - 5 * MM, "Kroner");
        write(content, regular, 7, 125 * MM, codeLine - 5 * MM, "Øre");
        write(content, regular, 7, 150 * MM, codeLine - 5 * MM, "Til konto");
        write(content, bold, 11, 15 * MM, codeLine, letter.giro().kid());
        write(content, bold, 11, 150 * MM, codeLine, formatAccount(letter.giro().account()));
    }

    /** {@code 12345678903} → {@code 1234.56.78903}, as Norwegian account numbers are printed. */
    static String formatAccount(String account) {
        return account.length() != 11 ? account
                : account.substring(0, 4) + "." + account.substring(4, 6) + "." + account.substring(6);
    }

    /** Writes one line with its baseline {@code top} points from the page's top. */
    private void write(PDPageContentStream content, PDType1Font font, float size, float x, float top, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, PAGE_HEIGHT - top);
        content.showText(printable(font, text));
        content.endText();
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
            return !character.equals("\t");
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private List<String> wrap(String text) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.replace("\r\n", "\n").split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(candidate) > TEXT_WIDTH && line.length() > 0) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private float width(String text) throws IOException {
        return regular.getStringWidth(printable(regular, text)) / 1000f * TEXT_SIZE;
    }
}
