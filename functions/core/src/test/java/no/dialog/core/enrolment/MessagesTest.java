package no.dialog.core.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.dialog.core.journey.Signal;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final TenantId DEMO = TenantId.of("demo");

    @Test
    void journeyMessagesRoundTrip() {
        List<EnrolmentRef> refs = List.of(new EnrolmentRef("K-1", "student-1-abc"), new EnrolmentRef("K-2", "student-1-def"));
        assertThat(JourneyMessages.parse(JourneyMessages.advance(DEMO, refs)))
                .isEqualTo(new JourneyMessages.Advance(DEMO, refs));
        assertThat(JourneyMessages.parse(JourneyMessages.enrol(DEMO, "student", 2, "campaign", 3, List.of("K-1"))))
                .isEqualTo(new JourneyMessages.Enrol(DEMO, "student", 2, "campaign", 3, List.of("K-1")));
        // A job queued before runs were recorded still enrols, uncounted.
        assertThat(JourneyMessages.parse("{\"kind\":\"enrol\",\"tenant\":\"demo\",\"journeyId\":\"student\","
                + "\"version\":2,\"contactIds\":[\"K-1\"]}"))
                .isEqualTo(new JourneyMessages.Enrol(DEMO, "student", 2, null, -1, List.of("K-1")));
        assertThat(JourneyMessages.parse(JourneyMessages.rerun(DEMO, "student", "campaign-rerun-1")))
                .isEqualTo(new JourneyMessages.Rerun(DEMO, "student", "campaign-rerun-1"));
        assertThat(JourneyMessages.parse(JourneyMessages.sweepShard(7))).isEqualTo(new JourneyMessages.SweepShard(7));
        assertThat(JourneyMessages.parse("{\"kind\":\"tick\"}")).isEqualTo(new JourneyMessages.Tick());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json                                              | message body is not JSON",
            "[1]                                                   | message body is not a JSON object",
            "{\"kind\":\"explode\"}                                | unknown message kind",
            "{\"kind\":\"advance\",\"tenant\":\"Demo!\",\"refs\":[]} | tenant is missing or not a valid tenant id",
            "{\"kind\":\"advance\",\"tenant\":\"demo\"}            | refs is missing or not an array",
            "{\"kind\":\"enrol\",\"tenant\":\"demo\",\"journeyId\":\"j\",\"version\":1.5,\"contactIds\":[]} | version is missing or not a whole number",
            "{\"kind\":\"enrol\",\"tenant\":\"demo\",\"journeyId\":\"j\",\"version\":1,\"contactIds\":[3]} | contactIds must hold non-empty strings",
    })
    void malformedJourneyMessagesAreRefusedWithAReason(String body, String reason) {
        assertThatThrownBy(() -> JourneyMessages.parse(body)).isInstanceOf(PermanentFailure.class).hasMessage(reason);
    }

    @Test
    void anOrgEventBecomesASignalWithItsScalarFactsAsAttributes() {
        String event = """
                {"version":"0","id":"ev-1","detail-type":"GiftReceived","source":"org.system",
                 "time":"2026-11-23T10:00:00Z",
                 "detail":{"tenant":"demo","contactId":"K-1","giftId":"G-9","amount":25000,"note":{"x":1}}}""";

        SignalMessages.TenantSignal parsed = SignalMessages.parse(event);

        assertThat(parsed.tenant()).isEqualTo(DEMO);
        assertThat(parsed.signal()).isEqualTo(new Signal("ev-1", "GiftReceived", "K-1",
                Instant.parse("2026-11-23T10:00:00Z"), Map.of("giftId", "G-9", "amount", "25000"), null, null));
    }

    @Test
    void aResponseRoundTrips() {
        Signal signal = new Signal("s-1", "answered", "K-1", Instant.parse("2026-11-23T10:00:00Z"),
                Map.of("question", "still-student", "value", "no"), "student", "student-1-abc");
        assertThat(SignalMessages.parse(SignalMessages.format(DEMO, signal)))
                .isEqualTo(new SignalMessages.TenantSignal(DEMO, signal));
    }

    /**
     * An SMS reply (LINK MO) names no message, so the webhooks publish it without journey and enrolment:
     * the journeys function reads it with both null, and only matches that do not ask for the same
     * journey count it.
     */
    @Test
    void anSmsReplyWithoutJourneyRoundTripsAndCountsOnlyWhereTheJourneyDoesNotMatter() {
        Signal reply = new Signal("link-sms-mo:mo-1:K-1", "replied", "K-1", Instant.parse("2026-11-23T10:00:00Z"),
                Map.of("channel", "sms", "text", "ja", "answer", "yes"), null, null);

        SignalMessages.TenantSignal parsed = SignalMessages.parse(SignalMessages.format(DEMO, reply));

        assertThat(parsed.signal()).isEqualTo(reply);
        assertThat(new no.dialog.core.journey.SignalMatch("replied", Map.of("answer", "yes"), false)
                .matches(parsed.signal(), "student")).isTrue();
        assertThat(new no.dialog.core.journey.SignalMatch("replied", Map.of("answer", "yes"), true)
                .matches(parsed.signal(), "student")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"detail-type\":\"PizzaOrdered\",\"detail\":{}}                                    | unknown event type",
            "{\"detail-type\":\"GiftReceived\",\"id\":\"e\",\"time\":\"2026-11-23T10:00:00Z\"}       | detail is missing or not an object",
            "{\"detail-type\":\"GiftReceived\",\"id\":\"e\",\"time\":\"2026-11-23T10:00:00Z\",\"detail\":{\"contactId\":\"K\"}} | tenant is missing or not a valid tenant id",
            "{\"detail-type\":\"GiftReceived\",\"id\":\"e\",\"time\":\"yesterday\",\"detail\":{\"tenant\":\"demo\",\"contactId\":\"K\"}} | time is not an ISO-8601 instant",
            "{\"kind\":\"signal\",\"tenant\":\"demo\",\"signal\":{\"signalId\":\"s\",\"type\":\"teleported\",\"contactId\":\"K\"}} | unknown signal type",
            "{\"hello\":1}                                                                          | neither an EventBridge event nor a signal message",
    })
    void badResponsesAreRefusedWithAReason(String body, String reason) {
        assertThatThrownBy(() -> SignalMessages.parse(body)).isInstanceOf(PermanentFailure.class).hasMessage(reason);
    }
}
