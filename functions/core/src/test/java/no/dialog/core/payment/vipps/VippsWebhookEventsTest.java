package no.dialog.core.payment.vipps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.dialog.core.payment.vipps.VippsWebhookEvent.Kind;
import no.dialog.core.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VippsWebhookEventsTest {

    static final String REFERENCE = "dlg-cdf4ef4f9e8bc4eb48158d600640c573";

    static VippsWebhookEvent fixture(String name) {
        return VippsWebhookEvents.parse(bytes(Fixtures.read("vipps/" + name + ".json")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource({
            "epayment-created, PAYMENT_CREATED, CREATED",
            "epayment-authorized, PAYMENT_AUTHORIZED, AUTHORIZED",
            "epayment-captured, PAYMENT_CAPTURED, CAPTURED",
            "epayment-cancelled, PAYMENT_CANCELLED, CANCELLED",
            "epayment-refunded, PAYMENT_REFUNDED, REFUNDED",
            "epayment-aborted, PAYMENT_ABORTED, ABORTED",
            "epayment-expired, PAYMENT_EXPIRED, EXPIRED",
            "epayment-terminated, PAYMENT_TERMINATED, TERMINATED",
            "recurring-agreement-activated, AGREEMENT_ACTIVATED, ACTIVE",
            "recurring-agreement-rejected, AGREEMENT_REJECTED, REJECTED",
            "recurring-agreement-stopped, AGREEMENT_STOPPED, STOPPED",
            "recurring-agreement-expired, AGREEMENT_EXPIRED, EXPIRED",
            "recurring-charge-reserved, CHARGE_RESERVED, RESERVED",
            "recurring-charge-captured, CHARGE_CAPTURED, CAPTURED",
            "recurring-charge-canceled, CHARGE_CANCELED, CANCELED",
            "recurring-charge-failed, CHARGE_FAILED, FAILED",
            "recurring-charge-creation-failed, CHARGE_CREATION_FAILED, CREATION_FAILED"})
    void everyFixtureIsReadAsItsKind(String file, Kind kind, String state) {
        VippsWebhookEvent event = fixture(file);

        assertThat(event.kind()).isEqualTo(kind);
        assertThat(kind.state()).isEqualTo(state);
        assertThat(event.msn()).isEqualTo("123456");
        if (kind.ePayment()) {
            assertThat(event.reference()).isEqualTo(REFERENCE);
            assertThat(event.pspReference()).startsWith("76860150");
            assertThat(event.amountOre()).isEqualTo(25_000);
            assertThat(event.success()).isTrue();
            assertThat(event.agreementId()).isNull();
        } else {
            assertThat(event.agreementId()).isEqualTo("agr_5kSeqz4");
            assertThat(event.reference()).isNull();
        }
        if (kind.charge()) {
            assertThat(event.chargeId()).isEqualTo("chr-WxP3kq9");
            assertThat(event.amountOre()).isEqualTo(20_000);
        }
    }

    @Test
    void anEPaymentEventCarriesItsFields() {
        VippsWebhookEvent event = fixture("epayment-captured");

        assertThat(event.name()).isEqualTo("CAPTURED");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-30T09:59:14.789Z"));
        assertThat(event.idempotencyKey()).isEqualTo(REFERENCE + "-capture");
        assertThat(event.failureReason()).isNull();
    }

    @Test
    void aFailedChargeCarriesVippsReason() {
        VippsWebhookEvent event = fixture("recurring-charge-failed");

        assertThat(event.name()).isEqualTo("recurring.charge-failed.v1");
        assertThat(event.failureReason()).isEqualTo("user_action_required");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-12-09T06:00:00Z"));
    }

    @Test
    void theEventIdIsTheSameForEveryDeliveryAndDiffersBetweenEvents() {
        List<String> files = List.of("epayment-created", "epayment-authorized", "epayment-captured",
                "recurring-agreement-activated", "recurring-agreement-stopped", "recurring-charge-captured",
                "recurring-charge-failed");
        Set<String> ids = new HashSet<>();
        for (String file : files) {
            String id = fixture(file).eventId();
            assertThat(fixture(file).eventId()).isEqualTo(id);
            ids.add(id);
        }
        assertThat(ids).hasSize(files.size());
        assertThat(ids).allSatisfy(id -> assertThat(id).startsWith("vipps-").doesNotContain(REFERENCE));
    }

    @Test
    void theEventTypeIsAcceptedAsAnEPaymentName() {
        String body = Fixtures.read("vipps/epayment-authorized.json")
                .replace("\"AUTHORIZED\"", "\"epayments.payment.authorized.v1\"");

        assertThat(VippsWebhookEvents.parse(bytes(body)).kind()).isEqualTo(Kind.PAYMENT_AUTHORIZED);
    }

    @Test
    void aFailedOperationIsReadAsUnsuccessful() {
        String body = Fixtures.read("vipps/epayment-captured.json").replace("\"success\": true", "\"success\": false");

        assertThat(VippsWebhookEvents.parse(bytes(body)).success()).isFalse();
    }

    @Test
    void eventsDialogDoesNotKnowAreOther() {
        assertThat(VippsWebhookEvents.parse(bytes("{\"msn\":\"123456\",\"reference\":\"abcdefgh\",\"name\":\"SOMETHING_NEW\","
                + "\"timestamp\":\"2026-11-30T10:00:00Z\"}")).kind()).isEqualTo(Kind.OTHER);
        assertThat(VippsWebhookEvents.parse(bytes("{\"agreementId\":\"agr_1\",\"eventType\":\"recurring.agreement-paused.v1\","
                + "\"occurred\":\"2026-11-30T10:00:00Z\"}")).kind()).isEqualTo(Kind.OTHER);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json at all | the webhook body is not JSON",
            "[1,2] | the webhook body is not a JSON object",
            "{\"msn\":\"1\"} | name or eventType: missing",
            "{\"name\":\"CAPTURED\",\"timestamp\":\"2026-11-30T10:00:00Z\"} | reference: missing",
            "{\"name\":\"CAPTURED\",\"reference\":\"abcdefgh\"} | timestamp: missing",
            "{\"name\":\"CAPTURED\",\"reference\":\"abcdefgh\",\"timestamp\":\"yesterday\"} | timestamp: not an ISO 8601 date and time",
            "{\"name\":\"CAPTURED\",\"reference\":\"abcdefgh\",\"timestamp\":\"2026-11-30T10:00:00Z\",\"amount\":{\"currency\":\"NOK\",\"value\":\"250\"}} | amount.value: not a whole number of øre",
            "{\"name\":\"CAPTURED\",\"reference\":\"abcdefgh\",\"timestamp\":\"2026-11-30T10:00:00Z\",\"amount\":{\"currency\":\"SEK\",\"value\":250}} | amount.currency: only NOK is supported",
            "{\"name\":\"CAPTURED\",\"reference\":{\"a\":1},\"timestamp\":\"2026-11-30T10:00:00Z\"} | reference: not a text value",
            "{\"name\":\"CAPTURED\",\"reference\":\"abcdefgh\",\"timestamp\":\"2026-11-30T10:00:00Z\",\"success\":\"yes\"} | success: not true or false",
            "{\"eventType\":\"recurring.charge-captured.v1\",\"agreementId\":\"agr_1\",\"occurred\":\"2026-11-30T10:00:00Z\"} | chargeId: missing",
            "{\"eventType\":\"recurring.agreement-activated.v1\",\"occurred\":\"2026-11-30T10:00:00Z\"} | agreementId: missing",
            "{\"eventType\":\"recurring.charge-captured.v1\",\"agreementId\":\"agr_1\",\"chargeId\":\"c1\",\"occurred\":\"2026-11-30T10:00:00Z\",\"amount\":12.5} | amount: not a whole number of øre",
            "{\"eventType\":\"something.else.v1\"} | eventType: not an event Dialog knows"})
    void malformedBodiesNameTheFieldNotTheValue(String body, String message) {
        assertThatThrownBy(() -> VippsWebhookEvents.parse(bytes(body)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void anEmptyBodyIsRefused() {
        assertThatThrownBy(() -> VippsWebhookEvents.parse(new byte[0])).hasMessage("the webhook body is empty");
    }
}
