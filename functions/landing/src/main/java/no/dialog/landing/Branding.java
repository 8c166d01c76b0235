package no.dialog.landing;

import java.util.regex.Pattern;
import no.dialog.core.tenant.Tenant;

/**
 * A tenant's look on its landing pages, from its settings:
 * <ul>
 *   <li>{@code branding.colour}: the accent colour as {@code #rrggbb}, used for headings and the button
 *       (white text on it). A colour with less than 4.5:1 contrast against white is not used (WCAG AA),
 *       the default dark green is.</li>
 *   <li>{@code branding.logo}: the logo as a {@code data:image/png|svg+xml|jpeg;base64,...} URI (no request
 *       to another site is ever made from a page); none shows the sender name only.</li>
 *   <li>{@code branding.senderName}: the name shown at the top (default: the tenant's name).</li>
 * </ul>
 */
public record Branding(String colour, String logo, String senderName) {

    public static final String DEFAULT_COLOUR = "#1f5f3f";
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern LOGO = Pattern.compile("data:image/(png|jpeg|svg\\+xml);base64,[A-Za-z0-9+/=]{1,200000}");

    public static Branding of(Tenant tenant) {
        String colour = tenant.setting("branding.colour").filter(c -> COLOUR.matcher(c).matches())
                .filter(c -> contrastWithWhite(c) >= 4.5).orElse(DEFAULT_COLOUR);
        String logo = tenant.setting("branding.logo").filter(l -> LOGO.matcher(l).matches()).orElse(null);
        String name = tenant.setting("branding.senderName").orElse(tenant.name() == null ? "" : tenant.name());
        return new Branding(colour, logo, name);
    }

    public static Branding neutral() {
        return new Branding(DEFAULT_COLOUR, null, "");
    }

    /** WCAG 2.1 contrast ratio of {@code #rrggbb} against white. */
    static double contrastWithWhite(String hex) {
        double r = channel(Integer.parseInt(hex.substring(1, 3), 16));
        double g = channel(Integer.parseInt(hex.substring(3, 5), 16));
        double b = channel(Integer.parseInt(hex.substring(5, 7), 16));
        double luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        return 1.05 / (luminance + 0.05);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
