package no.dialog.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class KidLayoutTest {

    @ParameterizedTest
    @CsvSource({"1, 1, MOD10, 000000001000108", "123456, 42, MOD10, 000123456004209", "1, 1, MOD11, 000000001000101",
            "6, 1, MOD11, 000000006000118"})
    void encodesContactAndStepWithASequenceDigitAndTheCheck(long contact, long step, KidMethod method, String kid) {
        assertThat(KidLayout.kid(contact, step, method)).isEqualTo(kid).hasSize(KidLayout.LENGTH);
        assertThat(KidLayout.parse(kid, method)).contains(new KidLayout.Parts(contact, step));
    }

    @ParameterizedTest
    @EnumSource(KidMethod.class)
    void everyKidOfManyNumbersIsValidAndReadsBack(KidMethod method) {
        int sequenceOne = 0;
        for (long contact = 1; contact < 3000; contact += 7) {
            for (long step = 1; step < 40; step += 3) {
                String kid = KidLayout.kid(contact, step, method);
                assertThat(Kid.isValid(kid, method)).as(kid).isTrue();
                assertThat(kid).doesNotContain("-");
                assertThat(KidLayout.parse(kid, method)).contains(new KidLayout.Parts(contact, step));
                sequenceOne += kid.charAt(13) == '1' ? 1 : 0;
            }
        }
        // MOD11 needs the second sequence for about one body in eleven; MOD10 never does.
        if (method == KidMethod.MOD10) {
            assertThat(sequenceOne).isZero();
        } else {
            assertThat(sequenceOne).isPositive();
        }
    }

    @Test
    void refusesNumbersTheLayoutHasNoRoomFor() {
        assertThatThrownBy(() -> KidLayout.kid(1_000_000_000L, 1, KidMethod.MOD10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contact number must be 1-999999999");
        assertThatThrownBy(() -> KidLayout.kid(1, 10_000, KidMethod.MOD10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step number");
        assertThatThrownBy(() -> KidLayout.kid(0, 1, KidMethod.MOD10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseRefusesKidsOfAnotherLayoutOrWithAWrongCheck() {
        assertThat(KidLayout.parse("000000001000108", KidMethod.MOD11)).isEmpty();
        assertThat(KidLayout.parse("12345678903", KidMethod.MOD10)).isEmpty();
        assertThat(KidLayout.parse("000000000000000", KidMethod.MOD10)).isEmpty();
    }
}
