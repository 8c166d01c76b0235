package no.dialog.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.dialog.aws.config.FunctionContexts;
import no.dialog.aws.http.SecurityHeaders;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.enrolment.SignalMessages;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.journey.Signal;
import no.dialog.core.compliance.NorwegianSendRules;
import no.dialog.core.enrolment.SendQueues;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.send.OnceSender;
import no.dialog.core.send.SendLedger;
import no.dialog.core.send.SendOutcome;
import no.dialog.core.send.SendResult;
import no.dialog.core.send.SendRules;
import no.dialog.core.send.SmsDelivery;
import no.dialog.core.send.SmsGateway;
import no.dialog.core.send.SmsMessage;
import no.dialog.core.send.SmsReceipt;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.template.TemplateRenderer;
import no.dialog.core.template.TemplateStore;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.send.SendState;
import no.dialog.aws.dynamodb.DynamoDbEnrolmentStore;
import no.dialog.core.enrolment.ResultScope;
import no.dialog.core.journey.ResultCounter;
import no.dialog.core.send.UnsubscribeTokens;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.AwsLocal;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The real handler on a real application context against DynamoDB Local (contacts, send ledger), ElasticMQ
 * (responses queue, SES events DLQ) and WireMock standing in for EventBridge, fed with events/webhooks/.
 */
class WebhooksHandlerTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:50:00Z"), OsloTime.ZONE);
    private static final String SECRET = "test-webhook-secret-0123456789abcdef";
    private static final String UNSUBSCRIBE_SECRET = "test-unsubscribe-secret-0123456789abcdef";
    private static final String KEY = "demo:student-2026-1-0123456789abcdef0123:ask:1";
    private static final String CONTACT = "M-500001";
    private static final String TM_GIVER = "M-500003";
    private static final String TM_NO_MORE_CALLS = "M-500004";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final java.util.concurrent.atomic.AtomicLong REGISTER_CHANGES = new java.util.concurrent.atomic.AtomicLong();

    private static Emulators emulators;
    private static WireMockServer eventBridge;
    private static ApplicationContext context;
    private static WebhooksHandler handler;
    private static String responsesUrl;
    private static String contactsTable;
    private static String ledgerTable;
    private static String resultsTable;
    private static String sesDlqUrl;

    @BeforeAll
    static void startFunction() {
        emulators = SharedEmulators.get();
        eventBridge = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        eventBridge.start();
        Map<String, Object> env = new HashMap<>();
        contactsTable = TestTables.contacts(emulators.dynamoDb());
        ledgerTable = TestTables.withHashKey(emulators.dynamoDb(), "send-ledger", "pk");
        responsesUrl = emulators.sqs().createQueue(b -> b.queueName("webhooks-test-responses")).queueUrl();
        sesDlqUrl = emulators.sqs().createQueue(b -> b.queueName("webhooks-test-ses-dlq")).queueUrl();
        env.put("CONTACTS_TABLE", contactsTable);
        env.put("SEND_LEDGER_TABLE", ledgerTable);
        resultsTable = TestTables.enrolments(emulators.dynamoDb());
        env.put("RESULTS_TABLE", resultsTable);
        env.put("RESPONSES_QUEUE_URL", responsesUrl);
        env.put("SES_EVENTS_DLQ_URL", sesDlqUrl);
        env.put("EVENT_BUS_NAME", "dialog-test");
        env.put("WEBHOOK_KEY_SECRET_ARN", no.dialog.aws.testing.TestSecrets.textKey(emulators, "webhook-key", SECRET));
        env.put("UNSUBSCRIBE_KEY_SECRET_ARN", no.dialog.aws.testing.TestSecrets.textKey(emulators, "unsubscribe-key",
                UNSUBSCRIBE_SECRET));
        context = FunctionContexts.start(env, FunctionContexts.endpoints(AwsLocal.REGION.id(), "local", "local",
                emulators.dynamoDbEndpoint(), emulators.sqsEndpoint(), null, URI.create(eventBridge.baseUrl()),
                emulators.secretsManagerEndpoint()), CLOCK);
        handler = new WebhooksHandler(context);
    }

    @AfterAll
    static void stop() {
        context.close();
        eventBridge.stop();
    }

    @BeforeEach
    void freshState() {
        drainResponses();
        eventBridge.resetAll();
        eventBridge.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e-1\"}]}")));
        Map<Channel, Consent> consents = Map.of(
                Channel.SMS, new Consent(true, "register", Instant.parse("2026-01-01T00:00:00Z")),
                Channel.CHAT, new Consent(true, "register", Instant.parse("2026-01-01T00:00:00Z")),
                Channel.EMAIL, new Consent(true, "register", Instant.parse("2026-01-01T00:00:00Z")));
        // A newer register time each test, so the contact starts with every consent granted again.
        Instant updated = Instant.parse("2026-11-01T00:00:00Z").plusSeconds(REGISTER_CHANGES.incrementAndGet());
        for (String id : List.of(CONTACT, TM_GIVER, TM_NO_MORE_CALLS)) {
            contacts().upsert(DEMO, new Contact(id, updated, "Kari", "Nordmann", null, "+4791234567",
                    "kari@example.org", null, null, null, null, null, null, consents, null, null));
        }
    }

    // ------------------------------------------------------------------ LINK delivery reports

    @Test
    void aDeliveryReportBecomesDeliveredAndSettlesAnUnconfirmedSend() {
        String key = sent("dlr-1", true);
        APIGatewayV2HTTPResponse response = post("link-sms", "demo", linkAuth("link-sms", "demo"), "application/json",
                payload("link-dlr-delivered.json").replace(KEY, key));

        assertThat(response.getStatusCode()).isEqualTo(200);
        List<Signal> published = responses();
        assertThat(published).hasSize(1);
        Signal delivered = published.get(0);
        assertThat(delivered.type()).isEqualTo("delivered");
        assertThat(delivered.contactId()).isEqualTo(CONTACT);
        assertThat(delivered.signalId()).isEqualTo("link-sms:1tAJAFHVFeTOJpJfQ2brUk:delivered");
        assertThat(delivered.journeyId()).isEqualTo("student-2026");
        assertThat(delivered.occurredAt()).isEqualTo(Instant.parse("2026-11-23T12:30:04Z"));
        assertThat(ledger().find(key).orElseThrow().state()).isEqualTo(SendState.SENT);
        assertThat(ledger().find(key).orElseThrow().providerMessageId()).isEqualTo("1tAJAFHVFeTOJpJfQ2brUk");
    }

    @Test
    void aRepeatedReportIsTheSameSignal() {
        String key = sent("dlr-2", false);
        String body = payload("link-dlr-delivered.json").replace(KEY, key);
        post("link-sms", "demo", linkAuth("link-sms", "demo"), "application/json", body);
        post("link-sms", "demo", linkAuth("link-sms", "demo"), "application/json", body);

        List<Signal> published = responses();
        assertThat(published).hasSize(2);
        assertThat(published.get(0).signalId()).isEqualTo(published.get(1).signalId());
    }

    @Test
    void resultsCountTheSendTheDeliveryAndAnExpiryOnceHoweverOftenLinkReports() {
        String key = "demo:funnel-1-" + "e".repeat(20) + ":ask:1";
        String expiredKey = "demo:funnel-1-" + "f".repeat(20) + ":ask:1";
        ResultScope scope = new ResultScope("funnel", 2, "ask", "B");
        ledger().recordIntent(key, DEMO, SendChannel.SMS, CONTACT, scope, CLOCK.instant());
        ledger().markUnconfirmed(key, "test: the sender crashed after LINK took it");
        ledger().recordIntent(expiredKey, DEMO, SendChannel.SMS, CONTACT, scope, CLOCK.instant());
        ledger().markSent(expiredKey, "x", 1);
        String delivered = payload("link-dlr-delivered.json").replace(KEY, key);
        String expired = "{\"refId\":\"" + expiredKey + "\",\"id\":\"exp-1\",\"resultCode\":1002,"
                + "\"operator\":\"telenor\",\"segments\":1,\"timestamp\":\"2026-11-23T12:30:04Z\"}";

        for (int i = 0; i < 3; i++) {
            assertThat(post("link-sms", "demo", linkAuth("link-sms", "demo"), "application/json", delivered)
                    .getStatusCode()).isEqualTo(200);
            assertThat(post("link-sms", "demo", linkAuth("link-sms", "demo"), "application/json", expired)
                    .getStatusCode()).isEqualTo(200);
        }

        Map<ResultCounter, Long> counts = new java.util.EnumMap<>(ResultCounter.class);
        new DynamoDbEnrolmentStore(emulators.dynamoDb(), resultsTable).results(DEMO, "funnel").forEach(count -> {
            assertThat(count.key().version()).isEqualTo(2);
            assertThat(count.key().stepId()).isEqualTo("ask");
            assertThat(count.key().variant()).isEqualTo("B");
            assertThat(count.key().channel()).isEqualTo("sms");
            counts.merge(count.key().counter(), count.count(), Long::sum);
        });
        // The crashed send is settled by the report and counted sent once; each message's outcome once.
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(ResultCounter.SENT, 1L,
                ResultCounter.SMS_PARTS, 1L, ResultCounter.DELIVERED, 1L, ResultCounter.FAILED_EXPIRED, 1L));
    }

    @Test
    void aBatchPublishesFailuresSkipsPendingAndAnswersUnknownRefIdsWith200() {
        String failedKey = "demo:student-2026-1-aaaaaaaaaaaaaaaaaaaa:ask:1";
        String pendingKey = "demo:student-2026-1-bbbbbbbbbbbbbbbbbbbb:ask:1";
        ledger().recordIntent(failedKey, DEMO, SendChannel.SMS, CONTACT, CLOCK.instant());
        ledger().markSent(failedKey, "x", 2);
        ledger().recordIntent(pendingKey, DEMO, SendChannel.SMS, CONTACT, CLOCK.instant());
        ledger().markSent(pendingKey, "y", 1);

        APIGatewayV2HTTPResponse response = post("link-sms", "demo", linkAuth("link-sms", "demo"), "application/json",
                payload("link-dlr-batch.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"published\":1").contains("\"pending\":1").contains("\"unknown\":1");
        List<Signal> published = responses();
        assertThat(published).extracting(Signal::type).containsExactly("failed");
        assertThat(published.get(0).attributes()).containsEntry("reason", "delivery").containsEntry("resultCode", "1006");
    }

    @Test
    void aReportForAnotherTenantsKeyIsUnknown() {
        String key = sent("dlr-3", false);
        APIGatewayV2HTTPResponse response = post("link-sms", "other", linkAuth("link-sms", "other"), "application/json",
                payload("link-dlr-delivered.json").replace(KEY, key));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"unknown\":1");
        assertThat(responses()).isEmpty();
    }

    @Test
    void wrongOrMissingCredentialsAre401AndPublishNothing() {
        String key = sent("dlr-4", false);
        String body = payload("link-dlr-delivered.json").replace(KEY, key);

        APIGatewayV2HTTPResponse none = post("link-sms", "demo", null, "application/json", body);
        APIGatewayV2HTTPResponse otherTenants = post("link-sms", "demo", linkAuth("link-sms", "other"), "application/json", body);
        APIGatewayV2HTTPResponse wrongUser = post("link-sms", "demo", basic("tm", passwords().passwordFor("tm", DEMO)),
                "application/json", body);

        APIGatewayV2HTTPResponse notATenant = post("link-sms", "NOT..a.tenant", linkAuth("link-sms", "demo"),
                "application/json", body);

        for (APIGatewayV2HTTPResponse refused : List.of(none, otherTenants, wrongUser, notATenant)) {
            assertThat(refused.getStatusCode()).isEqualTo(401);
            assertThat(refused.getBody()).as("every refusal looks the same").isEqualTo(none.getBody());
        }
        assertThat(none.getBody()).contains("not accepted");
        assertThat(responses()).isEmpty();
    }

    @Test
    void aPasswordForOneProvidersRouteFailsOnAnothers() {
        String key = sent("dlr-5", false);
        String report = payload("link-dlr-delivered.json").replace(KEY, key);
        String stopp = payload("link-sms-mo-stopp.json");

        // LINK Conversations' password (same user name, "link") on the SMS routes, and on TM's route with TM's user.
        APIGatewayV2HTTPResponse chatOnReports = post("link-sms", "demo", linkAuth("link-chat", "demo"),
                "application/json", report);
        APIGatewayV2HTTPResponse chatOnReplies = post("link-sms-mo", "demo", linkAuth("link-chat", "demo"),
                "application/json", stopp);
        APIGatewayV2HTTPResponse smsOnTm = post("tm", "demo", basic("tm", passwords().passwordFor("link-sms", DEMO)),
                "application/json", payload("tm-results.json"));

        assertThat(List.of(chatOnReports, chatOnReplies, smsOnTm)).allSatisfy(refused ->
                assertThat(refused.getStatusCode()).isEqualTo(401));
        assertThat(responses()).isEmpty();
        assertThat(contacts().find(DEMO, CONTACT).orElseThrow().consents().get(Channel.SMS).granted()).isTrue();
        assertThat(post("link-sms", "demo", linkAuth("link-sms", "demo"), "application/json", report)
                .getStatusCode()).as("the route's own password").isEqualTo(200);
    }

    @Test
    void aMalformedReportIs400WithWhereAndPublishesNothing() {
        APIGatewayV2HTTPResponse response = post("link-sms", "demo", linkAuth("link-sms", "demo"), "application/json",
                payload("link-dlr-bad.json"));
        APIGatewayV2HTTPResponse notJson = post("link-sms", "demo", linkAuth("link-sms", "demo"), "application/json", "{nope");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.getBody()).startsWith("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,")
                .contains("\"detail\":").contains("resultCode is not a whole number");
        assertThat(notJson.getStatusCode()).isEqualTo(400);
        assertThat(notJson.getBody()).contains("not valid JSON");
        assertThat(responses()).isEmpty();
    }

    // ------------------------------------------------------------------ chat replies

    @Test
    void aChatYesIsARepliedAndAnAnsweredSignal() {
        ledger().recordIntent(KEY, DEMO, SendChannel.CHAT, CONTACT, CLOCK.instant());
        APIGatewayV2HTTPResponse response = post("link-chat", "demo", linkAuth("link-chat", "demo"), "application/json",
                payload("link-chat-reply-yes.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        List<Signal> published = responses();
        assertThat(published).extracting(Signal::type).containsExactly("replied", "answered");
        assertThat(published.get(0).attributes()).containsEntry("text", "Ja!").containsEntry("answer", "yes")
                .containsEntry("step", "ask").doesNotContainValue("+4791234567");
        assertThat(published.get(1).attributes()).containsEntry("question", "ask").containsEntry("value", "yes");
        assertThat(published.get(1).enrolmentId()).isEqualTo("student-2026-1-0123456789abcdef0123");
    }

    @Test
    void aChatStoppWithdrawsChatConsentAndTellsTheRegister() {
        ledger().recordIntent(KEY, DEMO, SendChannel.CHAT, CONTACT, CLOCK.instant());
        APIGatewayV2HTTPResponse response = post("link-chat", "demo", linkAuth("link-chat", "demo"), "application/json",
                payload("link-chat-reply-stopp.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(responses()).extracting(Signal::type).containsExactly("unsubscribed");
        Consent chat = contacts().find(DEMO, CONTACT).orElseThrow().consents().get(Channel.CHAT);
        assertThat(chat.granted()).isFalse();
        assertThat(chat.source()).isEqualTo("chat-reply");
        assertThat(contacts().find(DEMO, CONTACT).orElseThrow().consents().get(Channel.SMS).granted()).isTrue();
        eventBridge.verify(1, anyRequestedFor(anyUrl()).withRequestBody(containing("ConsentChanged"))
                .withRequestBody(containing("dialog-test")).withRequestBody(containing("link-chat:m-10002")));
    }

    // ------------------------------------------------------------------ SMS replies (LINK MO)

    @Test
    void anSmsStoppWithdrawsSmsConsentOfEveryoneWithTheNumberAndTheNextSmsIsRefused() {
        List<SmsMessage> sentToLink = new ArrayList<>();
        OnceSender<SmsMessage> sms = smsSender(sentToLink);
        assertThat(sms.send(smsRequest("demo:mo-1-aaaaaaaaaaaaaaaaaaaa:ask:1")).outcome()).isEqualTo(SendOutcome.SENT);

        APIGatewayV2HTTPResponse response = post("link-sms-mo", "demo", linkAuth("link-sms-mo", "demo"), "application/json",
                payload("link-sms-mo-stopp.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"published\":3").contains("\"unknown\":0");
        List<Signal> published = responses();
        assertThat(published).extracting(Signal::type).containsOnly("unsubscribed");
        assertThat(published).extracting(Signal::contactId).containsExactlyInAnyOrder(CONTACT, TM_GIVER, TM_NO_MORE_CALLS);
        assertThat(published).allSatisfy(signal -> {
            assertThat(signal.attributes()).containsExactly(Map.entry("channel", "sms"));
            assertThat(signal.journeyId()).isNull();
            assertThat(signal.enrolmentId()).isNull();
            assertThat(signal.occurredAt()).isEqualTo(Instant.parse("2026-11-23T12:41:07Z"));
        });
        assertThat(published).extracting(Signal::signalId).contains("link-sms-mo:mo-7Hq2LbV0cYw:" + CONTACT + ":unsubscribed");
        Contact kari = contacts().find(DEMO, CONTACT).orElseThrow();
        assertThat(kari.consents().get(Channel.SMS)).isEqualTo(new Consent(false, "sms-reply",
                Instant.parse("2026-11-23T12:41:07Z")));
        assertThat(kari.consents().get(Channel.CHAT).granted()).as("only SMS").isTrue();
        eventBridge.verify(3, anyRequestedFor(anyUrl()).withRequestBody(containing("ConsentChanged"))
                .withRequestBody(containing("sms-reply")).withRequestBody(containing("opt-out")));

        SendResult next = sms.send(smsRequest("demo:mo-1-bbbbbbbbbbbbbbbbbbbb:ask:1"));

        assertThat(next.outcome()).isEqualTo(SendOutcome.REFUSED);
        assertThat(sentToLink).as("only the message before the STOPP reached LINK").hasSize(1);
    }

    @Test
    void aRepeatedStoppIsTheSameSignalsAndTheSameOptOut() {
        String body = payload("link-sms-mo-stopp.json");
        post("link-sms-mo", "demo", linkAuth("link-sms-mo", "demo"), "application/json", body);
        APIGatewayV2HTTPResponse again = post("link-sms-mo", "demo", linkAuth("link-sms-mo", "demo"), "application/json", body);

        assertThat(again.getStatusCode()).isEqualTo(200);
        List<Signal> published = responses();
        assertThat(published).hasSize(6);
        assertThat(published.stream().map(Signal::signalId).distinct()).hasSize(3);
        assertThat(contacts().find(DEMO, CONTACT).orElseThrow().consents().get(Channel.SMS).granted()).isFalse();
    }

    @Test
    void anSmsThatIsNotAnOptOutIsARepliedWithoutTheKeywordAndChangesNoConsent() {
        APIGatewayV2HTTPResponse response = post("link-sms-mo", "demo", linkAuth("link-sms-mo", "demo"), "application/json",
                payload("link-sms-mo-reply.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        List<Signal> published = responses();
        assertThat(published).extracting(Signal::type).containsOnly("replied").hasSize(3);
        Signal kari = published.stream().filter(s -> s.contactId().equals(CONTACT)).findFirst().orElseThrow();
        assertThat(kari.signalId()).isEqualTo("link-sms-mo:mo-9Kf3NcX1dZa:" + CONTACT);
        assertThat(kari.attributes()).containsEntry("channel", "sms").containsEntry("text", "ja, gjerne")
                .containsEntry("answer", "yes").doesNotContainValue("+4791234567");
        assertThat(kari.journeyId()).isNull();
        assertThat(contacts().find(DEMO, CONTACT).orElseThrow().consents().get(Channel.SMS).granted()).isTrue();
        eventBridge.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anSmsFromAnUnknownNumberOrNoNumberIs200AndPublishesNothing() {
        String stopp = payload("link-sms-mo-stopp.json");
        APIGatewayV2HTTPResponse unknown = post("link-sms-mo", "demo", linkAuth("link-sms-mo", "demo"), "application/json",
                stopp.replace("+4791234567", "+4798765432"));
        APIGatewayV2HTTPResponse notANumber = post("link-sms-mo", "demo", linkAuth("link-sms-mo", "demo"), "application/json",
                stopp.replace("+4791234567", "Kari"));
        APIGatewayV2HTTPResponse otherTenant = post("link-sms-mo", "other", linkAuth("link-sms-mo", "other"), "application/json", stopp);

        assertThat(List.of(unknown, notANumber, otherTenant)).allSatisfy(response -> {
            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(response.getBody()).contains("\"unknown\":1").contains("\"published\":0");
        });
        assertThat(responses()).isEmpty();
        eventBridge.verify(0, anyRequestedFor(anyUrl()));
        assertThat(contacts().find(DEMO, CONTACT).orElseThrow().consents().get(Channel.SMS).granted()).isTrue();
    }

    @Test
    void anSmsWithWrongCredentialsIs401AndAMalformedOneIs400() {
        String stopp = payload("link-sms-mo-stopp.json");
        APIGatewayV2HTTPResponse otherTenants = post("link-sms-mo", "demo", linkAuth("link-sms-mo", "other"), "application/json", stopp);
        APIGatewayV2HTTPResponse tmUser = post("link-sms-mo", "demo", basic("tm", passwords().passwordFor("tm", DEMO)),
                "application/json", stopp);
        APIGatewayV2HTTPResponse noContent = post("link-sms-mo", "demo", linkAuth("link-sms-mo", "demo"), "application/json",
                stopp.replace("\"content\"", "\"kontent\""));
        APIGatewayV2HTTPResponse badTime = post("link-sms-mo", "demo", linkAuth("link-sms-mo", "demo"), "application/json",
                stopp.replace("2026-11-23T12:41:07Z", "yesterday"));

        assertThat(otherTenants.getStatusCode()).isEqualTo(401);
        assertThat(tmUser.getStatusCode()).isEqualTo(401);
        assertThat(noContent.getStatusCode()).isEqualTo(400);
        assertThat(noContent.getBody()).contains("content is missing");
        assertThat(badTime.getStatusCode()).isEqualTo(400);
        assertThat(badTime.getBody()).contains("timestamp is not an ISO-8601 time");
        assertThat(responses()).isEmpty();
        assertThat(contacts().find(DEMO, CONTACT).orElseThrow().consents().get(Channel.SMS).granted()).isTrue();
    }

    // ------------------------------------------------------------------ telemarketing

    @Test
    void aTmCsvBecomesOneOutcomePerRowWithAmountsInOre() {
        tmCallList();
        APIGatewayV2HTTPResponse response = post("tm", "demo", basic("tm", passwords().passwordFor("tm", DEMO)),
                "text/csv; charset=utf-8", payload("tm-results.csv"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        List<Signal> published = responses();
        assertThat(published).extracting(Signal::type).containsExactly("tm-outcome", "tm-outcome");
        assertThat(published.get(0).attributes()).containsEntry("outcome", "regular-donor").containsEntry("amountOre", "20000")
                .doesNotContainKey("agentNote");
        assertThat(published.get(1).attributes()).containsEntry("outcome", "not-reached").doesNotContainKey("amountOre");
    }

    @Test
    void aTmCsvWithABadLineIsRefusedWholeWithTheLineNumber() {
        tmCallList();
        APIGatewayV2HTTPResponse response = post("tm", "demo", basic("tm", passwords().passwordFor("tm", DEMO)),
                "text/csv", payload("tm-results-bad-line.csv"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("line 3: amount must be NOK");
        assertThat(responses()).as("the good first line is not taken either").isEmpty();
    }

    @Test
    void aTmResultWhoseContactIdDoesNotMatchTheCallListIsRefused() {
        tmCallList();
        APIGatewayV2HTTPResponse response = post("tm", "demo", basic("tm", passwords().passwordFor("tm", DEMO)),
                "application/json", payload("tm-results.json").replace(TM_GIVER, "M-999999"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("contactId does not match the call list");
        assertThat(responses()).isEmpty();
        eventBridge.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void tmJsonNoMoreCallsWithdrawsPhoneConsent() {
        tmCallList();
        APIGatewayV2HTTPResponse response = post("tm", "demo", basic("tm", passwords().passwordFor("tm", DEMO)),
                "application/json", payload("tm-results.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        List<Signal> published = responses();
        assertThat(published.get(0).attributes()).containsEntry("amountOre", "25050");
        Consent phone = contacts().find(DEMO, TM_NO_MORE_CALLS).orElseThrow().consents().get(Channel.PHONE);
        assertThat(phone.granted()).isFalse();
        eventBridge.verify(1, anyRequestedFor(anyUrl()).withRequestBody(containing("no-more-calls")));
    }

    // ------------------------------------------------------------------ unsubscribe links

    @Test
    void theUnsubscribePageAsksFirstAndTheOneClickPostUnsubscribes() {
        String token = tokens().issue(DEMO, CONTACT, Channel.EMAIL);

        APIGatewayV2HTTPResponse page = unsubscribe("GET", "demo", token, null);
        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getBody()).contains("lang=\"nb\"").contains("<form method=\"post\"").contains("<button");
        // The landing pages' headers (SecurityHeaders), with a policy that allows this page's style and form only.
        Map<String, String> shared = new java.util.LinkedHashMap<>(SecurityHeaders.of("text/html; charset=utf-8", ""));
        shared.remove("Content-Security-Policy");
        assertThat(page.getHeaders()).containsAllEntriesOf(shared);
        assertThat(page.getHeaders().get("Content-Security-Policy")).startsWith("default-src 'none'; style-src 'sha256-")
                .contains("form-action 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(contacts().find(DEMO, CONTACT).orElseThrow().consents().get(Channel.EMAIL).granted())
                .as("GET changes nothing").isTrue();

        APIGatewayV2HTTPResponse done = unsubscribe("POST", "demo", token, "List-Unsubscribe=One-Click");
        assertThat(done.getStatusCode()).isEqualTo(200);
        assertThat(done.getBody()).contains("Du er meldt av");
        assertThat(contacts().find(DEMO, CONTACT).orElseThrow().consents().get(Channel.EMAIL).granted()).isFalse();
        assertThat(responses()).extracting(Signal::type).containsExactly("unsubscribed");
        eventBridge.verify(1, anyRequestedFor(anyUrl()).withRequestBody(containing("email-unsubscribe")));
    }

    @Test
    void aBadTokenOrAnotherTenantsTokenGetsTheSame400Page() {
        String token = tokens().issue(DEMO, CONTACT, Channel.EMAIL);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        APIGatewayV2HTTPResponse bad = unsubscribe("POST", "demo", tampered, null);
        APIGatewayV2HTTPResponse otherTenant = unsubscribe("POST", "other", token, null);

        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(otherTenant.getStatusCode()).isEqualTo(400);
        assertThat(bad.getBody()).isEqualTo(otherTenant.getBody());
        assertThat(contacts().find(DEMO, CONTACT).orElseThrow().consents().get(Channel.EMAIL).granted()).isTrue();
        assertThat(responses()).isEmpty();
    }

    // ------------------------------------------------------------------ SES events (SQS)

    @Test
    void sesEventsBecomeResponsesAndAPermanentBounceStopsEmail() {
        ledger().recordIntent(KEY, DEMO, SendChannel.EMAIL, CONTACT, CLOCK.instant());
        ledger().markUnconfirmed(KEY, "test");
        SQSEvent batch = sqs(payload("ses-delivery.json"), payload("ses-click.json"), payload("ses-bounce-permanent.json"),
                payload("ses-delivery.json").replace("\"dialog-tenant\": [\"demo\"]", "\"x\": [\"y\"]"));

        SQSBatchResponse response = (SQSBatchResponse) handler.handleRequest(batch, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        List<Signal> published = responses();
        assertThat(published).extracting(Signal::type).containsExactly("delivered", "clicked", "bounced");
        assertThat(published.get(1).attributes()).containsEntry("link", "https://demo.dialog.example/p/");
        assertThat(published.get(2).attributes()).containsEntry("bounceType", "permanent");
        assertThat(ledger().find(KEY).orElseThrow().state()).isEqualTo(SendState.SENT);
        Consent email = contacts().find(DEMO, CONTACT).orElseThrow().consents().get(Channel.EMAIL);
        assertThat(email.granted()).isFalse();
        assertThat(email.source()).isEqualTo("email-bounce");
        eventBridge.verify(1, anyRequestedFor(anyUrl()).withRequestBody(containing("undeliverable")));
    }

    @Test
    void aSesMessageThatIsNotJsonGoesToTheDeadLetterQueue() {
        SQSBatchResponse response = (SQSBatchResponse) handler.handleRequest(sqs("not json"), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        List<Message> dead = emulators.sqs().receiveMessage(b -> b.queueUrl(sesDlqUrl).maxNumberOfMessages(10)).messages();
        assertThat(dead).extracting(Message::body).contains("not json");
    }

    @Test
    void lambdasMapFormOfBothEventsIsRead() throws IOException {
        Map<?, ?> sqsMap = MAPPER.readValue("{\"Records\":[{\"messageId\":\"m1\",\"body\":\"b\","
                + "\"eventSourceARN\":\"arn:aws:sqs:eu-north-1:1:q\",\"attributes\":{\"ApproximateReceiveCount\":\"2\"}}]}",
                Map.class);
        Map<?, ?> httpMap = MAPPER.readValue("{\"version\":\"2.0\",\"rawPath\":\"/webhooks/tm/demo\",\"isBase64Encoded\":true,"
                + "\"body\":\"e30=\",\"headers\":{\"content-type\":\"application/json\"},"
                + "\"requestContext\":{\"http\":{\"method\":\"POST\",\"path\":\"/webhooks/tm/demo\"}}}", Map.class);

        SQSEvent sqs = (SQSEvent) LambdaEvents.read(sqsMap);
        APIGatewayV2HTTPEvent http = (APIGatewayV2HTTPEvent) LambdaEvents.read(httpMap);

        assertThat(sqs.getRecords().get(0).getEventSourceArn()).isEqualTo("arn:aws:sqs:eu-north-1:1:q");
        assertThat(sqs.getRecords().get(0).getAttributes()).containsEntry("ApproximateReceiveCount", "2");
        assertThat(WebhookRequest.from(http).bodyText()).isEqualTo("{}");
        assertThat(WebhookRequest.from(http).method()).isEqualTo("POST");
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The SMS sender as the send-sms function builds it, on the context's contact store, send ledger and
     * send rules (NorwegianSendRules), with LINK replaced by a list of what it was handed.
     */
    private static OnceSender<SmsMessage> smsSender(List<SmsMessage> sentToLink) {
        SendRules rules = context.getBean(SendRules.class);
        assertThat(rules).isInstanceOf(NorwegianSendRules.class);
        Tenant demo = new Tenant(DEMO, "Demo Organisation", CLOCK.instant());
        TenantDirectory tenants = new TenantDirectory() {
            @Override
            public java.util.Optional<Tenant> find(TenantId id) {
                return DEMO.equals(id) ? java.util.Optional.of(demo) : java.util.Optional.empty();
            }

            @Override
            public boolean createIfAbsent(Tenant tenant) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<TenantId> all() {
                return List.of(DEMO);
            }
        };
        MessageTemplate ask = new MessageTemplate("ask", SendChannel.SMS, "nb", null,
                "Hei {{ firstName }}! Svar STOPP for å melde deg av. Hilsen {{ organisation }}");
        TemplateStore templates = new TemplateStore() {
            @Override
            public java.util.Optional<MessageTemplate> find(TenantId tenant, String templateId) {
                return java.util.Optional.of(ask).filter(t -> DEMO.equals(tenant) && t.id().equals(templateId));
            }

            @Override
            public List<MessageTemplate> list(TenantId tenant) {
                return List.of(ask);
            }

            @Override
            public void save(TenantId tenant, MessageTemplate template) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean delete(TenantId tenant, String templateId) {
                throw new UnsupportedOperationException();
            }
        };
        SmsGateway link = message -> {
            sentToLink.add(message);
            return new SmsReceipt("link-" + sentToLink.size(), 1);
        };
        SendQueues noFallbacks = new SendQueues() {
            @Override
            public boolean serves(SendChannel channel) {
                return false;
            }

            @Override
            public void enqueue(List<SendRequest> requests) {
                throw new AssertionError("no fallback expected");
            }
        };
        return new OnceSender<>(tenants, contacts(), templates, new TemplateRenderer(), ledger(), rules,
                new SmsDelivery(link, "Demo"), noFallbacks, (tenant, signals) -> { }, CLOCK);
    }

    private static SendRequest smsRequest(String key) {
        return new SendRequest("demo", key, CONTACT, key.split(":")[1], "mo", 1, "ask", "sms", null, "ask", "A",
                CLOCK.instant());
    }

    private static String sent(String enrolmentSuffix, boolean unconfirmed) {
        String key = "demo:student-2026-1-" + String.format("%20s", Integer.toHexString(enrolmentSuffix.hashCode()))
                .replace(' ', '0') + ":ask:1";
        ledger().recordIntent(key, DEMO, SendChannel.SMS, CONTACT, CLOCK.instant());
        if (unconfirmed) {
            ledger().markUnconfirmed(key, "test");
        } else {
            ledger().markSent(key, "earlier", 1);
        }
        return key;
    }

    private static void tmCallList() {
        Map<String, String> callList = Map.of("demo:tm-renewal-1-cccccccccccccccccccc:call:1", TM_GIVER,
                "demo:tm-renewal-1-dddddddddddddddddddd:call:1", TM_NO_MORE_CALLS);
        callList.forEach((key, contactId) -> {
            if (ledger().find(key).isEmpty()) {
                ledger().recordIntent(key, DEMO, SendChannel.TELEMARKETING, contactId, CLOCK.instant());
                ledger().markSent(key, null, 1);
            }
        });
    }

    private static APIGatewayV2HTTPResponse post(String provider, String tenant, String authorization, String contentType,
            String body) {
        APIGatewayV2HTTPEvent event = http("POST", "/webhooks/" + provider + "/" + tenant, body);
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", contentType);
        if (authorization != null) {
            headers.put("authorization", authorization);
        }
        event.setHeaders(headers);
        return (APIGatewayV2HTTPResponse) handler.handleRequest(event, null);
    }

    private static APIGatewayV2HTTPResponse unsubscribe(String method, String tenant, String token, String body) {
        APIGatewayV2HTTPEvent event = http(method, "/webhooks/unsubscribe/" + tenant, body);
        event.setQueryStringParameters(Map.of("token", token));
        event.setHeaders(Map.of("content-type", "application/x-www-form-urlencoded"));
        return (APIGatewayV2HTTPResponse) handler.handleRequest(event, null);
    }

    private static APIGatewayV2HTTPEvent http(String method, String path, String body) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRawPath(path);
        event.setBody(body);
        event.setIsBase64Encoded(false);
        event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path).build())
                .build());
        return event;
    }

    private static SQSEvent sqs(String... bodies) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("ses-" + i);
            message.setBody(bodies[i]);
            message.setEventSourceArn("arn:aws:sqs:eu-north-1:000000000000:dialog-ses-events-local");
            message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            records.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static String linkAuth(String route, String tenant) {
        return basic("link", passwords().passwordFor(route, TenantId.of(tenant)));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static WebhookPasswords passwords() {
        return new WebhookPasswords(SECRET.getBytes(StandardCharsets.UTF_8));
    }

    private static UnsubscribeTokens tokens() {
        return new UnsubscribeTokens(UNSUBSCRIBE_SECRET.getBytes(StandardCharsets.UTF_8));
    }

    private static SendLedger ledger() {
        return context.getBean(SendLedger.class);
    }

    private static ContactStore contacts() {
        return context.getBean(ContactStore.class);
    }

    private static List<Signal> responses() {
        List<Signal> signals = new ArrayList<>();
        while (true) {
            List<Message> messages = emulators.sqs().receiveMessage(b -> b.queueUrl(responsesUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(0)).messages();
            if (messages.isEmpty()) {
                return signals;
            }
            for (Message message : messages) {
                signals.add(SignalMessages.parse(message.body()).signal());
                emulators.sqs().deleteMessage(b -> b.queueUrl(responsesUrl).receiptHandle(message.receiptHandle()));
            }
        }
    }

    private static void drainResponses() {
        responses();
    }

    private static String payload(String name) {
        try {
            Path dir = Path.of("").toAbsolutePath();
            while (!Files.isDirectory(dir.resolve("events"))) {
                dir = dir.getParent();
            }
            return Files.readString(dir.resolve("events/webhooks").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
