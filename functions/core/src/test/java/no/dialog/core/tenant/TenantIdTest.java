package no.dialog.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"demo", "red-cross", "nf2"})
    void acceptsKeySafeIds(String id) {
        assertThat(TenantId.of(id).value()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "d", "Demo", "demo#1", "-demo", "demo-", "de/mo", "a-very-long-tenant-name-that-goes-on-and-on"})
    void refusesIdsThatWouldBreakKeysOrPaths(String id) {
        assertThat(TenantId.isValid(id)).isFalse();
        assertThatThrownBy(() -> TenantId.of(id)).isInstanceOf(IllegalArgumentException.class);
    }
}
