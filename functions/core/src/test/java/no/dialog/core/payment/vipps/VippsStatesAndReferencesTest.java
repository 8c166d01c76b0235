package no.dialog.core.payment.vipps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VippsStatesAndReferencesTest {

    @Test
    void paymentStatesOnlyMoveForward() {
        assertThat(VippsStates.paymentMoves("CREATED", "AUTHORIZED")).isTrue();
        assertThat(VippsStates.paymentMoves("AUTHORIZED", "CAPTURED")).isTrue();
        assertThat(VippsStates.paymentMoves("CAPTURED", "REFUNDED")).isTrue();
        assertThat(VippsStates.paymentMoves("CAPTURED", "AUTHORIZED")).isFalse();
        assertThat(VippsStates.paymentMoves("CAPTURED", "CANCELLED")).isFalse();
        assertThat(VippsStates.paymentMoves("ABORTED", "EXPIRED")).isFalse();
        assertThat(VippsStates.paymentMoves("AUTHORIZED", "AUTHORIZED")).isFalse();
        assertThat(VippsStates.paymentMoves(null, "CREATED")).isTrue();
        assertThat(VippsStates.paymentMoves("CREATED", "SOMETHING")).isFalse();
    }

    @Test
    void agreementAndChargeStatesOnlyMoveForward() {
        assertThat(VippsStates.agreementMoves("PENDING", "ACTIVE")).isTrue();
        assertThat(VippsStates.agreementMoves("ACTIVE", "STOPPED")).isTrue();
        assertThat(VippsStates.agreementMoves("STOPPED", "ACTIVE")).isFalse();
        assertThat(VippsStates.agreementMoves("REJECTED", "ACTIVE")).isFalse();
        assertThat(VippsStates.chargeMoves("DUE", "RESERVED")).isTrue();
        assertThat(VippsStates.chargeMoves("RESERVED", "CAPTURED")).isTrue();
        assertThat(VippsStates.chargeMoves("CAPTURED", "RESERVED")).isFalse();
        assertThat(VippsStates.chargeMoves("FAILED", "CANCELED")).isFalse();
    }

    @Test
    void referencesAreStableVippsSafeAndRecognisable() {
        String reference = VippsReferences.forSubmission("lnk-1:sub-1:q-give");

        assertThat(reference).isEqualTo(VippsReferences.forSubmission("lnk-1:sub-1:q-give"))
                .isNotEqualTo(VippsReferences.forSubmission("lnk-1:sub-2:q-give"))
                .matches("[a-zA-Z0-9-]{8,64}").startsWith("dlg-");
        assertThat(VippsReferences.isDialogReference(reference)).isTrue();
        assertThat(VippsReferences.isDialogReference("lnk-1:sub-1:q-give")).isFalse();
        assertThat(VippsReferences.isDialogReference("dlg-XYZ")).isFalse();
        assertThatThrownBy(() -> VippsReferences.forSubmission(" "))
                .hasMessage("a payment request needs its reference");
    }
}
