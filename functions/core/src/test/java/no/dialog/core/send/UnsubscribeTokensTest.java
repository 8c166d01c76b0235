package no.dialog.core.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import no.dialog.core.contact.Channel;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

    private static final byte[] SECRET = "a-test-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);
    private final UnsubscribeTokens tokens = new UnsubscribeTokens(SECRET);

    @Test
    void aTokenSaysWhoOptsOutOfWhichChannel() {
        String token = tokens.issue(TenantId.of("demo"), "K-42", Channel.EMAIL);

        assertThat(tokens.verify(token)).contains(
                new UnsubscribeTokens.Unsubscribe(TenantId.of("demo"), "K-42", Channel.EMAIL));
        assertThat(token).doesNotContain("K-42").matches("[A-Za-z0-9_.-]+");
    }

    @Test
    void anEditedTokenOrOneSignedWithAnotherSecretIsRefused() {
        String token = tokens.issue(TenantId.of("demo"), "K-42", Channel.EMAIL);
        String otherContact = tokens.issue(TenantId.of("demo"), "K-43", Channel.EMAIL);
        String forged = otherContact.substring(0, otherContact.indexOf('.')) + token.substring(token.indexOf('.'));
        UnsubscribeTokens other = new UnsubscribeTokens("another-secret-of-at-least-32-bytes!".getBytes(
                StandardCharsets.UTF_8));

        assertThat(tokens.verify(forged)).isEmpty();
        assertThat(other.verify(token)).isEmpty();
        assertThat(tokens.verify("not-a-token")).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new UnsubscribeTokens(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
