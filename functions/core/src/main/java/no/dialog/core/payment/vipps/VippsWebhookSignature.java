package no.dialog.core.payment.vipps;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a webhook request came from Vipps MobilePay, as its Webhooks API specifies: the body's
 * SHA-256 (Base64) equals {@code x-ms-content-sha256}, and {@code Authorization} equals
 * {@code HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=<s>} where {@code s} is
 * the Base64 HMAC-SHA256, keyed with the registration's secret (as UTF-8), of
 * {@code POST\n<pathAndQuery>\n<x-ms-date>;<host>;<contentHash>}.
 *
 * <p>Host and path are the public ones Vipps sent to (the URL registered with Vipps), not what the
 * function sees behind API Gateway or a proxy, so the caller passes them. A request whose
 * {@code x-ms-date} is further than {@link #MAX_SKEW} from now is refused: a captured request cannot be
 * replayed later. Comparisons take constant time.
 */
public final class VippsWebhookSignature {

    /** How far {@code x-ms-date} may be from this function's clock, either way. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    public static final String DATE_HEADER = "x-ms-date";
    public static final String CONTENT_HASH_HEADER = "x-ms-content-sha256";
    public static final String AUTHORIZATION_HEADER = "Authorization";

    private static final String AUTHORIZATION_PREFIX = "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=";
    /** RFC 1123 with a two-digit day, as Vipps (and JavaScript's toUTCString) write it. */
    private static final DateTimeFormatter DATE_OUT = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Clock clock;

    public VippsWebhookSignature(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    /** Why a request was refused; the text names no secret and no part of the body. */
    public enum Refusal {
        NO_SECRET("no webhook secret for the tenant"),
        MISSING_HEADER("a signature header is missing"),
        BAD_DATE("x-ms-date is not an RFC 1123 date"),
        STALE_DATE("x-ms-date is more than 5 minutes from now"),
        CONTENT_HASH_MISMATCH("x-ms-content-sha256 does not match the body"),
        SIGNATURE_MISMATCH("the Authorization signature does not match");

        private final String reason;

        Refusal(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** The outcome: valid, or the refusal (and, for a missing header, which one). */
    public record Verification(Refusal refusal, String detail) {

        static final Verification VALID = new Verification(null, null);

        public boolean valid() {
            return refusal == null;
        }

        /** For logs and the error answer: the refusal's reason and the header concerned, if any. */
        public String reason() {
            if (refusal == null) {
                return "valid";
            }
            return detail == null ? refusal.reason() : refusal.reason() + ": " + detail;
        }
    }

    /**
     * @param secret       the secret Vipps gave when the webhook was registered
     * @param host         the public host Vipps posted to ({@code api.example.org}, with {@code :port} if not
     *                     the default)
     * @param pathAndQuery the public path and query Vipps posted to ({@code /webhooks/vipps/demo})
     * @param body         the raw body bytes, exactly as received
     * @param headers      the request's headers; names are matched ignoring case
     */
    public Verification verify(String secret, String host, String pathAndQuery, byte[] body,
                               Map<String, String> headers) {
        if (secret == null || secret.isEmpty()) {
            return new Verification(Refusal.NO_SECRET, null);
        }
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        Objects.requireNonNull(body, "body");
        String date = header(headers, DATE_HEADER);
        String contentHash = header(headers, CONTENT_HASH_HEADER);
        String authorization = header(headers, AUTHORIZATION_HEADER);
        if (nz(date).isEmpty()) {
            return new Verification(Refusal.MISSING_HEADER, DATE_HEADER);
        }
        if (nz(contentHash).isEmpty()) {
            return new Verification(Refusal.MISSING_HEADER, CONTENT_HASH_HEADER);
        }
        if (nz(authorization).isEmpty()) {
            return new Verification(Refusal.MISSING_HEADER, AUTHORIZATION_HEADER);
        }
        Instant sent;
        try {
            sent = ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return new Verification(Refusal.BAD_DATE, null);
        }
        if (Duration.between(sent, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
            return new Verification(Refusal.STALE_DATE, null);
        }
        String expectedHash = contentHash(body);
        if (!constantTimeEquals(expectedHash, contentHash.trim())) {
            return new Verification(Refusal.CONTENT_HASH_MISMATCH, null);
        }
        // The signed string uses the header's date text as sent, and the hash we computed (equal to the header's).
        String expected = AUTHORIZATION_PREFIX + signature(secret, host, pathAndQuery, date.trim(), expectedHash);
        if (!constantTimeEquals(expected, authorization.trim())) {
            return new Verification(Refusal.SIGNATURE_MISMATCH, null);
        }
        return Verification.VALID;
    }

    /**
     * The headers Vipps would send with {@code body} at {@code at}: for tests, fixtures and the local
     * stack's sandbox.
     *
     * @return {@code x-ms-date}, {@code x-ms-content-sha256} and {@code Authorization}, in that order
     */
    public static Map<String, String> sign(String secret, String host, String pathAndQuery, byte[] body, Instant at) {
        String date = DATE_OUT.format(at);
        String hash = contentHash(body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(DATE_HEADER, date);
        headers.put(CONTENT_HASH_HEADER, hash);
        headers.put(AUTHORIZATION_HEADER, AUTHORIZATION_PREFIX + signature(secret, host, pathAndQuery, date, hash));
        return headers;
    }

    /** Base64 of the body's SHA-256. */
    public static String contentHash(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** Base64 HMAC-SHA256 of the signed string {@code POST\n<pathAndQuery>\n<date>;<host>;<hash>}. */
    static String signature(String secret, String host, String pathAndQuery, String date, String contentHash) {
        String signed = "POST\n" + pathAndQuery + "\n" + date + ";" + host + ";" + contentHash;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    private static String nz(String value) {
        return value == null ? "" : value.trim();
    }
}
