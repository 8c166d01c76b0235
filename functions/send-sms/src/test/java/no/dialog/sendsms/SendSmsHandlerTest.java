package no.dialog.sendsms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.dialog.aws.testing.EventFiles;
import no.dialog.aws.testing.SenderFunctionFixture;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.contact.Membership;
import no.dialog.core.contact.MembershipStatus;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.send.LedgerEntry;
import no.dialog.core.send.SendState;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.template.TemplateStore;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real handler on a real application context, against DynamoDB Local, ElasticMQ and WireMock
 * answering as LINK Mobility, fed with events/send-sms/send-request.json.
 */
class SendSmsHandlerTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:30:00Z"), OsloTime.ZONE);
    private static final String KEY = "demo:E-SMS-1:ask:1";

    /** Stands in for the provider: started before {@code startFunction}, cleared before each test. */
    @RegisterExtension
    static final WireMockExtension link = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

    private static SenderFunctionFixture function;
    private static ApplicationContext context;
    private static SendSmsHandler handler;

    @BeforeAll
    static void startFunction() {
        function = SenderFunctionFixture.start("send-sms", KEY, Map.of("LINK_BASE_URL", link.baseUrl(),
                "LINK_USERNAME", "dialog", "LINK_PASSWORD_SECRET_ARN",
                no.dialog.aws.testing.TestSecrets.create(no.dialog.emulators.SharedEmulators.get(), "link-password",
                        "secret"),
                "LINK_PLATFORM_ID", "LOCAL", "LINK_PLATFORM_PARTNER_ID", "0", "LINK_GATE", "LOCALGATE",
                // Organisations' own accounts, as the admin API stores them (a prefix of this test's own).
                "TENANT_SECRETS_PREFIX", "dialog/test-" + java.util.UUID.randomUUID().toString().substring(0, 8)
                        + "/tenants/"), CLOCK);
        context = function.context();
        handler = new SendSmsHandler(context);

        context.getBean(TenantDirectory.class).createIfAbsent(new Tenant(DEMO, "Demo Organisation", CLOCK.instant()));
        // Kari said yes to SMS on the membership form: the send-time rules let her messages through.
        context.getBean(ContactStore.class).upsert(DEMO, new Contact("M-500001", Instant.parse("2026-11-01T00:00:00Z"),
                "Kari", "Nordmann", null, "+4791234567", null, null, null, null, null, null, null,
                Map.of(Channel.SMS, new Consent(true, "membership-form", Instant.parse("2025-08-15T12:00:00Z"))),
                null, null));
        context.getBean(TemplateStore.class).save(DEMO, new MessageTemplate("student-ask", SendChannel.SMS, "nb", null,
                "Hei {{ firstName }}! Er du fortsatt student? Svar her: {{ link }} Hilsen {{ organisation }}"));
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    @BeforeEach
    void linkAccepts() {
        link.resetAll();
        link.stubFor(post(urlEqualTo("/sms/send")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(payload("link-send-response.json"))));
    }

    private static String payload(String name) {
        return EventFiles.read("send-sms", name);
    }

    private static int linkCallsFor(String key) {
        return link.countRequestsMatching(postRequestedFor(urlEqualTo("/sms/send"))
                .withRequestBody(matchingJsonPath("$.refId", equalTo(key))).build()).getCount();
    }

    @Test
    void sendsTheRequestThroughLinkOnceAndNothingMoreWhenTheBatchIsRedelivered() {
        SQSBatchResponse first = handler.handleRequest(function.event(KEY, 1), null);
        SQSBatchResponse again = handler.handleRequest(function.event(KEY, 2), null);

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(linkCallsFor(KEY)).isEqualTo(1);
        link.verify(postRequestedFor(urlEqualTo("/sms/send"))
                .withHeader("Authorization", equalTo("Basic ZGlhbG9nOnNlY3JldA=="))
                .withRequestBody(matchingJsonPath("$.source", equalTo("DemoOrganis")))
                .withRequestBody(matchingJsonPath("$.destination", equalTo("+4791234567")))
                .withRequestBody(matchingJsonPath("$.deliveryReportGates[0]", equalTo("LOCALGATE"))));
        LedgerEntry entry = function.ledger(KEY);
        assertThat(entry.state()).isEqualTo(SendState.SENT);
        assertThat(entry.providerMessageId()).isEqualTo("Dcshuhod0PMAAAFQ+/PbnR3x");
        assertThat(entry.parts()).isEqualTo(1);
    }

    @Test
    void anOrganisationWithItsOwnLinkAccountSendsThroughItWithCredentialsFromSecretsManager() {
        TenantId own = TenantId.of("own-link");
        String key = "own-link:E-SMS-9:ask:1";
        context.getBean(TenantDirectory.class).createIfAbsent(new Tenant(own, "Own Link", CLOCK.instant()));
        context.getBean(ContactStore.class).upsert(own, new Contact("M-500001", Instant.parse("2026-11-01T00:00:00Z"),
                "Kari", "Nordmann", null, "+4791234567", null, null, null, null, null, null, null,
                Map.of(Channel.SMS, new Consent(true, "membership-form", Instant.parse("2025-08-15T12:00:00Z"))),
                null, null));
        context.getBean(TemplateStore.class).save(own, new MessageTemplate("student-ask", SendChannel.SMS, "nb", null,
                "Hei {{ firstName }}! Hilsen {{ organisation }}"));
        context.getBean(no.dialog.core.tenant.ProviderCredentials.class).put(own,
                no.dialog.core.tenant.CredentialProvider.LINK,
                Map.of("username", "own-user", "password", "own-pass", "platformId", "OWNPLATFORM"),
                java.util.Optional.empty());
        var event = function.event(key, 1);
        event.getRecords().get(0).setBody(event.getRecords().get(0).getBody().replace("\"tenant\":\"demo\"",
                "\"tenant\":\"own-link\""));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        link.verify(postRequestedFor(urlEqualTo("/sms/send"))
                .withHeader("Authorization", equalTo("Basic " + java.util.Base64.getEncoder()
                        .encodeToString("own-user:own-pass".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .withRequestBody(matchingJsonPath("$.refId", equalTo(key)))
                .withRequestBody(matchingJsonPath("$.platformId", equalTo("OWNPLATFORM")))
                .withRequestBody(matchingJsonPath("$.platformPartnerId", equalTo("0"))));
        assertThat(function.ledger(key).state()).isEqualTo(SendState.SENT);
    }

    @Test
    void aRefusalByLinkIsRecordedAndNotRetried() {
        String key = "demo:E-SMS-2:ask:1";
        link.stubFor(post(urlEqualTo("/sms/send")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(payload("link-error-bad-request.json"))));

        SQSBatchResponse response = handler.handleRequest(function.event(key, 1), null);
        SQSBatchResponse redelivered = handler.handleRequest(function.event(key, 2), null);

        assertThat(response.getBatchItemFailures()).as("no retry").isEmpty();
        assertThat(redelivered.getBatchItemFailures()).isEmpty();
        assertThat(linkCallsFor(key)).isEqualTo(1);
        assertThat(function.ledger(key).state()).isEqualTo(SendState.FAILED);
        assertThat(function.ledger(key).reason())
                .isEqualTo("LINK refused the message (HTTP 400, resultCode 4001): Invalid message content");
    }

    @Test
    void anUnavailableLinkIsRetriedBySqsAndSendsOnceItIsBack() {
        String key = "demo:E-SMS-3:ask:1";
        link.stubFor(post(urlEqualTo("/sms/send")).willReturn(aResponse().withStatus(503)));

        SQSBatchResponse failed = handler.handleRequest(function.event(key, 1), null);

        assertThat(failed.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("5f2b7c1e-7e0a-4d1b-9a43-0c1d2e3f4a50");
        assertThat(function.ledger(key).state()).isEqualTo(SendState.RETRYABLE);

        linkAccepts();
        SQSBatchResponse retried = handler.handleRequest(function.event(key, 2), null);

        assertThat(retried.getBatchItemFailures()).isEmpty();
        assertThat(function.ledger(key).state()).isEqualTo(SendState.SENT);
        assertThat(function.ledger(key).attempts()).isEqualTo(2);
    }

    @Test
    void aRequestForAMissingTemplateGoesToTheDeadLetterQueueWithItsReason() {
        SQSEvent event = function.event("demo:E-SMS-4:ask:1", 1);
        SQSEvent.SQSMessage message = event.getRecords().get(0);
        message.setBody(message.getBody().replace("student-ask", "no-such-template"));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(link.getAllServeEvents()).isEmpty();
        assertThat(function.deadLetterReasons()).containsExactly("template 'no-such-template' not found");
        assertThat(function.findLedgerEntry("demo:E-SMS-4:ask:1")).isEmpty();
    }

    @Test
    void aContactWithoutAPhoneIsRecordedAsNotSendable() {
        context.getBean(ContactStore.class).upsert(DEMO, new Contact("M-500002", Instant.parse("2026-11-01T00:00:00Z"),
                "Ola", "Nordmann", null, null, null, null, null, null, null, null, null, null, null, null));
        SQSEvent event = function.event("demo:E-SMS-5:ask:1", 1);
        event.getRecords().get(0).setBody(event.getRecords().get(0).getBody().replace("M-500001", "M-500002"));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(link.getAllServeEvents()).isEmpty();
        assertThat(function.ledger("demo:E-SMS-5:ask:1").state()).isEqualTo(SendState.NOT_SENDABLE);
    }

    @Test
    void aContactWhoRepliedStoppIsRefusedWithoutCallingLink() {
        // An active member (so no consent is needed) who later replied STOPP: the opt-out wins.
        context.getBean(ContactStore.class).upsert(DEMO, new Contact("M-500003", Instant.parse("2026-11-01T00:00:00Z"),
                "Per", "Hansen", null, "+4791234568", null, null,
                List.of(new Membership("ordinary", MembershipStatus.ACTIVE, null, null, null, null, null)), null, null,
                null, null, Map.of(Channel.SMS, new Consent(false, "sms-reply", Instant.parse("2026-10-01T09:00:00Z"))),
                null, null));
        String key = "demo:E-SMS-6:ask:1";
        SQSEvent event = function.event(key, 1);
        event.getRecords().get(0).setBody(event.getRecords().get(0).getBody().replace("M-500001", "M-500003"));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(linkCallsFor(key)).isZero();
        assertThat(function.ledger(key).state()).isEqualTo(SendState.NOT_SENDABLE);
        assertThat(function.ledger(key).reason()).isEqualTo("refused: opted out of sms");
    }

    /** Several requests in one event, each a copy of the sample with its own key and message id. */
    private static SQSEvent batchOf(String... keys) {
        SQSEvent event = function.event(keys[0], 1);
        List<SQSEvent.SQSMessage> records = new java.util.ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            SQSEvent.SQSMessage message = function.event(keys[i], 1).getRecords().get(0);
            message.setMessageId("batch-" + i);
            records.add(message);
        }
        event.setRecords(records);
        return event;
    }

    @Test
    void aBatchGoesToLinkInOneSendbatchCallAndOnlyTheFailedMessagesAreReported() {
        link.stubFor(post(urlEqualTo("/sms/sendbatch")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        [ {"messageId": "L-1", "refId": "demo:E-SMS-B1:ask:1", "resultCode": 1005, "message": "Queued", "smsCount": 1},
                          {"refId": "demo:E-SMS-B2:ask:1", "resultCode": 106000, "description": "Invalid destination"},
                          {"messageId": "L-3", "refId": "demo:E-SMS-B3:ask:1", "resultCode": 1005, "message": "Queued", "smsCount": 1} ]""")));
        SQSEvent event = batchOf("demo:E-SMS-B1:ask:1", "demo:E-SMS-B2:ask:1", "demo:E-SMS-B3:ask:1",
                "demo:E-SMS-B4:ask:1");
        SQSEvent.SQSMessage broken = event.getRecords().get(3);
        broken.setBody(broken.getBody().replace("student-ask", "no-such-template"));
        SQSEvent.SQSMessage unreadable = function.event(KEY, 1).getRecords().get(0);
        unreadable.setMessageId("batch-unreadable");
        unreadable.setBody("{not json");
        List<SQSEvent.SQSMessage> records = new java.util.ArrayList<>(event.getRecords());
        records.add(unreadable);
        event.setRecords(records);

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        link.verify(1, postRequestedFor(urlEqualTo("/sms/sendbatch")));
        link.verify(0, postRequestedFor(urlEqualTo("/sms/send")));
        assertThat(function.ledger("demo:E-SMS-B1:ask:1").state()).isEqualTo(SendState.SENT);
        assertThat(function.ledger("demo:E-SMS-B1:ask:1").providerMessageId()).isEqualTo("L-1");
        assertThat(function.ledger("demo:E-SMS-B2:ask:1").state()).isEqualTo(SendState.FAILED);
        assertThat(function.ledger("demo:E-SMS-B3:ask:1").state()).isEqualTo(SendState.SENT);
        assertThat(function.deadLetterReasons()).containsExactlyInAnyOrder("template 'no-such-template' not found",
                "the message body is not a send request (JsonParseException)");
    }

    @Test
    void whenLinkIsDownTheWholeBatchIsReportedAndARedeliverySendsEachOnce() {
        link.stubFor(post(urlEqualTo("/sms/sendbatch")).willReturn(aResponse().withStatus(503)));
        SQSEvent event = batchOf("demo:E-SMS-C1:ask:1", "demo:E-SMS-C2:ask:1");

        SQSBatchResponse failed = handler.handleRequest(event, null);

        assertThat(failed.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("batch-0", "batch-1");
        assertThat(function.ledger("demo:E-SMS-C2:ask:1").state()).isEqualTo(SendState.RETRYABLE);

        link.stubFor(post(urlEqualTo("/sms/sendbatch")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        [ {"messageId": "L-1", "refId": "demo:E-SMS-C1:ask:1", "resultCode": 1005, "smsCount": 1},
                          {"messageId": "L-2", "refId": "demo:E-SMS-C2:ask:1", "resultCode": 1005, "smsCount": 1} ]""")));
        SQSBatchResponse retried = handler.handleRequest(batchOf("demo:E-SMS-C1:ask:1", "demo:E-SMS-C2:ask:1"), null);

        assertThat(retried.getBatchItemFailures()).isEmpty();
        assertThat(function.ledger("demo:E-SMS-C1:ask:1").state()).isEqualTo(SendState.SENT);
        assertThat(function.ledger("demo:E-SMS-C2:ask:1").attempts()).isEqualTo(2);
    }
}
