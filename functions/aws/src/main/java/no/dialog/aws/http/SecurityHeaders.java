package no.dialog.aws.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers of everything Dialog answers on its public routes (landing pages, unsubscribe pages, webhook
 * answers), in one place so the pages cannot drift apart: a Content-Security-Policy that always forbids
 * framing ({@code frame-ancestors 'none'}, and {@code X-Frame-Options: DENY} for old browsers), no caching
 * (a page holds one person's data), no referrer (the personal link must not leak to another site), no
 * content sniffing, HTTPS only.
 */
public final class SecurityHeaders {

    public static final String FRAME_ANCESTORS = "frame-ancestors 'none'";
    /** For answers with no page (JSON, plain text, redirects): nothing may load or frame them. */
    public static final String NOTHING = "default-src 'none'; " + FRAME_ANCESTORS;

    private SecurityHeaders() {}

    /**
     * The headers of one answer, {@code Content-Type} first; the policy gets {@code frame-ancestors 'none'}
     * when it does not say it already. Returns a mutable map, so a caller can add, e.g., {@code Location}.
     */
    public static Map<String, String> of(String contentType, String contentSecurityPolicy) {
        String csp = contentSecurityPolicy.contains("frame-ancestors") ? contentSecurityPolicy
                : contentSecurityPolicy + "; " + FRAME_ANCESTORS;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Content-Security-Policy", csp);
        headers.put("Cache-Control", "no-store");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        return headers;
    }

    /**
     * The policy of a page with one inline style sheet and no script: the style is allowed by its hash, images
     * only as data URLs, forms post only to {@code formAction}.
     */
    public static String pagePolicy(String inlineStyle, String formAction) {
        return "default-src 'none'; style-src '" + sha256(inlineStyle) + "'; img-src data:; form-action " + formAction
                + "; base-uri 'none'; " + FRAME_ANCESTORS;
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
