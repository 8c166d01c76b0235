package no.dialog.core.payment.vipps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import no.dialog.core.testing.Fixtures;
import no.dialog.core.testing.SettableClock;
import org.junit.jupiter.api.Test;

/**
 * The published test vector of Vipps' Webhooks API ("Request authentication"): URL
 * {@code https://webhook.site/e2cee29b-012e-4f1d-8ef4-e95fd74a7a63}, the body in
 * {@code events/vipps/signature-vector-body.json}, {@code x-ms-date: Thu, 30 Mar 2023 08:38:32 GMT}, the
 * secret the documentation registers the webhook with, and the content hash and signature it gives.
 */
class VippsWebhookSignatureTest {

    private static final String SECRET =
            "A0+AeKBRG2KRGvnNwJpQlb6IJFk48CKXCIcrLoHncVJKDILsQSxS6NWCccwWm6r6FhGKhiHTBsG2wo/xU6FY/A==";
    private static final String HOST = "webhook.site";
    private static final String PATH = "/e2cee29b-012e-4f1d-8ef4-e95fd74a7a63";
    private static final String DATE = "Thu, 30 Mar 2023 08:38:32 GMT";
    private static final Instant SENT = Instant.parse("2023-03-30T08:38:32Z");
    private static final String CONTENT_HASH = "lNlsp1XA03N34HrQsVzPgJKtC+r7l/RBF4V3JQUWMj4=";
    private static final String AUTHORIZATION =
            "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=agAiSyogQbDHpeucoNwYz+yAr5nJ+v+zasdkSbqzv+U=";

    private final SettableClock clock = new SettableClock(SENT.plusSeconds(20));
    private final VippsWebhookSignature signature = new VippsWebhookSignature(clock);

    private static byte[] body() {
        return Fixtures.read("vipps/signature-vector-body.json").getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-ms-date", DATE);
        headers.put("x-ms-content-sha256", CONTENT_HASH);
        headers.put("Authorization", AUTHORIZATION);
        headers.put("Host", "internal-alb.eu-north-1.amazonaws.com");
        return headers;
    }

    @Test
    void thePublishedVectorIsValid() {
        assertThat(VippsWebhookSignature.contentHash(body())).isEqualTo(CONTENT_HASH);

        VippsWebhookSignature.Verification verification = signature.verify(SECRET, HOST, PATH, body(), headers());

        assertThat(verification.valid()).isTrue();
        assertThat(verification.reason()).isEqualTo("valid");
    }

    @Test
    void signingTheVectorGivesThePublishedHeaders() {
        Map<String, String> signed = VippsWebhookSignature.sign(SECRET, HOST, PATH, body(), SENT);

        assertThat(signed).containsEntry("x-ms-date", DATE).containsEntry("x-ms-content-sha256", CONTENT_HASH)
                .containsEntry("Authorization", AUTHORIZATION);
    }

    @Test
    void headerNamesAreMatchedIgnoringCase() {
        Map<String, String> headers = Map.of("X-MS-DATE", DATE, "X-Ms-Content-Sha256", CONTENT_HASH,
                "authorization", AUTHORIZATION);

        assertThat(signature.verify(SECRET, HOST, PATH, body(), headers).valid()).isTrue();
    }

    @Test
    void aWrongContentHashIsRefused() {
        Map<String, String> headers = headers();
        headers.put("x-ms-content-sha256", VippsWebhookSignature.contentHash("{}".getBytes(StandardCharsets.UTF_8)));

        VippsWebhookSignature.Verification verification = signature.verify(SECRET, HOST, PATH, body(), headers);

        assertThat(verification.refusal()).isEqualTo(VippsWebhookSignature.Refusal.CONTENT_HASH_MISMATCH);
    }

    @Test
    void aWrongSignatureIsRefused() {
        Map<String, String> headers = headers();
        headers.put("Authorization", AUTHORIZATION.replace("agAiSyog", "agAiSyoh"));

        assertThat(signature.verify(SECRET, HOST, PATH, body(), headers).refusal())
                .isEqualTo(VippsWebhookSignature.Refusal.SIGNATURE_MISMATCH);
        assertThat(signature.verify("another-secret", HOST, PATH, body(), headers()).refusal())
                .isEqualTo(VippsWebhookSignature.Refusal.SIGNATURE_MISMATCH);
    }

    @Test
    void aTamperedBodyIsRefusedEvenWithItsOwnHash() {
        byte[] tampered = new String(body(), StandardCharsets.UTF_8).replace("hello-world", "hello-moon")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(signature.verify(SECRET, HOST, PATH, tampered, headers()).refusal())
                .isEqualTo(VippsWebhookSignature.Refusal.CONTENT_HASH_MISMATCH);

        Map<String, String> rehashed = headers();
        rehashed.put("x-ms-content-sha256", VippsWebhookSignature.contentHash(tampered));
        assertThat(signature.verify(SECRET, HOST, PATH, tampered, rehashed).refusal())
                .isEqualTo(VippsWebhookSignature.Refusal.SIGNATURE_MISMATCH);
    }

    @Test
    void anotherHostOrPathIsRefused() {
        assertThat(signature.verify(SECRET, "dialog.example.org", PATH, body(), headers()).refusal())
                .isEqualTo(VippsWebhookSignature.Refusal.SIGNATURE_MISMATCH);
        assertThat(signature.verify(SECRET, HOST, PATH + "?tenant=demo", body(), headers()).refusal())
                .isEqualTo(VippsWebhookSignature.Refusal.SIGNATURE_MISMATCH);
    }

    @Test
    void aStaleOrFutureDateIsRefusedAndFiveMinutesEitherWayAreNot() {
        clock.set(SENT.plus(Duration.ofMinutes(5)));
        assertThat(signature.verify(SECRET, HOST, PATH, body(), headers()).valid()).isTrue();
        clock.set(SENT.minus(Duration.ofMinutes(5)));
        assertThat(signature.verify(SECRET, HOST, PATH, body(), headers()).valid()).isTrue();

        clock.set(SENT.plus(Duration.ofMinutes(5)).plusSeconds(1));
        assertThat(signature.verify(SECRET, HOST, PATH, body(), headers()).refusal())
                .isEqualTo(VippsWebhookSignature.Refusal.STALE_DATE);
        clock.set(SENT.minus(Duration.ofMinutes(6)));
        assertThat(signature.verify(SECRET, HOST, PATH, body(), headers()).refusal())
                .isEqualTo(VippsWebhookSignature.Refusal.STALE_DATE);
    }

    @Test
    void aDateThatIsNotRfc1123IsRefused() {
        Map<String, String> headers = headers();
        headers.put("x-ms-date", "2023-03-30T08:38:32Z");

        assertThat(signature.verify(SECRET, HOST, PATH, body(), headers).refusal())
                .isEqualTo(VippsWebhookSignature.Refusal.BAD_DATE);
    }

    @Test
    void eachMissingHeaderIsNamed() {
        for (String name : new String[] {"x-ms-date", "x-ms-content-sha256", "Authorization"}) {
            Map<String, String> headers = headers();
            headers.remove(name);

            VippsWebhookSignature.Verification verification = signature.verify(SECRET, HOST, PATH, body(), headers);

            assertThat(verification.refusal()).isEqualTo(VippsWebhookSignature.Refusal.MISSING_HEADER);
            assertThat(verification.reason()).endsWith(": " + name);
        }
        assertThat(signature.verify(SECRET, HOST, PATH, body(), Map.of("x-ms-date", " ")).refusal())
                .isEqualTo(VippsWebhookSignature.Refusal.MISSING_HEADER);
    }

    @Test
    void noSecretMeansNothingIsValid() {
        assertThat(signature.verify("", HOST, PATH, body(), headers()).refusal())
                .isEqualTo(VippsWebhookSignature.Refusal.NO_SECRET);
        assertThat(signature.verify(null, HOST, PATH, body(), headers()).valid()).isFalse();
    }

    @Test
    void signedHeadersOfAnyBodyVerifyAtTheirTimeAndReasonsHoldNoSecretOrBody() {
        byte[] event = Fixtures.read("vipps/epayment-captured.json").getBytes(StandardCharsets.UTF_8);
        Instant at = Instant.parse("2026-11-30T09:59:15Z");
        clock.set(at.plusSeconds(2));
        Map<String, String> signed = VippsWebhookSignature.sign("s3cret", "dialog.example.org", "/webhooks/vipps/demo",
                event, at);

        assertThat(signature.verify("s3cret", "dialog.example.org", "/webhooks/vipps/demo", event, signed).valid())
                .isTrue();
        // A single-digit day is written with two digits, as Vipps does.
        assertThat(VippsWebhookSignature.sign("s", "h", "/p", event, Instant.parse("2026-12-03T08:00:00Z")))
                .containsEntry("x-ms-date", "Thu, 03 Dec 2026 08:00:00 GMT");
        VippsWebhookSignature.Verification refused = signature.verify("other", "dialog.example.org",
                "/webhooks/vipps/demo", event, signed);
        assertThat(refused.reason()).doesNotContain("s3cret").doesNotContain("other").doesNotContain("dlg-");
    }
}
