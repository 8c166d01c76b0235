package no.dialog.sendchat;

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
import java.util.Map;
import no.dialog.aws.config.FunctionContexts;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.send.LedgerEntry;
import no.dialog.core.send.SendLedger;
import no.dialog.core.send.SendState;
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

/**
 * The real handler on a real application context, against DynamoDB Local, ElasticMQ and WireMock
 * answering as LINK Conversations, fed with events/send-chat/send-request.json.
 */
class SendChatHandlerTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:30:00Z"), OsloTime.ZONE);
    private static final String KEY = "demo:E-CHAT-1:ask:1";
    private static final String PATH = "/conversations/v1/messages";

    private static WireMockServer link;
    private static ApplicationContext context;
    private static SendChatHandler handler;

    @BeforeAll
    static void startFunction() {
        Emulators emulators = SharedEmulators.get();
        link = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        link.start();
        Map<String, Object> env = new HashMap<>();
        env.put("CONTACTS_TABLE", TestTables.contacts(emulators.dynamoDb()));
        env.put("TENANTS_TABLE", TestTables.withHashKey(emulators.dynamoDb(), "tenants", "tenant"));
        env.put("DEFINITIONS_TABLE", TestTables.definitions(emulators.dynamoDb()));
        env.put("SEND_LEDGER_TABLE", TestTables.withHashKey(emulators.dynamoDb(), "send-ledger", "pk"));
        env.put("SEND_CHAT_DLQ_URL", emulators.sqs().createQueue(b -> b.queueName("send-chat-test-dlq")).queueUrl());
        env.put("SEND_CHAT_QUEUE_URL", emulators.sqs().createQueue(b -> b.queueName("send-chat-test")).queueUrl());
        env.put("RESPONSES_QUEUE_URL", emulators.sqs().createQueue(b -> b.queueName("send-chat-test-responses"))
                .queueUrl());
        env.put("LINK_CHAT_BASE_URL", link.baseUrl());
        env.put("LINK_CHAT_USERNAME", "dialog");
        env.put("LINK_CHAT_PASSWORD", "secret");
        env.put("PUBLIC_BASE_URL", "https://api.dialog.example");
        context = FunctionContexts.start(env, FunctionContexts.endpoints(AwsLocal.REGION.id(), "local", "local",
                emulators.dynamoDbEndpoint(), emulators.sqsEndpoint(), null, null), CLOCK);
        handler = new SendChatHandler(context);

        context.getBean(TenantDirectory.class).createIfAbsent(new Tenant(DEMO, "Demo Organisation", CLOCK.instant()));
        context.getBean(ContactStore.class).upsert(DEMO, new Contact("M-500001", Instant.parse("2026-11-01T00:00:00Z"),
                "Kari", "Nordmann", null, "+4791234567", null, null, null, null, null, null, null, null, null, null));
        context.getBean(TemplateStore.class).save(DEMO, new MessageTemplate("student-chat", SendChannel.CHAT, "nb", null,
                "Hei {{ firstName }}! Er du fortsatt student? Svar JA eller NEI. Hilsen {{ organisation }}"));
    }

    @AfterAll
    static void stop() {
        context.close();
        link.stop();
    }

    @BeforeEach
    void linkAccepts() {
        link.resetAll();
        link.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(payload("link-chat-message-response.json"))));
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
        return dir.resolve("events/send-chat");
    }

    private static SQSEvent event(String key, int receiveCount) {
        SQSEvent event = EventLoader.loadSQSEvent(eventsFolder().resolve("send-request.json").toString());
        SQSEvent.SQSMessage message = event.getRecords().get(0);
        message.setBody(message.getBody().replace(KEY, key));
        message.getAttributes().put("ApproximateReceiveCount", Integer.toString(receiveCount));
        return event;
    }

    private static int linkCallsFor(String key) {
        return link.countRequestsMatching(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.refId", equalTo(key))).build()).getCount();
    }

    private static LedgerEntry ledger(String key) {
        return context.getBean(SendLedger.class).find(key).orElseThrow();
    }

    @Test
    void sendsTheChatMessageOnceWithItsReplyWebhookAndNothingMoreWhenRedelivered() {
        SQSBatchResponse first = handler.handleRequest(event(KEY, 1), null);
        SQSBatchResponse again = handler.handleRequest(event(KEY, 2), null);

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(linkCallsFor(KEY)).isEqualTo(1);
        link.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Basic ZGlhbG9nOnNlY3JldA=="))
                .withRequestBody(matchingJsonPath("$.channel", equalTo("sms-chat")))
                .withRequestBody(matchingJsonPath("$.sender", equalTo("DemoOrganis")))
                .withRequestBody(matchingJsonPath("$.recipient", equalTo("+4791234567")))
                .withRequestBody(matchingJsonPath("$.replyWebhook",
                        equalTo("https://api.dialog.example/webhooks/link-chat/demo"))));
        LedgerEntry entry = ledger(KEY);
        assertThat(entry.state()).isEqualTo(SendState.SENT);
        assertThat(entry.providerMessageId()).isEqualTo("c0nv-msg-6f1d2a");
        assertThat(entry.parts()).isEqualTo(1);
    }

    @Test
    void aRefusalByLinkIsRecordedAndNotRetried() {
        String key = "demo:E-CHAT-2:ask:1";
        link.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(payload("link-chat-error-bad-request.json"))));

        SQSBatchResponse response = handler.handleRequest(event(key, 1), null);

        assertThat(response.getBatchItemFailures()).as("no retry").isEmpty();
        assertThat(ledger(key).state()).isEqualTo(SendState.FAILED);
        assertThat(ledger(key).reason()).isEqualTo("LINK Conversations refused the message (HTTP 400,"
                + " INVALID_RECIPIENT): recipient … is not a mobile number");
    }

    @Test
    void anUnavailableLinkIsRetriedBySqs() {
        String key = "demo:E-CHAT-3:ask:1";
        link.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));

        SQSBatchResponse failed = handler.handleRequest(event(key, 1), null);

        assertThat(failed.getBatchItemFailures()).hasSize(1);
        assertThat(ledger(key).state()).isEqualTo(SendState.RETRYABLE);
    }
}
