package no.dialog.sendemail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
import java.util.Map;
import no.dialog.aws.testing.EventFiles;
import no.dialog.aws.testing.SenderFunctionFixture;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.send.LedgerEntry;
import no.dialog.core.send.SendState;
import no.dialog.core.send.email.EmailTags;
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
 * answering as SES API v2, fed with events/send-email/send-request.json.
 */
class SendEmailHandlerTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final TenantId NO_SENDER = TenantId.of("nosender");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:30:00Z"), OsloTime.ZONE);
    private static final String KEY = "demo:E-EMAIL-1:thanks:1";
    private static final String PATH = "/v2/email/outbound-emails";

    /** Stands in for the provider: started before {@code startFunction}, cleared before each test. */
    @RegisterExtension
    static final WireMockExtension ses = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

    private static SenderFunctionFixture function;
    private static ApplicationContext context;
    private static SendEmailHandler handler;

    @BeforeAll
    static void startFunction() {
        function = SenderFunctionFixture.start("send-email", KEY, Map.of("EMAIL_TRANSPORT", "ses",
                "SES_ENDPOINT", ses.baseUrl(), "SES_CONFIGURATION_SET", "dialog-email-test",
                "PUBLIC_BASE_URL", "https://api.dialog.test",
                "UNSUBSCRIBE_KEY_SECRET_ARN", no.dialog.aws.testing.TestSecrets.textKey(no.dialog.emulators.SharedEmulators.get(), "unsubscribe-key",
                        "a-local-test-secret-of-at-least-32-bytes")), CLOCK);
        context = function.context();
        handler = new SendEmailHandler(context);

        TenantDirectory tenants = context.getBean(TenantDirectory.class);
        tenants.createIfAbsent(new Tenant(DEMO, "Demo Organisation", CLOCK.instant(),
                Map.of("email.from", "post@demo.dialog.local", "email.replyTo", "svar@demo.dialog.local")));
        tenants.createIfAbsent(new Tenant(NO_SENDER, "No Sender", CLOCK.instant()));
        // Kari said yes to e-mail on the organisation's web form: the send rules let nobody else get one.
        Contact kari = new Contact("M-500001", Instant.parse("2026-11-01T00:00:00Z"), "Kari", "Nordmann", null, null,
                "kari.nordmann@example.no", null, null, null, null, null, null,
                Map.of(Channel.EMAIL, new Consent(true, "web-form", Instant.parse("2026-10-01T10:00:00Z"))), null,
                null);
        context.getBean(ContactStore.class).upsert(DEMO, kari);
        context.getBean(ContactStore.class).upsert(NO_SENDER, kari);
        MessageTemplate thanks = new MessageTemplate("thanks-gift", SendChannel.EMAIL, "nb",
                "Tusen takk, {{ firstName }}!", "<p>Hei {{ fullName }},</p><p>Takk for gaven.</p><p>Hilsen {{ organisation }}</p>");
        context.getBean(TemplateStore.class).save(DEMO, thanks);
        context.getBean(TemplateStore.class).save(NO_SENDER, thanks);
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    @BeforeEach
    void sesAccepts() {
        ses.resetAll();
        ses.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(payload("ses-send-email-response.json"))));
    }

    private static String payload(String name) {
        return EventFiles.read("send-email", name);
    }

    private static int sesCallsFor(String key) {
        return ses.countRequestsMatching(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.EmailTags[?(@.Name == 'dialog-key')].Value",
                        equalTo(EmailTags.encodeKey(key)))).build()).getCount();
    }

    @Test
    void sendsTheRequestThroughSesOnceAndNothingMoreWhenTheBatchIsRedelivered() {
        SQSBatchResponse first = handler.handleRequest(function.event(KEY, 1), null);
        SQSBatchResponse again = handler.handleRequest(function.event(KEY, 2), null);

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(sesCallsFor(KEY)).isEqualTo(1);
        ses.verify(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.FromEmailAddress", equalTo("Demo Organisation <post@demo.dialog.local>")))
                .withRequestBody(matchingJsonPath("$.Destination.ToAddresses[0]", equalTo("kari.nordmann@example.no")))
                .withRequestBody(matchingJsonPath("$.ReplyToAddresses[0]", equalTo("svar@demo.dialog.local")))
                .withRequestBody(matchingJsonPath("$.ConfigurationSetName", equalTo("dialog-email-test")))
                .withRequestBody(matchingJsonPath("$.Content.Simple.Subject.Data", equalTo("Tusen takk, Kari!")))
                .withRequestBody(matchingJsonPath("$.Content.Simple.Body.Html.Data",
                        containing("https://api.dialog.test/webhooks/unsubscribe/demo?token=")))
                .withRequestBody(matchingJsonPath("$.Content.Simple.Body.Text.Data", containing("Meld deg av: https://")))
                .withRequestBody(matchingJsonPath("$.Content.Simple.Headers[?(@.Name == 'List-Unsubscribe-Post')].Value",
                        equalTo("List-Unsubscribe=One-Click")))
                .withRequestBody(matchingJsonPath("$.EmailTags[?(@.Name == 'dialog-tenant')].Value", equalTo("demo"))));
        LedgerEntry entry = function.ledger(KEY);
        assertThat(entry.state()).isEqualTo(SendState.SENT);
        assertThat(entry.providerMessageId()).isEqualTo("0100019abcde1234-5f6e7d8c-1a2b-4c3d-9e8f-0a1b2c3d4e5f-000000");
    }

    @Test
    void aRefusalBySesIsRecordedAndNotRetried() {
        String key = "demo:E-EMAIL-2:thanks:1";
        ses.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withHeader("x-amzn-ErrorType", "MessageRejected")
                .withBody(payload("ses-error-message-rejected.json"))));

        SQSBatchResponse response = handler.handleRequest(function.event(key, 1), null);
        SQSBatchResponse redelivered = handler.handleRequest(function.event(key, 2), null);

        assertThat(response.getBatchItemFailures()).as("no retry").isEmpty();
        assertThat(redelivered.getBatchItemFailures()).isEmpty();
        assertThat(sesCallsFor(key)).isEqualTo(1);
        assertThat(function.ledger(key).state()).isEqualTo(SendState.FAILED);
        assertThat(function.ledger(key).reason()).isEqualTo("SES refused the message (HTTP 400, MessageRejected)");
    }

    @Test
    void aThrottledSendIsRetriedBySqsAndSendsOnceSesTakesIt() {
        String key = "demo:E-EMAIL-3:thanks:1";
        ses.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("x-amzn-ErrorType", "TooManyRequestsException")
                .withBody(payload("ses-error-too-many-requests.json"))));

        SQSBatchResponse failed = handler.handleRequest(function.event(key, 1), null);

        assertThat(failed.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("7a1d9e2c-3b4f-4c5d-8e6f-1a2b3c4d5e60");
        assertThat(function.ledger(key).state()).isEqualTo(SendState.RETRYABLE);

        sesAccepts();
        SQSBatchResponse retried = handler.handleRequest(function.event(key, 2), null);

        assertThat(retried.getBatchItemFailures()).isEmpty();
        assertThat(function.ledger(key).state()).isEqualTo(SendState.SENT);
        assertThat(sesCallsFor(key)).isEqualTo(1);
    }

    @Test
    void aTenantWithoutASenderAddressGoesToTheDeadLetterQueueNamingTheSetting() {
        String key = "nosender:E-EMAIL-4:thanks:1";
        SQSEvent event = function.event(key, 1);
        SQSEvent.SQSMessage message = event.getRecords().get(0);
        message.setBody(message.getBody().replace("\"tenant\":\"demo\"", "\"tenant\":\"nosender\""));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(ses.getAllServeEvents()).isEmpty();
        assertThat(function.deadLetterReasons())
                .containsExactly("the tenant has no e-mail sender: set the tenant setting email.from");
        assertThat(function.findLedgerEntry(key)).isEmpty();
    }
}
