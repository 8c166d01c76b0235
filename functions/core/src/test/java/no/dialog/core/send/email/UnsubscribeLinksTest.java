package no.dialog.core.send.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import no.dialog.core.send.UnsubscribeTokens;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.Test;

class UnsubscribeLinksTest {

    private static final UnsubscribeTokens TOKENS =
            new UnsubscribeTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    @Test
    void pointsAtTheWebhooksUnsubscribeRouteOfTheTenantWithAVerifiableToken() {
        String link = new UnsubscribeLinks("http://127.0.0.1:8080", TOKENS).forContact(TenantId.of("demo"), "M-1");

        assertThat(link).startsWith("http://127.0.0.1:8080/webhooks/unsubscribe/demo?token=")
                .matches("[A-Za-z0-9:/._?=-]+");
        assertThat(TOKENS.verify(link.substring(link.indexOf("=") + 1))).isPresent();
    }

    @Test
    void refusesABaseUrlThatIsNotHttpOrHasAQuery() {
        assertThatThrownBy(() -> new UnsubscribeLinks("ftp://x.no", TOKENS)).hasMessageContaining("PUBLIC_BASE_URL");
        assertThatThrownBy(() -> new UnsubscribeLinks("https://x.no/?a=b", TOKENS)).hasMessageContaining("query");
    }
}
