package no.dialog.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A rotated secret becomes a new key; the same value stays the same key; a wrong one is refused by name. */
class CurrentKeyTest {

    @Test
    void theKeyFollowsTheSecretAndIsBuiltOncePerValue() {
        AtomicReference<byte[]> secret = new AtomicReference<>("a".repeat(32).getBytes());
        CurrentKey key = new CurrentKey(secret::get, "HmacSHA256", length -> length >= 32, "the webhook key must be at least 32 bytes");

        var first = key.get();
        assertThat(key.get()).isSameAs(first);
        secret.set("b".repeat(40).getBytes());
        assertThat(key.get()).isNotSameAs(first);
        assertThat(key.get().getEncoded()).isEqualTo("b".repeat(40).getBytes());

        secret.set("short-and-secret".getBytes());
        assertThatThrownBy(key::get).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the webhook key must be at least 32 bytes");
    }

    @Test
    void aConstantSecretIsACopy() {
        byte[] value = "c".repeat(32).getBytes();
        var supplier = CurrentKey.constant(value);
        value[0] = 'x';
        assertThat(supplier.get()[0]).isEqualTo((byte) 'c');
        assertThat(supplier.get()).isSameAs(supplier.get());
    }
}
