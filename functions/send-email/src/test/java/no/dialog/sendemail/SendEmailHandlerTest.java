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
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.dialog.aws.config.FunctionContexts;
import no.dialog.aws.sqs.SqsDeadLetters;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.send.LedgerEntry;
import no.dialog.core.send.SendLedger;
import no.dialog.core.send.SendState;
import no.dialog.core.send.email.EmailTags;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.template.TemplateStore;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
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
 * The real handler on a real application context, against DynamoDB Local, ElasticMQ and WireMock
 * answering as SES API v2, fed with events/send-email/send-request.json.
 */
class SendEmailHandlerTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final TenantId NO_SENDER = TenantId.of("nosender");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:30:00Z"), OsloTime.ZONE);
    private static final String KEY = "demo:E-EMAIL-1:thanks:1";
    private static final String PATH = "/v2/email/outbound-emails";

    private static Emulators emulators;
    private static WireMockServer ses;
    private static ApplicationContext context;
    private static SendEmailHandler handler;
    private static String dlqUrl;

    @BeforeAll
    static void startFunction() {
        emulators = SharedEmulators.get();
        ses = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        ses.start();
        dlqUrl = emulators.sqs().createQueue(b -> b.queueName("send-email-test-dlq")).queueUrl();
        Map<String, Object> env = new HashMap<>();
        env.put("CONTACTS_TABLE", TestTables.contacts(emulators.dynamoDb()));
        env.put("TENANTS_TABLE", TestTables.withHashKey(emulators.dynamoDb(), "tenants", "tenant"));
        env.put("DEFINITIONS_TABLE", TestTables.definitions(emulators.dynamoDb()));
        env.put("SEND_LEDGER_TABLE", TestTables.withHashKey(emulators.dynamoDb(), "send-ledger", "pk"));
        env.put("SEND_EMAIL_DLQ_URL", dlqUrl);
        env.put("SEND_EMAIL_QUEUE_URL", emulators.sqs().createQueue(b -> b.queueName("send-email-test")).queueUrl());
        env.put("RESPONSES_QUEUE_URL", emulators.sqs().createQueue(b -> b.queueName("send-email-test-responses"))
                .queueUrl());
        env.put("EMAIL_TRANSPORT", "ses");
        env.put("SES_ENDPOINT", ses.baseUrl());
        env.put("SES_CONFIGURATION_SET", "dialog-email-test");
        env.put("PUBLIC_BASE_URL", "https://api.dialog.test");
        env.put("UNSUBSCRIBE_SECRET", "a-local-test-secret-of-at-least-32-bytes");
        context = FunctionContexts.start(env, FunctionContexts.endpoints(AwsLocal.REGION.id(), "local", "local",
                emulators.dynamoDbEndpoint(), emulators.sqsEndpoint(), null, null), CLOCK);
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
        context.close();
        ses.stop();
    }

    @BeforeEach
    void sesAccepts() {
        ses.resetAll();
        ses.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(payload("ses-send-email-response.json"))));
    }

    private static String payload(String name) {
        try {
            return Files.readString(eventsFolder().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path eventsFolder() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("events"))) {
            dir = dir.getParent();
        }
        return dir.resolve("events/send-email");
    }

    /** The sample event, for another idempotency key (each test its own) and receive count. */
    private static SQSEvent event(String key, int receiveCount) {
        SQSEvent event = EventLoader.loadSQSEvent(eventsFolder().resolve("send-request.json").toString());
        SQSEvent.SQSMessage message = event.getRecords().get(0);
        message.setBody(message.getBody().replace(KEY, key));
        message.getAttributes().put("ApproximateReceiveCount", Integer.toString(receiveCount));
        return event;
    }

    private static int sesCallsFor(String key) {
        return ses.countRequestsMatching(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.EmailTags[?(@.Name == 'dialog-key')].Value",
                        equalTo(EmailTags.encodeKey(key)))).build()).getCount();
    }

    private static LedgerEntry ledger(String key) {
        return context.getBean(SendLedger.class).find(key).orElseThrow();
    }

    @Test
    void sendsTheRequestThroughSesOnceAndNothingMoreWhenTheBatchIsRedelivered() {
        SQSBatchResponse first = handler.handleRequest(event(KEY, 1), null);
        SQSBatchResponse again = handler.handleRequest(event(KEY, 2), null);

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
        LedgerEntry entry = ledger(KEY);
        assertThat(entry.state()).isEqualTo(SendState.SENT);
        assertThat(entry.providerMessageId()).isEqualTo("0100019abcde1234-5f6e7d8c-1a2b-4c3d-9e8f-0a1b2c3d4e5f-000000");
    }

    @Test
    void aRefusalBySesIsRecordedAndNotRetried() {
        String key = "demo:E-EMAIL-2:thanks:1";
        ses.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withHeader("x-amzn-ErrorType", "MessageRejected")
                .withBody(payload("ses-error-message-rejected.json"))));

        SQSBatchResponse response = handler.handleRequest(event(key, 1), null);
        SQSBatchResponse redelivered = handler.handleRequest(event(key, 2), null);

        assertThat(response.getBatchItemFailures()).as("no retry").isEmpty();
        assertThat(redelivered.getBatchItemFailures()).isEmpty();
        assertThat(sesCallsFor(key)).isEqualTo(1);
        assertThat(ledger(key).state()).isEqualTo(SendState.FAILED);
        assertThat(ledger(key).reason()).isEqualTo("SES refused the message (HTTP 400, MessageRejected)");
    }

    @Test
    void aThrottledSendIsRetriedBySqsAndSendsOnceSesTakesIt() {
        String key = "demo:E-EMAIL-3:thanks:1";
        ses.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("x-amzn-ErrorType", "TooManyRequestsException")
                .withBody(payload("ses-error-too-many-requests.json"))));

        SQSBatchResponse failed = handler.handleRequest(event(key, 1), null);

        assertThat(failed.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("7a1d9e2c-3b4f-4c5d-8e6f-1a2b3c4d5e60");
        assertThat(ledger(key).state()).isEqualTo(SendState.RETRYABLE);

        sesAccepts();
        SQSBatchResponse retried = handler.handleRequest(event(key, 2), null);

        assertThat(retried.getBatchItemFailures()).isEmpty();
        assertThat(ledger(key).state()).isEqualTo(SendState.SENT);
        assertThat(sesCallsFor(key)).isEqualTo(1);
    }

    @Test
    void aTenantWithoutASenderAddressGoesToTheDeadLetterQueueNamingTheSetting() {
        String key = "nosender:E-EMAIL-4:thanks:1";
        SQSEvent event = event(key, 1);
        SQSEvent.SQSMessage message = event.getRecords().get(0);
        message.setBody(message.getBody().replace("\"tenant\":\"demo\"", "\"tenant\":\"nosender\""));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(ses.getAllServeEvents()).isEmpty();
        List<Message> dead = emulators.sqs().receiveMessage(b -> b.queueUrl(dlqUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(1).messageAttributeNames("All")).messages();
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).messageAttributes().get(SqsDeadLetters.REASON_ATTRIBUTE).stringValue())
                .isEqualTo("the tenant has no e-mail sender: set the tenant setting email.from");
        assertThat(context.getBean(SendLedger.class).find(key)).isEmpty();
    }
}
