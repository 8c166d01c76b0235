package no.dialog.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.Test;

/** A pseudonym is stable per tenant and id, differs across tenants and keys, and shows nothing of the id. */
class HmacPseudonymsTest {

    private static final byte[] KEY = "a-pseudonym-key-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8);
    private final Pseudonyms pseudonyms = new HmacPseudonyms(() -> KEY);

    @Test
    void theSameIdInTheSameTenantAlwaysGivesTheSamePseudonym() {
        String first = pseudonyms.of(TenantId.of("demo"), "M-100001");
        assertThat(first).startsWith(HmacPseudonyms.PREFIX).hasSize(HmacPseudonyms.PREFIX.length() + 43)
                .doesNotContain("100001");
        assertThat(new HmacPseudonyms(() -> KEY.clone()).of(TenantId.of("demo"), "M-100001")).isEqualTo(first);
        assertThat(pseudonyms.of(TenantId.of("demo"), "M-100002")).isNotEqualTo(first);
    }

    @Test
    void anotherTenantOrAnotherKeyGivesAnotherPseudonym() {
        String demo = pseudonyms.of(TenantId.of("demo"), "M-100001");
        assertThat(pseudonyms.of(TenantId.of("other"), "M-100001")).isNotEqualTo(demo);
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertThat(new HmacPseudonyms(() -> otherKey).of(TenantId.of("demo"), "M-100001")).isNotEqualTo(demo);
    }

    @Test
    void aShortKeyIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> new HmacPseudonyms(() -> "short".getBytes(StandardCharsets.UTF_8))
                .of(TenantId.of("demo"), "M-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the pseudonym key must be at least 32 bytes");
    }
}
