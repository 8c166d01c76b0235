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
 * answering as LINK Conversations, fed with events/send-chat/send-request.json.
 */
class SendChatHandlerTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:30:00Z"), OsloTime.ZONE);
    private static final String KEY = "demo:E-CHAT-1:ask:1";
    private static final String PATH = "/conversations/v1/messages";

    /** Stands in for the provider: started before {@code startFunction}, cleared before each test. */
    @RegisterExtension
    static final WireMockExtension link = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

    private static SenderFunctionFixture function;
    private static ApplicationContext context;
    private static SendChatHandler handler;

    @BeforeAll
    static void startFunction() {
        function = SenderFunctionFixture.start("send-chat", KEY, Map.of("LINK_CHAT_BASE_URL", link.baseUrl(),
                "LINK_CHAT_USERNAME", "dialog", "LINK_CHAT_PASSWORD_SECRET_ARN",
                no.dialog.aws.testing.TestSecrets.create(no.dialog.emulators.SharedEmulators.get(), "link-chat-password", "secret"),
                "PUBLIC_BASE_URL", "https://api.dialog.example"), CLOCK);
        context = function.context();
        handler = new SendChatHandler(context);

        context.getBean(TenantDirectory.class).createIfAbsent(new Tenant(DEMO, "Demo Organisation", CLOCK.instant()));
        // Kari said yes to chat: the send rules let nobody without consent or a relationship get one.
        context.getBean(ContactStore.class).upsert(DEMO, new Contact("M-500001", Instant.parse("2026-11-01T00:00:00Z"),
                "Kari", "Nordmann", null, "+4791234567", null, null, null, null, null, null, null,
                Map.of(Channel.CHAT, new Consent(true, "web-form", Instant.parse("2026-10-01T10:00:00Z"))), null, null));
        context.getBean(TemplateStore.class).save(DEMO, new MessageTemplate("student-chat", SendChannel.CHAT, "nb", null,
                "Hei {{ firstName }}! Er du fortsatt student? Svar JA eller NEI. Hilsen {{ organisation }}"));
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    @BeforeEach
    void linkAccepts() {
        link.resetAll();
        link.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(payload("link-chat-message-response.json"))));
    }

    private static String payload(String name) {
        return EventFiles.read("send-chat", name);
    }

    private static int linkCallsFor(String key) {
        return link.countRequestsMatching(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.refId", equalTo(key))).build()).getCount();
    }

    @Test
    void sendsTheChatMessageOnceWithItsReplyWebhookAndNothingMoreWhenRedelivered() {
        SQSBatchResponse first = handler.handleRequest(function.event(KEY, 1), null);
        SQSBatchResponse again = handler.handleRequest(function.event(KEY, 2), null);

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
        LedgerEntry entry = function.ledger(KEY);
        assertThat(entry.state()).isEqualTo(SendState.SENT);
        assertThat(entry.providerMessageId()).isEqualTo("c0nv-msg-6f1d2a");
        assertThat(entry.parts()).isEqualTo(1);
    }

    @Test
    void aRefusalByLinkIsRecordedAndNotRetried() {
        String key = "demo:E-CHAT-2:ask:1";
        link.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(payload("link-chat-error-bad-request.json"))));

        SQSBatchResponse response = handler.handleRequest(function.event(key, 1), null);

        assertThat(response.getBatchItemFailures()).as("no retry").isEmpty();
        assertThat(function.ledger(key).state()).isEqualTo(SendState.FAILED);
        assertThat(function.ledger(key).reason()).isEqualTo("LINK Conversations refused the message (HTTP 400,"
                + " INVALID_RECIPIENT): recipient … is not a mobile number");
    }

    @Test
    void anUnavailableLinkIsRetriedBySqs() {
        String key = "demo:E-CHAT-3:ask:1";
        link.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));

        SQSBatchResponse failed = handler.handleRequest(function.event(key, 1), null);

        assertThat(failed.getBatchItemFailures()).hasSize(1);
        assertThat(function.ledger(key).state()).isEqualTo(SendState.RETRYABLE);
    }
}
