package no.dialog.sendnewsletter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.aws.testing.EventFiles;
import no.dialog.aws.testing.SenderFunctionFixture;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.enrolment.SignalMessages;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.journey.Signal;
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
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The real handler on a real application context, against DynamoDB Local, ElasticMQ and WireMock
 * answering as Make, fed with events/send-newsletter/send-request.json.
 */
class SendNewsletterHandlerTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:30:00Z"), OsloTime.ZONE);
    private static final String KEY = "demo:E-NEWS-1:join:1";
    private static final String LOOKUP = "/api/public/v2/subscribers/by_email";
    private static final String SUBSCRIBE = "/api/public/v2/subscribers";

    /** Stands in for the provider: started before {@code startFunction}, cleared before each test. */
    @RegisterExtension
    static final WireMockExtension make = WireMockExtension.newInstance()
            .options(options().dynamicPort().bindAddress("127.0.0.1")).build();

    private static SenderFunctionFixture function;
    private static ApplicationContext context;
    private static SendNewsletterHandler handler;

    @BeforeAll
    static void startFunction() {
        function = SenderFunctionFixture.start("send-newsletter", KEY, Map.of(
                "MAKE_BASE_URL", make.baseUrl() + "/api/public/v2", "MAKE_USER_ID", "9874",
                "MAKE_API_KEY_SECRET_ARN", no.dialog.aws.testing.TestSecrets.create(no.dialog.emulators.SharedEmulators.get(), "make-api-key", "secret")),
                CLOCK);
        context = function.context();
        handler = new SendNewsletterHandler(context);

        context.getBean(TenantDirectory.class).createIfAbsent(new Tenant(DEMO, "Demo Organisation", CLOCK.instant()));
        person("M-500001", new Consent(true, "landing page", Instant.parse("2026-10-01T09:00:00Z")));
        person("M-500002", null);
        context.getBean(TemplateStore.class).save(DEMO, new MessageTemplate("monthly-news", SendChannel.NEWSLETTER, "nb",
                null, "1466"));
    }

    private static void person(String id, Consent consent) {
        context.getBean(ContactStore.class).upsert(DEMO, new Contact(id, Instant.parse("2026-11-01T00:00:00Z"),
                "Kari", "Nordmann", null, null, "kari.nordmann@example.no", null, null, null, null, null, null,
                consent == null ? null : Map.of(Channel.NEWSLETTER, consent), null, null));
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    @BeforeEach
    void makeKnowsThePersonFromAnotherList() {
        make.resetAll();
        make.stubFor(post(urlEqualTo(LOOKUP)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(payload("make-subscriber-found.json"))));
        make.stubFor(post(urlPathEqualTo(SUBSCRIBE)).withQueryParam("subscriber_list_id[]", equalTo("1466"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(payload("make-subscribe-response.json"))));
    }

    private static String payload(String name) {
        return EventFiles.read("send-newsletter", name);
    }

    private static SQSEvent event(String key, String contactId, int receiveCount) {
        SQSEvent event = function.event(key, receiveCount);
        SQSEvent.SQSMessage message = event.getRecords().get(0);
        message.setBody(message.getBody().replace("M-500001", contactId));
        return event;
    }

    private static List<Signal> responses() {
        SqsClient sqs = function.emulators().sqs();
        List<Signal> found = new ArrayList<>();
        List<Message> messages;
        do {
            messages = sqs.receiveMessage(b -> b.queueUrl(function.responsesUrl()).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            for (Message m : messages) {
                found.add(SignalMessages.parse(m.body()).signal());
                sqs.deleteMessage(b -> b.queueUrl(function.responsesUrl()).receiptHandle(m.receiptHandle()));
            }
        } while (!messages.isEmpty());
        return found;
    }

    @Test
    void addsThePersonToTheListOnceRecordsTheResultAndReportsItAsDelivered() {
        responses();
        SQSBatchResponse first = handler.handleRequest(event(KEY, "M-500001", 1), null);
        SQSBatchResponse again = handler.handleRequest(event(KEY, "M-500001", 2), null);

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(again.getBatchItemFailures()).isEmpty();
        make.verify(1, postRequestedFor(urlPathEqualTo(SUBSCRIBE))
                .withHeader("Authorization", equalTo("Basic OTg3NDpzZWNyZXQ="))
                .withRequestBody(matchingJsonPath("$.external_id", equalTo("M-500001")))
                .withRequestBody(matchingJsonPath("$.SAMTYKKEEPOST",
                        equalTo("granted 2026-10-01T09:00:00Z (landing page)"))));
        LedgerEntry entry = function.ledger(KEY);
        assertThat(entry.state()).isEqualTo(SendState.SENT);
        assertThat(entry.providerMessageId()).isEqualTo("1466/88123/updated");
        assertThat(responses()).singleElement().satisfies(signal -> {
            assertThat(signal.type()).isEqualTo("delivered");
            assertThat(signal.contactId()).isEqualTo("M-500001");
            assertThat(signal.journeyId()).isEqualTo("welcome");
            assertThat(signal.attributes()).containsEntry("listId", "1466").containsEntry("result", "updated")
                    .containsEntry("channel", "newsletter");
        });
    }

    @Test
    void aPersonWithoutNewsletterConsentIsRefusedAndMakeIsNeverAsked() {
        responses();
        String key = "demo:E-NEWS-2:join:1";

        SQSBatchResponse response = handler.handleRequest(event(key, "M-500002", 1), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(make.getAllServeEvents()).isEmpty();
        assertThat(function.ledger(key).state()).isEqualTo(SendState.NOT_SENDABLE);
        assertThat(function.ledger(key).reason()).isEqualTo("refused: no consent for newsletter");
        assertThat(responses()).singleElement().satisfies(signal -> assertThat(signal.type()).isEqualTo("failed"));
    }
}
