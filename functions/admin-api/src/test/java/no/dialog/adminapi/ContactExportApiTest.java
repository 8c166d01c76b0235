package no.dialog.adminapi;

import static no.dialog.adminapi.ApiEvents.as;
import static no.dialog.adminapi.ApiEvents.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.aws.dynamodb.DynamoDbContactErasure;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.contact.PostalAddress;
import no.dialog.core.enrolment.EnrolmentIds;
import no.dialog.core.enrolment.EnrolmentStore;
import no.dialog.core.enrolment.FrequencyCap;
import no.dialog.core.enrolment.SendAllowance;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.EnrolmentState;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.landing.LinkBinding;
import no.dialog.core.landing.LinkStore;
import no.dialog.core.landing.StoredLink;
import no.dialog.core.payment.GiverCandidates;
import no.dialog.core.payment.IncomingPayment;
import no.dialog.core.payment.Payer;
import no.dialog.core.payment.PaymentKind;
import no.dialog.core.payment.PaymentLedger;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.payment.UnmatchedPayment;
import no.dialog.core.payment.UnmatchedPayments;
import no.dialog.core.run.RunFile;
import no.dialog.core.run.RunItem;
import no.dialog.core.run.RunRef;
import no.dialog.core.run.RunStore;
import no.dialog.core.segment.SegmentDefinition;
import no.dialog.core.segment.SegmentStore;
import no.dialog.core.send.SendLedger;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A person's export and timeline through the real admin API function on DynamoDB Local: Kari (M-100001, the
 * sample payloads' contact) is in the register, got the Christmas appeal's SMS, a letter in a run, answered
 * its landing page with her national identity number, gave through a giro staff matched to her, counts
 * against the SMS cap, and is in one of two segments. The export has each of these from its store; the
 * timeline pages through them newest first.
 */
class ContactExportApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TenantId DEMO = TenantId.of("demo");
    private static final TenantId OTHER = TenantId.of("other");
    private static final String KARI = "M-100001";
    private static final String PHONE = "+4791234567";
    private static final String EMAIL = "kari.nordmann@example.no";
    private static final String SEALED = "v1.sealed-ciphertext-of-the-number";
    private static final String LETTERS_PDF = "drops/demo/21grams/julegave.v1.letter.2026-12-01.1/letters.pdf";
    private static final Instant SENT = Instant.parse("2026-12-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(SENT.plus(Duration.ofDays(5)), OsloTime.ZONE);

    private static ApplicationContext context;
    private static AdminApiFunction function;
    private static String enrolmentId;
    private static String smsKey;
    private static String letterKey;

    @BeforeAll
    static void start() throws Exception {
        Emulators emulators = SharedEmulators.get();
        Map<String, Object> env = AdminApiEnvironment.withPayments(AdminApiEnvironment.tables(emulators), emulators,
                "admin-api-export-responses");
        // Nothing here publishes; the bus endpoint is only configured.
        context = AdminApiEnvironment.start(env, emulators, CLOCK, URI.create("http://127.0.0.1:9"));
        function = new ContractCheckedFunction(context);
        seedKari();
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    private static void seedKari() throws Exception {
        ContactStore contacts = context.getBean(ContactStore.class);
        contacts.upsert(DEMO, new Contact(KARI, SENT.minus(Duration.ofDays(30)), "Kari", "Nordmann", LocalDate.of(1990, 5, 17),
                PHONE, EMAIL, new PostalAddress("Storgata 12 B", "0155", "Oslo", "NO"), null, null, null, null, null,
                Map.of(Channel.SMS, new Consent(true, "member-register", SENT.minus(Duration.ofDays(400)))), null, null));
        contacts.upsert(OTHER, new Contact("M-200002", SENT, "Per", "Hansen", null, "+4799887766", null, null, null,
                null, null, null, null, null, null, null));

        enrolmentId = EnrolmentIds.of(DEMO, "julegave", 1, KARI);
        smsKey = DEMO.value() + ":" + enrolmentId + ":ask:1";
        letterKey = DEMO.value() + ":" + enrolmentId + ":letter:1";
        EnrolmentStore enrolments = context.getBean(EnrolmentStore.class);
        assertThat(enrolments.create(new Enrolment(DEMO, enrolmentId, "julegave", 1, KARI, EnrolmentState.WAITING,
                "wait-gift", SENT.plus(Duration.ofDays(14)), SENT.minus(Duration.ofMinutes(5)), null, null,
                Map.of("ask", "A"), Map.of("ask", 1, "letter", 1),
                List.of(new Enrolment.ReceivedSignal("answered", Map.of("question", "still-student", "value", "yes"),
                        SENT.plus(Duration.ofHours(2)), "sig-1", "julegave")), null, 3), List.of())).isTrue();

        SendLedger ledger = context.getBean(SendLedger.class);
        assertThat(ledger.recordIntent(smsKey, DEMO, SendChannel.SMS, KARI, SENT)).isTrue();
        ledger.markSent(smsKey, "link-kari-1", 1);

        RunStore runs = context.getBean(RunStore.class);
        RunRef run = runs.stage(new RunItem(DEMO, SendChannel.LETTER, "julegave", 1, "letter",
                LocalDate.of(2026, 12, 1), letterKey, KARI, Map.of("name", "Kari Nordmann", "street", "Storgata 12 B")),
                SENT.plus(Duration.ofMinutes(1)));
        runs.markClosed(run, List.of(new RunFile("letters.pdf", LETTERS_PDF, "application/pdf", null, null)), 1, 0,
                SENT.plus(Duration.ofHours(1)));

        LinkStore links = context.getBean(LinkStore.class);
        assertThat(links.create(new StoredLink("link-kari", 1, new LinkBinding(DEMO, "julegave", 1, "ask", enrolmentId,
                KARI, "nb", SENT.plus(Duration.ofDays(30))), null, null))).isTrue();
        assertThat(links.recordSubmission("link-kari", "sub-1", SENT.plus(Duration.ofHours(2)),
                Map.of("fnr", SEALED))).isTrue();

        UnmatchedPayment giro = UnmatchedPayment.open(new IncomingPayment(PaymentSource.OCR_GIRO, "ocr-20261203-1",
                PaymentKind.GIFT, 50_000, SENT.plus(Duration.ofDays(2)), null, new Payer("Kari Nordmann", PHONE, null),
                null, "julegave til dere"));
        assertThat(context.getBean(UnmatchedPayments.class).add(DEMO, giro)).isTrue();
        assertThat(context.getBean(PaymentLedger.class).add(DEMO, new RegisteredPayment(giro.paymentId(),
                PaymentKind.GIFT, PaymentSource.OCR_GIRO, KARI, 50_000, giro.receivedAt(), giro.reference(), null,
                false))).isTrue();
        context.getBean(GiverCandidates.class).findOrCreate(DEMO, PHONE, "Kari N.", List.of(KARI),
                SENT.plus(Duration.ofDays(3)));

        assertThat(context.getBean(SendAllowance.class).reserve(DEMO, KARI, SendChannel.SMS, smsKey,
                FrequencyCap.DEFAULT, SENT)).isTrue();

        SegmentStore segments = context.getBean(SegmentStore.class);
        segments.save(DEMO, new SegmentDefinition("called-kari", "Called Kari",
                JSON.readTree("{\"field\":\"firstName\",\"op\":\"equals\",\"value\":\"Kari\"}"), SENT));
        segments.save(DEMO, new SegmentDefinition("called-ola", "Called Ola",
                JSON.readTree("{\"field\":\"firstName\",\"op\":\"equals\",\"value\":\"Ola\"}"), SENT));
    }

    private static APIGatewayV2HTTPEvent request(String sample, String contactId) {
        APIGatewayV2HTTPEvent event = ApiEvents.load(sample);
        String path = event.getRawPath().replace(KARI, contactId);
        event.setRawPath(path);
        event.getRequestContext().getHttp().setPath(path);
        event.setPathParameters(Map.of("id", contactId));
        return event;
    }

    private static APIGatewayV2HTTPResponse export(String contactId, String tenant, String roles) {
        return function.handleRequest(as(request("contact-export.json", contactId), tenant, roles), null);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return JSON.readTree(response.getBody());
    }

    @Test
    void theExportHasWhatEveryStoreHoldsAboutThePerson() throws Exception {
        APIGatewayV2HTTPResponse response = function.handleRequest(request("contact-export.json", KARI), null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("erasedAt").isNull()).isTrue();
        assertThat(body.at("/contact/phone").asText()).isEqualTo(PHONE);
        assertThat(body.at("/contact/email").asText()).isEqualTo(EMAIL);
        assertThat(body.at("/contact/consents/sms/source").asText()).isEqualTo("member-register");
        assertThat(body.at("/messages/0/key").asText()).isEqualTo(smsKey);
        assertThat(body.at("/messages/0/state").asText()).isEqualTo("SENT");
        assertThat(body.at("/messages/0/journeyId").asText()).isEqualTo("julegave");
        assertThat(body.at("/runItems/0/key").asText()).isEqualTo(letterKey);
        assertThat(body.at("/runItems/0/channel").asText()).isEqualTo("letter");
        assertThat(body.at("/runItems/0/fields/street").asText()).isEqualTo("Storgata 12 B");
        assertThat(body.at("/runItems/0/runStatus").asText()).isEqualTo("CLOSED");
        assertThat(body.at("/runItems/0/files/0/key").asText()).isEqualTo(LETTERS_PDF);
        assertThat(body.at("/landingLinks/0/submissions/0").asText()).isEqualTo("sub-1");
        assertThat(body.at("/landingLinks/0/sealed/0/question").asText()).isEqualTo("fnr");
        assertThat(body.at("/landingLinks/0/sealed/0/held").asBoolean()).isTrue();
        assertThat(response.getBody()).doesNotContain(SEALED);
        assertThat(body.at("/enrolments/0/enrolmentId").asText()).isEqualTo(enrolmentId);
        assertThat(body.at("/enrolments/0/version").asInt()).isEqualTo(1);
        assertThat(body.at("/enrolments/0/stepId").asText()).isEqualTo("wait-gift");
        assertThat(body.at("/enrolments/0/received/0/attributes/question").asText()).isEqualTo("still-student");
        assertThat(body.at("/behaviour/inNow/0").asText()).isEqualTo("julegave");
        assertThat(body.at("/frequencyCaps/0/channel").asText()).isEqualTo("sms");
        assertThat(body.at("/frequencyCaps/0/sends/0/key").asText()).isEqualTo(smsKey);
        assertThat(body.at("/payments/0/amountOre").asLong()).isEqualTo(50_000);
        assertThat(body.at("/unmatchedPayments/0/message").asText()).isEqualTo("julegave til dere");
        assertThat(body.at("/unmatchedPayments/0/payer/phone").asText()).isEqualTo(PHONE);
        assertThat(body.at("/giverCandidates/0/name").asText()).isEqualTo("Kari N.");
        assertThat(body.get("segments")).hasSize(1);
        assertThat(body.at("/segments/0/segmentId").asText()).isEqualTo("called-kari");
        assertThat(body.get("predictions")).isEmpty();
        assertThat(body.get("predictionsNote").asText()).isNotBlank();
    }

    @Test
    void onlyAnAdminMayReadAnExport() {
        assertThat(export(KARI, "demo", "[editor viewer]").getStatusCode()).isEqualTo(403);
        assertThat(export(KARI, "demo", "[admin]").getStatusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownPersonAndAnotherTenantsAreNotFound() throws Exception {
        APIGatewayV2HTTPResponse unknown = export("M-999999", "demo", "[admin]");
        APIGatewayV2HTTPResponse foreign = export("M-200002", "demo", "[admin]");
        APIGatewayV2HTTPResponse kariFromOther = export(KARI, "other", "[admin]");

        for (APIGatewayV2HTTPResponse response : List.of(unknown, foreign, kariFromOther)) {
            assertThat(response.getStatusCode()).isEqualTo(404);
            assertThat(response.getHeaders().get("Content-Type")).startsWith("application/problem+json");
            assertThat(json(response).get("detail").asText()).isEqualTo("no such contact");
        }
    }

    @Test
    void anErasedPersonIsTheirTombstoneAlone() throws Exception {
        context.getBean(ContactStore.class).upsert(DEMO, new Contact("M-300003", SENT, "Ola", "Nordmann", null,
                "+4790011223", null, null, null, null, null, null, null, null, null, null));
        context.getBean(SendLedger.class).recordIntent("demo:julegave-1-0123456789abcdef0123:ask:1", DEMO,
                SendChannel.SMS, "M-300003", SENT);
        context.getBean(DynamoDbContactErasure.class).erase(DEMO, "M-300003");

        APIGatewayV2HTTPResponse response = export("M-300003", "demo", "[admin]");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("erasedAt").asText()).isEqualTo(CLOCK.instant().toString());
        assertThat(body.get("contact").isNull()).isTrue();
        assertThat(body.get("messages")).isEmpty();
        assertThat(response.getBody()).doesNotContain("+4790011223", "Ola");
    }

    @Test
    void aPersonTheRegisterDeletedShowsWhatTheOtherStoresStillHold() throws Exception {
        Instant deleted = SENT.plus(Duration.ofDays(1));
        context.getBean(ContactStore.class).upsert(DEMO, new Contact("M-400004", SENT, "Siri", "Dahl", null,
                "+4790044556", null, null, null, null, null, null, null, null, null, null));
        String key = "demo:" + EnrolmentIds.of(DEMO, "julegave", 1, "M-400004") + ":ask:1";
        context.getBean(SendLedger.class).recordIntent(key, DEMO, SendChannel.SMS, "M-400004", SENT);
        context.getBean(ContactStore.class).delete(DEMO, "M-400004", deleted);

        APIGatewayV2HTTPResponse response = export("M-400004", "demo", "[admin]");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("deletedAt").asText()).isEqualTo(deleted.toString());
        assertThat(body.get("erasedAt").isNull()).isTrue();
        assertThat(body.get("contact").isNull()).isTrue();
        assertThat(body.at("/messages/0/key").asText()).isEqualTo(key);
    }

    @Test
    void theTimelineShowsTheSameEventsNewestFirstAPageAtATimeWithValuesMasked() throws Exception {
        APIGatewayV2HTTPResponse whole = function.handleRequest(withQuery(request("contact-timeline.json", KARI),
                "limit", "200"), null);
        assertThat(whole.getStatusCode()).as(whole.getBody()).isEqualTo(200);
        List<JsonNode> all = new ArrayList<>();
        json(whole).get("events").forEach(all::add);
        assertThat(json(whole).get("nextCursor").isNull()).isTrue();
        assertThat(all).extracting(e -> e.get("kind").asText()).contains("contact-updated", "consent", "message",
                "run-item", "answer", "enrolled", "response", "payment", "giver-candidate");
        for (int i = 1; i < all.size(); i++) {
            assertThat(Instant.parse(all.get(i).get("at").asText()))
                    .isBeforeOrEqualTo(Instant.parse(all.get(i - 1).get("at").asText()));
        }
        assertThat(whole.getBody()).doesNotContain(PHONE, EMAIL, "Storgata").contains("+47 ******67");

        List<JsonNode> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            APIGatewayV2HTTPEvent request = withQuery(request("contact-timeline.json", KARI), "limit", "3");
            if (cursor != null) {
                request = withQuery(request, "cursor", cursor);
            }
            APIGatewayV2HTTPResponse page = function.handleRequest(request, null);
            assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(200);
            assertThat(json(page).get("events").size()).isLessThanOrEqualTo(3);
            json(page).get("events").forEach(paged::add);
            cursor = json(page).get("nextCursor").isNull() ? null : json(page).get("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 20);

        assertThat(pages).isEqualTo((all.size() + 2) / 3);
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void aTimelineCursorThisApiDidNotGiveIsRefused() {
        APIGatewayV2HTTPResponse response = function.handleRequest(withQuery(request("contact-timeline.json", KARI),
                "cursor", Paging.encode("payment:not-one-of-hers")), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
    }
}
