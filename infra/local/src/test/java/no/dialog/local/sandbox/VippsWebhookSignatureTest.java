package no.dialog.local.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sandbox's signer against Vipps' published content hash and the documented header shapes. */
class VippsWebhookSignatureTest {

    private static final byte[] PUBLISHED_BODY =
            "{\"some-unique-content\":\"ee6e441b-cc4a-46f8-895d-a5af79bcc233/hello-world\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theContentHashIsThePublishedOne() {
        assertThat(VippsWebhookSignature.contentHash(PUBLISHED_BODY)).isEqualTo("lNlsp1XA03N34HrQsVzPgJKtC+r7l/RBF4V3JQUWMj4=");
    }

    @Test
    void theHeadersCarryTheRfc1123DateTheHashAndTheSignatureOverPathDateHostAndHash() {
        Instant at = Instant.parse("2026-11-23T12:00:00Z");

        Map<String, String> headers = VippsWebhookSignature.headers("secret", "/webhooks/vipps/demo", "localhost:3000", at,
                PUBLISHED_BODY);

        assertThat(headers.get("x-ms-date")).isEqualTo("Mon, 23 Nov 2026 12:00:00 GMT");
        assertThat(headers.get("x-ms-content-sha256")).isEqualTo("lNlsp1XA03N34HrQsVzPgJKtC+r7l/RBF4V3JQUWMj4=");
        String signature = VippsWebhookSignature.signature("secret", "/webhooks/vipps/demo",
                "Mon, 23 Nov 2026 12:00:00 GMT", "localhost:3000", "lNlsp1XA03N34HrQsVzPgJKtC+r7l/RBF4V3JQUWMj4=");
        assertThat(headers.get("Authorization"))
                .isEqualTo("HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=" + signature);
        assertThat(signature).isNotEqualTo(VippsWebhookSignature.signature("secret", "/webhooks/vipps/demo",
                "Mon, 23 Nov 2026 12:00:00 GMT", "localhost:3001", "lNlsp1XA03N34HrQsVzPgJKtC+r7l/RBF4V3JQUWMj4="));
    }
}
