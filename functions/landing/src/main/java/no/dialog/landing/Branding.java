package no.dialog.landing;

import java.util.regex.Pattern;
import no.dialog.core.settings.Contrast;
import no.dialog.core.settings.TenantSettings;
import no.dialog.core.tenant.Tenant;

/**
 * A tenant's look on its landing pages, from its settings (written through {@link TenantSettings}):
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
        String colour = tenant.setting(TenantSettings.BRANDING_COLOUR).filter(c -> COLOUR.matcher(c).matches())
                .filter(c -> contrastWithWhite(c) >= 4.5).orElse(DEFAULT_COLOUR);
        String logo = tenant.setting(TenantSettings.BRANDING_LOGO).filter(l -> LOGO.matcher(l).matches()).orElse(null);
        String name = tenant.setting(TenantSettings.BRANDING_DISPLAY_NAME).orElse(tenant.name() == null ? "" : tenant.name());
        return new Branding(colour, logo, name);
    }

    public static Branding neutral() {
        return new Branding(DEFAULT_COLOUR, null, "");
    }

    /** WCAG 2.1 contrast ratio of {@code #rrggbb} against white. */
    static double contrastWithWhite(String hex) {
        return Contrast.ratio(hex, TenantSettings.PAGE_WHITE);
    }
}
