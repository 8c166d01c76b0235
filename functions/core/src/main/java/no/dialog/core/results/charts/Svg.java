package no.dialog.core.results.charts;

import java.util.Locale;

/**
 * Writes SVG text by hand: elements with attributes and text, every value escaped for XML. The charts put
 * staff-chosen names (step ids, variants) into the picture, and the console embeds the SVG in its HTML, so
 * nothing is written that is not escaped here.
 *
 * <p>Characters XML 1.0 cannot hold at all (most control characters) become U+FFFD: an SVG that does not
 * parse would show nothing.
 */
final class Svg {

    private final StringBuilder out = new StringBuilder();

    Svg(double width, double height, String title) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\" font-family=\"system-ui, sans-serif\" font-size=\"12\">");
        out.append("<title>").append(escape(title)).append("</title>");
    }

    /** Opens an element; {@code attributes} are name, value pairs (a null value leaves the attribute out). */
    Svg open(String element, Object... attributes) {
        start(element, attributes);
        out.append('>');
        return this;
    }

    Svg close(String element) {
        out.append("</").append(element).append('>');
        return this;
    }

    /** An element without content. */
    Svg empty(String element, Object... attributes) {
        start(element, attributes);
        out.append("/>");
        return this;
    }

    /** An element holding text. */
    Svg text(String element, String text, Object... attributes) {
        start(element, attributes);
        out.append('>').append(escape(text)).append("</").append(element).append('>');
        return this;
    }

    String end() {
        return out.append("</svg>").toString();
    }

    private void start(String element, Object... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        out.append('<').append(element);
        for (int i = 0; i < attributes.length; i += 2) {
            Object value = attributes[i + 1];
            if (value == null) {
                continue;
            }
            String text = value instanceof Double d ? num(d) : value instanceof Float f ? num(f) : value.toString();
            out.append(' ').append(attributes[i]).append("=\"").append(escape(text)).append('"');
        }
    }

    /** A number as SVG reads it: at most two decimals, a dot, no exponent. */
    static String num(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        String text = String.format(Locale.ROOT, "%.2f", value);
        // 12.50 → 12.5, 12.00 → 12: shorter and the same number.
        if (text.indexOf('.') >= 0) {
            text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return text.equals("-0") ? "0" : text;
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (allowedInXml(c)) {
                        escaped.appendCodePoint(c);
                    } else {
                        escaped.append('\uFFFD');
                    }
                }
            }
        });
        return escaped.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
