package no.dialog.core.template;

/**
 * The shape of a person's landing link, {@code https://dlg.no/p/} followed by a 22-character base64url
 * token (128 random bits). Previews stand in a placeholder of exactly this length so the SMS part count
 * they show is the one the real send will have; whoever mints real links must keep this length.
 */
public final class LandingLinks {

    public static final String PREFIX = "https://dlg.no/p/";
    public static final int TOKEN_LENGTH = 22;
    public static final int LENGTH = PREFIX.length() + TOKEN_LENGTH;

    /** Stands in for the link before it is minted: GSM-7 only, as long as a real one. */
    public static final String PLACEHOLDER = PREFIX + "x".repeat(TOKEN_LENGTH);

    private LandingLinks() {}
}
