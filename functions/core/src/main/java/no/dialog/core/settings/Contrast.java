package no.dialog.core.settings;

/**
 * WCAG 2.1 contrast between two colours {@code #rrggbb}: (L1 + 0.05) / (L2 + 0.05) of their relative
 * luminances, from 1 (the same) to 21 (black on white). Text needs at least {@value #TEXT_MINIMUM} (level AA).
 */
public final class Contrast {

    public static final double TEXT_MINIMUM = 4.5;

    private Contrast() {}

    public static double ratio(String colour, String other) {
        double a = luminance(colour);
        double b = luminance(other);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    static double luminance(String hex) {
        return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
    }

    private static double channel(String hex, int at) {
        double c = Integer.parseInt(hex.substring(at, at + 2), 16) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
