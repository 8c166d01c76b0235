package no.dialog.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The organisation's public key, and the JWE only its register can open. */
class RegisterPublicKeyTest {

    private static final RegisterKeyPair REGISTER = RegisterKeyPair.shared();

    @Test
    void onlyThePrivateKeyOpensTheNumber() throws Exception {
        RegisterPublicKey key = RegisterPublicKey.parse(REGISTER.publicPem());

        String jwe = key.encrypt("01010150074");

        assertThat(jwe.split("\\.")).hasSize(5);
        assertThat(jwe).doesNotContain("01010150074");
        assertThat(REGISTER.open(jwe)).isEqualTo("01010150074");
        assertThat(RegisterKeyPair.header(jwe).get("kid").asText()).isEqualTo(key.keyId());
        RegisterKeyPair other = RegisterKeyPair.generate(3072);
        assertThatThrownBy(() -> other.open(jwe)).isInstanceOf(Exception.class);
    }

    @Test
    void theKeyIdIsStableForOneKeyAndDiffersBetweenKeys() {
        assertThat(RegisterPublicKey.parse(REGISTER.publicPem()).keyId())
                .isEqualTo(RegisterPublicKey.parse("\n" + REGISTER.publicPem().replace("\n", "\r\n")).keyId())
                .matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void refusesWhatIsNotAnRsaKeyOfAtLeast3072Bits() {
        assertThatThrownBy(() -> RegisterPublicKey.parse(RegisterKeyPair.generate(2048).publicPem()))
                .hasMessageContaining("at least 3072 bits");
        assertThatThrownBy(() -> RegisterPublicKey.parse("ssh-rsa AAAAB3Nza"))
                .hasMessageContaining("PEM public key");
        assertThatThrownBy(() -> RegisterPublicKey.parse("-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----"))
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> RegisterPublicKey.parse("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
                .hasMessageContaining("RSA public key");
    }
}
