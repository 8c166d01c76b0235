package no.dialog.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.Test;

/** Envelope encryption with a data key per tenant: what opens, and for whom. */
class TenantSealerTest {

    private static final TenantId UNION = TenantId.of("union");
    private static final TenantId CHARITY = TenantId.of("charity");
    private static final String NUMBER = "01010150074";
    private final InMemoryTenantKeys keys = new InMemoryTenantKeys();
    private final TenantSealer sealer = new TenantSealer(keys);

    @Test
    void aSealedNumberOpensForItsTenantAndPersonAndNamesItsKey() {
        String sealed = sealer.seal(UNION, "C-1", NUMBER);

        assertThat(sealed).startsWith("tk1.1.").doesNotContain(NUMBER);
        assertThat(sealer.open(UNION, "C-1", sealed)).isEqualTo(NUMBER);
        assertThat(sealer.seal(UNION, "C-1", NUMBER)).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void oneTenantsKeyCannotOpenAnothersNumbers() {
        String sealed = sealer.seal(UNION, "C-1", NUMBER);
        sealer.seal(CHARITY, "C-1", "x"); // the charity has a key 1 of its own

        assertThat(keys.byId(UNION, 1).key()).isNotEqualTo(keys.byId(CHARITY, 1).key());
        assertThatThrownBy(() -> sealer.open(CHARITY, "C-1", sealed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(NUMBER);
    }

    @Test
    void aNumberMovedToAnotherPersonDoesNotOpen() {
        String sealed = sealer.seal(UNION, "C-1", NUMBER);

        assertThatThrownBy(() -> sealer.open(UNION, "C-2", sealed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChangedKeyIdOrCiphertextDoesNotOpen() {
        keys.rotate(UNION);
        String sealed = sealer.seal(UNION, "C-1", NUMBER);
        assertThat(sealed).startsWith("tk1.2.");

        assertThatThrownBy(() -> sealer.open(UNION, "C-1", "tk1.1." + sealed.substring(6)))
                .isInstanceOf(IllegalArgumentException.class);
        char last = sealed.charAt(sealed.length() - 2);
        String altered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
        assertThatThrownBy(() -> sealer.open(UNION, "C-1", altered)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.open(UNION, "C-1", "tk1.9.AAAA")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.open(UNION, "C-1", "v1.AAAA")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void afterARotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
        String before = sealer.seal(UNION, "C-1", NUMBER);
        int next = keys.rotate(UNION);
        String after = sealer.seal(UNION, "C-1", NUMBER);

        assertThat(next).isEqualTo(2);
        assertThat(before).startsWith("tk1.1.");
        assertThat(after).startsWith("tk1.2.");
        assertThat(sealer.open(UNION, "C-1", before)).isEqualTo(NUMBER);
        assertThat(sealer.open(UNION, "C-1", after)).isEqualTo(NUMBER);
    }
}
