package no.dialog.local.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook request as Vipps MobilePay does (DOMAIN.md, "Webhook signature"): the SHA-256 of the
 * body in {@code x-ms-content-sha256}, the date in {@code x-ms-date}, and an HMAC-SHA256 over
 * {@code POST\n<pathAndQuery>\n<x-ms-date>;<host>;<contentHash>} in {@code Authorization}. The host is
 * the authority the request goes to ({@code localhost:3000} on the local stack), as the HTTP client sends
 * it in the {@code Host} header.
 */
public final class VippsWebhookSignature {

    /** RFC 1123 in GMT, the form Vipps sends in {@code x-ms-date}. */
    static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private VippsWebhookSignature() {}

    /** {@code Base64(SHA-256(body))}. */
    public static String contentHash(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** {@code Base64(HMAC-SHA256(secret, POST\n pathAndQuery \n date;host;contentHash))}. */
    public static String signature(String secret, String pathAndQuery, String date, String host, String contentHash) {
        String signed = "POST\n" + pathAndQuery + "\n" + date + ";" + host + ";" + contentHash;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /**
     * The headers Vipps sends with a webhook: {@code x-ms-date}, {@code x-ms-content-sha256} and
     * {@code Authorization} (the {@code Host} header is the request's own).
     */
    public static Map<String, String> headers(String secret, String pathAndQuery, String host, Instant now, byte[] body) {
        String date = DATE.format(now);
        String hash = contentHash(body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-ms-date", date);
        headers.put("x-ms-content-sha256", hash);
        headers.put("Authorization", "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature="
                + signature(secret, pathAndQuery, date, host, hash));
        return headers;
    }
}
