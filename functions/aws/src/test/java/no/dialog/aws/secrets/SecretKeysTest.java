package no.dialog.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretKeysTest {

    private static final String TEXT = "aB3".repeat(21) + "x";

    @Test
    void aGeneratedTextKeyIsItsUtf8Bytes() {
        assertThat(SecretKeys.bytes("{\"format\":\"text\",\"key\":\"" + TEXT + "\"}", 32))
                .isEqualTo(TEXT.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBase64KeyIsDecoded() {
        byte[] raw = new byte[40];
        raw[3] = 7;
        assertThat(SecretKeys.bytes("{\"format\":\"base64\",\"key\":\"" + Base64.getEncoder().encodeToString(raw)
                + "\"}", 32)).isEqualTo(raw);
    }

    @Test
    void anAesKeyIsTheSha256OfATextKeyOrExactly32Base64Bytes() throws Exception {
        assertThat(SecretKeys.aes256("{\"format\":\"text\",\"key\":\"" + TEXT + "\"}"))
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(TEXT.getBytes(StandardCharsets.UTF_8)));
        byte[] raw = new byte[32];
        raw[0] = 1;
        assertThat(SecretKeys.aes256("{\"format\":\"base64\",\"key\":\"" + Base64.getEncoder().encodeToString(raw)
                + "\"}")).isEqualTo(raw);
        assertThatThrownBy(() -> SecretKeys.aes256("{\"format\":\"base64\",\"key\":\""
                + Base64.getEncoder().encodeToString(new byte[48]) + "\"}")).hasMessageContaining("exactly 32 bytes");
    }

    @Test
    void shortUnknownOrMalformedKeysAreRefusedWithoutTheirValue() {
        assertThatThrownBy(() -> SecretKeys.bytes("{\"format\":\"text\",\"key\":\"short-key\"}", 32))
                .hasMessageContaining("at least 32 bytes").hasMessageNotContaining("short-key");
        assertThatThrownBy(() -> SecretKeys.bytes("{\"format\":\"hex\",\"key\":\"" + TEXT + "\"}", 32))
                .hasMessageContaining("text or base64");
        assertThatThrownBy(() -> SecretKeys.bytes(TEXT, 32)).hasMessageNotContaining(TEXT);
        assertThatThrownBy(() -> SecretKeys.bytes("{\"format\":\"base64\",\"key\":\"%%%\"}", 32))
                .hasMessageContaining("not base64");
    }
}
