package no.dialog.adminapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static no.dialog.adminapi.ApiEvents.as;
import static no.dialog.adminapi.ApiEvents.request;
import static no.dialog.adminapi.ApiEvents.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.enrolment.EnrolmentIds;
import no.dialog.core.enrolment.EnrolmentStore;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.enrolment.SignalMessages;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.EnrolmentState;
import no.dialog.core.journey.JourneyHead;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.journey.JourneyStore;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.journey.Signal;
import no.dialog.core.payment.IncomingPayment;
import no.dialog.core.payment.Payer;
import no.dialog.core.payment.PaymentKind;
import no.dialog.core.payment.PaymentLedger;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.payment.UnmatchedPayment;
import no.dialog.core.payment.UnmatchedPayments;
import no.dialog.core.send.SendLedger;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Payments without a KID through the real admin API function, on DynamoDB Local and ElasticMQ (WireMock
 * stands in for EventBridge): Kari's phone got the Christmas appeal's SMS three days before a giro without
 * a KID came from that phone; staff see the appeal suggested, confirm it, and the payment is in the ledger
 * as the appeal's conversion with a {@code paid} response for the journeys.
 */
class PaymentMatchesApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TenantId DEMO = TenantId.of("demo");
    private static final TenantId OTHER = TenantId.of("other");
    private static final Instant PAID = Instant.parse("2026-12-10T11:00:00Z");
    private static final Clock CLOCK = Clock.fixed(PAID.plus(Duration.ofDays(1)), OsloTime.ZONE);
    private static final String KARI_PHONE = "+4791234567";

    private static Emulators emulators;
    private static WireMockServer eventBridge;
    private static ApplicationContext context;
    private static AdminApiFunction function;
    private static String responsesQueue;
    private static int references;

    @BeforeAll
    static void start() throws Exception {
        emulators = SharedEmulators.get();
        eventBridge = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        eventBridge.start();
        Map<String, Object> env = AdminApiEnvironment.withPayments(AdminApiEnvironment.tables(emulators), emulators,
                "admin-api-payments-responses");
        responsesQueue = (String) env.get("RESPONSES_QUEUE_URL");
        context = AdminApiEnvironment.start(env, emulators, CLOCK, URI.create(eventBridge.baseUrl()));
        function = new ContractCheckedFunction(context);

        ObjectNode christmas = (ObjectNode) JSON.readTree(Files.readString(
                Path.of("../../docs/examples/christmas-gift-journey.json")));
        JourneyStore journeys = context.getBean(JourneyStore.class);
        JourneyHead head = journeys.create(DEMO, "julegave", "Julegave 2026", christmas, PAID.minus(Duration.ofDays(30)));
        journeys.changeStatus(DEMO, "julegave", head.revision(), JourneyStatus.ACTIVE, PAID.minus(Duration.ofDays(30)));
        journeys.create(DEMO, "medlem", "Medlemskontingent", christmas, PAID.minus(Duration.ofDays(30)));

        ContactStore contacts = context.getBean(ContactStore.class);
        contacts.upsert(DEMO, new Contact("c-kari", PAID.minus(Duration.ofDays(90)), "Kari", "Nordmann", null, KARI_PHONE,
                null, null, null, null, null, null, null, null, null, null));
        contacts.upsert(OTHER, new Contact("c-kari", PAID.minus(Duration.ofDays(90)), "Kari", "Nordmann", null, KARI_PHONE,
                null, null, null, null, null, null, null, null, null, null));
        smsSent(DEMO, "julegave", "c-kari", PAID.minus(Duration.ofDays(3)));
    }

    @AfterAll
    static void stop() {
        function.close();
        eventBridge.stop();
    }

    @BeforeEach
    void busAnswers() {
        eventBridge.resetAll();
        eventBridge.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e-1\"}]}")));
        received();
    }

    /** The journey engine's enrolment that handed the send step on, and the sender's ledger entry. */
    private static void smsSent(TenantId tenant, String journeyId, String contactId, Instant at) {
        EnrolmentStore enrolments = context.getBean(EnrolmentStore.class);
        String id = EnrolmentIds.of(tenant, journeyId, 1, contactId);
        Enrolment first = new Enrolment(tenant, id, journeyId, 1, contactId, EnrolmentState.ACTIVE, "ask", at, at, null,
                null, Map.of(), Map.of(), List.of(), null, 1);
        Enrolment waiting = new Enrolment(tenant, id, journeyId, 1, contactId, EnrolmentState.WAITING, "wait-gift",
                at.plus(Duration.ofDays(14)), at, null, null, Map.of("ask", "A"), Map.of("ask", 1), List.of(), null, 2);
        String key = tenant.value() + ":" + id + ":ask:1";
        assertThat(enrolments.create(first, List.of())).isTrue();
        assertThat(enrolments.commit(first, waiting, List.of(new SendRequest(tenant.value(), key, contactId, id, journeyId,
                1, "ask", "sms", null, "christmas-gift-ask", "A", at)), List.of())).isTrue();
        SendLedger ledger = context.getBean(SendLedger.class);
        assertThat(ledger.recordIntent(key, tenant, SendChannel.SMS, contactId, at)).isTrue();
        ledger.markSent(key, "link-" + contactId, 1);
    }

    /** A giro line without a KID, waiting for staff. */
    private static UnmatchedPayment waiting(TenantId tenant, Payer payer, long amountOre) {
        IncomingPayment giro = new IncomingPayment(PaymentSource.OCR_GIRO, "ocr-20261210-" + (++references),
                PaymentKind.GIFT, amountOre, PAID, null, payer, null, null);
        UnmatchedPayment payment = UnmatchedPayment.open(giro);
        assertThat(context.getBean(UnmatchedPayments.class).add(tenant, payment)).isTrue();
        return payment;
    }

    private static UnmatchedPayment fromKari() {
        return waiting(DEMO, new Payer("Kari Nordmann", KARI_PHONE, null), 50_000);
    }

    private static APIGatewayV2HTTPResponse call(String method, String path, String body, String tenant, String roles) {
        return function.handleRequest(as(request(method, path, body), tenant, roles), null);
    }

    private static APIGatewayV2HTTPResponse confirm(UnmatchedPayment payment, String body, String roles) {
        return call("POST", "/admin/v1/payments/unmatched/" + payment.paymentId() + "/confirm", body, "demo", roles);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return JSON.readTree(response.getBody());
    }

    /** Takes every message off the responses queue. */
    private static List<Signal> received() {
        List<Signal> signals = new ArrayList<>();
        while (true) {
            List<Message> messages = emulators.sqs().receiveMessage(b -> b.queueUrl(responsesQueue)
                    .maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            if (messages.isEmpty()) {
                return signals;
            }
            for (Message message : messages) {
                signals.add(SignalMessages.parse(message.body()).signal());
                emulators.sqs().deleteMessage(b -> b.queueUrl(responsesQueue).receiptHandle(message.receiptHandle()));
            }
        }
    }

    private static JsonNode listed(JsonNode list, String paymentId) {
        for (JsonNode payment : list.get("payments")) {
            if (payment.get("paymentId").asText().equals(paymentId)) {
                return payment;
            }
        }
        return null;
    }

    @Test
    void aViewerSeesTheOpenPaymentWithTheJourneyThatWroteToThePayersPhoneSuggested() throws Exception {
        UnmatchedPayment payment = fromKari();

        APIGatewayV2HTTPResponse response = function.handleRequest(withQuery(as(request("GET",
                "/admin/v1/payments/unmatched", null), "demo", "[viewer]"), "limit", "50"), null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode listed = listed(json(response), payment.paymentId());
        assertThat(listed).as(response.getBody()).isNotNull();
        assertThat(listed.get("amountOre").asLong()).isEqualTo(50_000);
        assertThat(listed.get("payer").get("phone").asText()).isEqualTo(KARI_PHONE);
        assertThat(listed.get("status").asText()).isEqualTo("open");
        JsonNode suggestion = listed.get("suggestions").get(0);
        assertThat(suggestion.get("journeyId").asText()).isEqualTo("julegave");
        assertThat(suggestion.get("confidence").asDouble()).isBetween(0.5, 1.0);
        assertThat(suggestion.get("reasons")).extracting(r -> r.get("code").asText())
                .contains("payer-phone-received-sms-3-days-before", "amount-equals-asked-amount");
        assertThat(listed.get("suggestions")).extracting(s -> s.get("journeyId").asText()).doesNotContain("medlem");
    }

    @Test
    void aConfirmationRegistersThePaymentOnceAsTheJourneysConversion() throws Exception {
        UnmatchedPayment payment = fromKari();

        APIGatewayV2HTTPResponse confirmed = confirm(payment, "{\"journeyId\":\"julegave\"}", "[editor]");

        assertThat(confirmed.getStatusCode()).as(confirmed.getBody()).isEqualTo(200);
        JsonNode body = json(confirmed);
        assertThat(body.get("status").asText()).isEqualTo("confirmed");
        assertThat(body.get("registered").get("contactId").asText()).isEqualTo("c-kari");
        // PaymentMatches picks the one contact with the payer's phone and hands it to the registrar as given.
        assertThat(body.get("registered").get("identification").asText()).isEqualTo("GIVEN");
        PaymentLedger.Entry entry = context.getBean(PaymentLedger.class).find(DEMO, payment.paymentId()).orElseThrow();
        assertThat(entry.settled()).isTrue();
        assertThat(entry.payment().attribution().journeyId()).isEqualTo("julegave");
        assertThat(entry.payment().contactId()).isEqualTo("c-kari");
        List<Signal> paid = received();
        assertThat(paid).singleElement().satisfies(signal -> {
            assertThat(signal.type()).isEqualTo("paid");
            assertThat(signal.journeyId()).isEqualTo("julegave");
            assertThat(signal.contactId()).isEqualTo("c-kari");
            assertThat(signal.attributes()).containsEntry("amountOre", "50000");
        });
        List<LoggedRequest> busCalls = eventBridge.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(anyUrl()));
        assertThat(busCalls).singleElement().satisfies(put -> assertThat(put.getBodyAsString()).contains("GiftReceived"));

        // Again with the same journey: the same answer, nothing registered or published a second time.
        APIGatewayV2HTTPResponse again = confirm(payment, "{\"journeyId\":\"julegave\"}", "[editor]");
        assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(200);
        assertThat(json(again).get("registered").get("identification").asText()).isEqualTo("ALREADY_REGISTERED");
        assertThat(received()).isEmpty();
        // Another journey for money already registered is a conflict.
        APIGatewayV2HTTPResponse other = confirm(payment, "{\"journeyId\":\"medlem\"}", "[admin]");
        assertThat(other.getStatusCode()).as(other.getBody()).isEqualTo(409);
        assertThat(json(other).get("detail").asText()).contains("julegave");

        APIGatewayV2HTTPResponse list = call("GET", "/admin/v1/payments/unmatched", null, "demo", "[viewer]");
        assertThat(listed(json(list), payment.paymentId())).isNull();
        APIGatewayV2HTTPResponse one = call("GET", "/admin/v1/payments/unmatched/" + payment.paymentId(), null, "demo",
                "[viewer]");
        assertThat(json(one).get("status").asText()).isEqualTo("confirmed");
        assertThat(json(one).get("journeyId").asText()).isEqualTo("julegave");

        // The payment now shows with the person, as the journey's conversion; not for another tenant.
        // (Other tests of this class register Kari's payments too: look for this one.)
        JsonNode page = json(call("GET", "/admin/v1/contacts/c-kari/payments", null, "demo", "[viewer]"));
        assertThat(page.get("nextCursor").isNull()).as("one page holds Kari's few payments").isTrue();
        JsonNode shown = null;
        for (JsonNode item : page.get("payments")) {
            if (item.get("paymentId").asText().equals(payment.paymentId())) {
                shown = item;
            }
        }
        assertThat(shown).as("the confirmed payment with the person").isNotNull();
        assertThat(shown.get("amountOre").asLong()).isEqualTo(50_000);
        assertThat(shown.get("kind").asText()).isEqualTo("gift");
        assertThat(shown.get("source").asText()).isEqualTo(payment.source().jsonName());
        assertThat(shown.get("journey").get("journeyId").asText()).isEqualTo("julegave");
        APIGatewayV2HTTPResponse otherTenant = call("GET", "/admin/v1/contacts/c-kari/payments", null, "other", "[viewer]");
        assertThat(otherTenant.getBody()).doesNotContain(payment.paymentId());
        assertThat(call("GET", "/admin/v1/contacts/nobody/payments", null, "demo", "[viewer]").getStatusCode())
                .isEqualTo(404);
    }

    @Test
    void aRejectedPaymentStaysRejectedAndCannotBeConfirmed() throws Exception {
        UnmatchedPayment payment = fromKari();
        String path = "/admin/v1/payments/unmatched/" + payment.paymentId() + "/reject";

        APIGatewayV2HTTPResponse rejected = call("POST", path, null, "demo", "[editor]");

        assertThat(rejected.getStatusCode()).as(rejected.getBody()).isEqualTo(200);
        assertThat(json(rejected).get("status").asText()).isEqualTo("rejected");
        assertThat(call("POST", path, null, "demo", "[editor]").getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse confirmed = confirm(payment, "{\"journeyId\":\"julegave\"}", "[editor]");
        assertThat(confirmed.getStatusCode()).as(confirmed.getBody()).isEqualTo(409);
        assertThat(context.getBean(PaymentLedger.class).find(DEMO, payment.paymentId())).isEmpty();
        assertThat(received()).isEmpty();
    }

    @Test
    void aViewerMayLookButNotDecide() throws Exception {
        UnmatchedPayment payment = fromKari();

        APIGatewayV2HTTPResponse confirmed = confirm(payment, "{\"journeyId\":\"julegave\"}", "[viewer]");
        APIGatewayV2HTTPResponse rejected = call("POST", "/admin/v1/payments/unmatched/" + payment.paymentId() + "/reject",
                null, "demo", "[viewer]");

        assertThat(confirmed.getStatusCode()).isEqualTo(403);
        assertThat(json(confirmed).get("detail").asText()).contains("editor");
        assertThat(rejected.getStatusCode()).isEqualTo(403);
        assertThat(call("GET", "/admin/v1/payments/unmatched/" + payment.paymentId(), null, "demo", "[viewer]")
                .getStatusCode()).isEqualTo(200);
        assertThat(call("GET", "/admin/v1/payments/unmatched", null, "demo", "[]").getStatusCode()).isEqualTo(403);
        assertThat(context.getBean(UnmatchedPayments.class).find(DEMO, payment.paymentId()).orElseThrow().status())
                .isEqualTo("open");
    }

    @Test
    void anotherTenantsPaymentIsNotFound() throws Exception {
        UnmatchedPayment theirs = waiting(OTHER, new Payer("Kari Nordmann", KARI_PHONE, null), 50_000);
        String path = "/admin/v1/payments/unmatched/" + theirs.paymentId();

        assertThat(call("GET", path, null, "demo", "[admin]").getStatusCode()).isEqualTo(404);
        APIGatewayV2HTTPResponse confirmed = confirm(theirs, "{\"journeyId\":\"julegave\"}", "[admin]");
        assertThat(confirmed.getStatusCode()).as(confirmed.getBody()).isEqualTo(404);
        assertThat(call("POST", path + "/reject", null, "demo", "[admin]").getStatusCode()).isEqualTo(404);
        assertThat(listed(json(call("GET", "/admin/v1/payments/unmatched", null, "demo", "[admin]")), theirs.paymentId()))
                .isNull();
        assertThat(context.getBean(UnmatchedPayments.class).find(OTHER, theirs.paymentId()).orElseThrow().status())
                .isEqualTo("open");
    }

    @Test
    void aPayerDialogCannotTellNeedsTheContactNamedAndTheJourneyMustBeTheTenants() throws Exception {
        UnmatchedPayment anonymous = waiting(DEMO, new Payer(null, null, "1503.12.34567"), 30_000);

        APIGatewayV2HTTPResponse unnamed = confirm(anonymous, "{\"journeyId\":\"julegave\"}", "[editor]");
        APIGatewayV2HTTPResponse unknownJourney = confirm(anonymous, "{\"journeyId\":\"finnes-ikke\"}", "[editor]");
        APIGatewayV2HTTPResponse unknownContact = confirm(anonymous,
                "{\"journeyId\":\"julegave\",\"contactId\":\"c-nobody\"}", "[editor]");
        APIGatewayV2HTTPResponse noJourney = confirm(anonymous, "{\"contactId\":\"c-kari\"}", "[editor]");
        APIGatewayV2HTTPResponse notJson = confirm(anonymous, "journeyId=julegave", "[editor]");

        assertThat(unnamed.getStatusCode()).as(unnamed.getBody()).isEqualTo(400);
        assertThat(json(unnamed).get("detail").asText()).contains("name the contact");
        assertThat(unknownJourney.getStatusCode()).isEqualTo(400);
        assertThat(json(unknownJourney).get("detail").asText()).contains("finnes-ikke");
        assertThat(unknownContact.getStatusCode()).isEqualTo(400);
        assertThat(noJourney.getStatusCode()).isEqualTo(400);
        assertThat(json(noJourney).get("detail").asText()).contains("journeyId");
        assertThat(notJson.getStatusCode()).isEqualTo(400);
        assertThat(received()).isEmpty();

        APIGatewayV2HTTPResponse named = confirm(anonymous, "{\"journeyId\":\"julegave\",\"contactId\":\"c-kari\"}",
                "[editor]");
        assertThat(named.getStatusCode()).as(named.getBody()).isEqualTo(200);
        assertThat(json(named).get("registered").get("identification").asText()).isEqualTo("GIVEN");
        assertThat(received()).extracting(Signal::journeyId, Signal::contactId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("julegave", "c-kari"));
    }

    @Test
    void aBadLimitOrAnIdThatCannotBeAPaymentIsRefusedWithAReason() throws Exception {
        APIGatewayV2HTTPResponse zero = function.handleRequest(withQuery(as(request("GET",
                "/admin/v1/payments/unmatched", null), "demo", "[viewer]"), "limit", "0"), null);
        APIGatewayV2HTTPResponse bogus = call("GET", "/admin/v1/payments/unmatched/no%20such", null, "demo", "[viewer]");

        assertThat(zero.getStatusCode()).isEqualTo(400);
        assertThat(json(zero).get("detail").asText()).contains("limit");
        assertThat(bogus.getStatusCode()).isEqualTo(404);
    }

    @Test
    void withoutThePaymentsTableTheApiStartsAndTheRoutesSaySo() throws Exception {
        Map<String, Object> env = AdminApiEnvironment.tables(emulators);
        try (AdminApiFunction plain = new ContractCheckedFunction(AdminApiEnvironment.start(env, emulators, CLOCK))) {
            APIGatewayV2HTTPResponse response = plain.handleRequest(as(request("GET", "/admin/v1/payments/unmatched", null),
                    "demo", "[viewer]"), null);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(503);
            assertThat(json(response).get("detail").asText()).contains("PAYMENTS_TABLE");
        }
    }
}
