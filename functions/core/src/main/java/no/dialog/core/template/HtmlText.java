package no.dialog.core.template;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTML escaping of merge values, and the plain-text part of an e-mail derived from its HTML. */
final class HtmlText {

    private static final Pattern INVISIBLE = Pattern.compile("(?is)<(script|style|head)\\b.*?</\\1\\s*>");
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern BLOCK_END =
            Pattern.compile("(?i)</(p|div|h[1-6]|li|tr|table|ul|ol|blockquote)\\s*>|<hr\\s*/?>");
    private static final Pattern TAG = Pattern.compile("(?s)<!--.*?-->|</?[a-zA-Z!][^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("aelig", "æ"), Map.entry("AElig", "Æ"),
            Map.entry("oslash", "ø"), Map.entry("Oslash", "Ø"), Map.entry("aring", "å"), Map.entry("Aring", "Å"),
            Map.entry("ndash", "–"), Map.entry("mdash", "—"), Map.entry("euro", "€"), Map.entry("hellip", "…"));

    private HtmlText() {}

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&#39;"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A readable plain-text version of staff-written HTML: scripts and styles dropped, line breaks for
     * {@code <br>} and the ends of blocks, other tags removed, entities decoded, runs of blank lines
     * collapsed. Deliberately simple (no link footnotes, no tables); merge values were escaped in the
     * HTML, so a value that looks like a tag comes back as text rather than being stripped.
     */
    static String toText(String html) {
        String text = INVISIBLE.matcher(html).replaceAll("");
        text = text.replace("\r\n", "\n");
        text = LINE_BREAK.matcher(text).replaceAll("\n");
        text = BLOCK_END.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = SPACES.matcher(text).replaceAll(" ");
        StringBuilder lines = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            lines.append(line.strip()).append('\n');
        }
        text = BLANK_LINES.matcher(lines.toString()).replaceAll("\n\n").strip();
        return decodeEntities(text);
    }

    // Decoded last, so an escaped "&lt;b&gt;" from a merge value is never taken for a tag.
    private static String decodeEntities(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String entity(String name, String whole) {
        if (name.startsWith("#")) {
            boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
            int cp = Integer.parseInt(hex ? name.substring(2) : name.substring(1), hex ? 16 : 10);
            return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : whole;
        }
        return NAMED.getOrDefault(name, whole);
    }
}
