package no.dialog.core.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.PostalAddress;
import no.dialog.core.enrolment.SendQueues;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.journey.Signal;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.template.SmsParts;
import no.dialog.core.template.TemplateRenderer;
import no.dialog.core.template.TemplateStore;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.InMemoryContactStore;
import no.dialog.core.testing.InMemorySendLedger;
import no.dialog.core.testing.ReachabilityOnlyRules;
import no.dialog.core.testing.ScriptedSmsGateway;
import no.dialog.core.time.OsloTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OnceSenderTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), OsloTime.ZONE);
    private static final String KEY = "demo:E-1:ask:1";

    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final Map<String, MessageTemplate> templates = new HashMap<>();
    private final InMemorySendLedger ledger = new InMemorySendLedger(CLOCK);
    private final ScriptedSmsGateway gateway = new ScriptedSmsGateway();
    private OnceSender<SmsMessage> sender;
    private final List<SendRequest> fallbacks = new ArrayList<>();
    private final List<Signal> published = new ArrayList<>();
    private SendRules rules = new ReachabilityOnlyRules();

    @BeforeEach
    void setUp() {
        contacts.upsert(DEMO, contact("K-1", "+4791234567"));
        templates.put("ask", new MessageTemplate("ask", SendChannel.SMS, "nb", null,
                "Hei {{ firstName }}! Svar på {{ link }} Hilsen {{ organisation }}"));
        sender = sender(null);
    }

    private OnceSender<SmsMessage> sender(String configuredSender) {
        SendQueues queues = new SendQueues() {
            @Override
            public boolean serves(SendChannel channel) {
                return channel == SendChannel.LETTER;
            }

            @Override
            public void enqueue(List<SendRequest> requests) {
                fallbacks.addAll(requests);
            }
        };
        return new OnceSender<>(tenants(new Tenant(DEMO, "Demo Organisation", CLOCK.instant())), contacts,
                templateStore(), new TemplateRenderer(), ledger, (tenant, contact, channel, now) -> rules.check(
                        tenant, contact, channel, now), new SmsDelivery(gateway, configuredSender), queues,
                (tenant, responses) -> published.addAll(responses), CLOCK, links);
    }

    private no.dialog.core.landing.PersonalLinks links = no.dialog.core.landing.PersonalLinks.NONE;

    private static Contact contact(String id, String phone) {
        return new Contact(id, Instant.parse("2026-11-01T00:00:00Z"), "Kari", "Nordmann", null, phone, null, null,
                null, null, null, null, null, null, null, null);
    }

    private static SendRequest request(String key, String contactId, String templateId) {
        return new SendRequest("demo", key, contactId, "E-1", "student", 1, "ask", "sms", null, templateId, "A",
                CLOCK.instant());
    }

    private static TenantDirectory tenants(Tenant... known) {
        return new TenantDirectory() {
            @Override
            public Optional<Tenant> find(TenantId id) {
                for (Tenant t : known) {
                    if (t.id().equals(id)) {
                        return Optional.of(t);
                    }
                }
                return Optional.empty();
            }

            @Override
            public boolean createIfAbsent(Tenant tenant) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<TenantId> all() {
                return List.of(known).stream().map(Tenant::id).toList();
            }
        };
    }

    private TemplateStore templateStore() {
        return new TemplateStore() {
            @Override
            public Optional<MessageTemplate> find(TenantId tenant, String templateId) {
                return DEMO.equals(tenant) ? Optional.ofNullable(templates.get(templateId)) : Optional.empty();
            }

            @Override
            public List<MessageTemplate> list(TenantId tenant) {
                return new ArrayList<>(templates.values());
            }

            @Override
            public void save(TenantId tenant, MessageTemplate template) {
                templates.put(template.id(), template);
            }

            @Override
            public boolean delete(TenantId tenant, String templateId) {
                return templates.remove(templateId) != null;
            }
        };
    }

    private SendOutcome send(SendRequest request) {
        return sender.send(request).outcome();
    }

    private LedgerEntry entry() {
        return ledger.find(KEY).orElseThrow();
    }

    @Test
    void sendsTheRenderedTextToTheContactsNumberAndRecordsTheReceipt() {
        SendOutcome outcome = send(request(KEY, "K-1", "ask"));

        assertThat(outcome).isEqualTo(SendOutcome.SENT);
        SmsMessage sent = gateway.calls().get(0);
        assertThat(sent.destination()).isEqualTo("+4791234567");
        assertThat(sent.sender()).isEqualTo("DemoOrganis");
        assertThat(sent.refId()).isEqualTo(KEY);
        assertThat(sent.text()).startsWith("Hei Kari! Svar på https://dlg.no/p/").endsWith("Hilsen Demo Organisation");
        assertThat(entry().state()).isEqualTo(SendState.SENT);
        assertThat(entry().providerMessageId()).isEqualTo("msg-1");
        assertThat(entry().parts()).isEqualTo(SmsParts.of(sent.text()).parts());
        assertThat(entry().attempts()).isEqualTo(1);
    }

    @Test
    void thePartsTheProviderReportsAreTheOnesRecorded() {
        gateway.then(m -> new SmsReceipt("link-1", 3));

        sender.send(request(KEY, "K-1", "ask"));

        assertThat(entry().parts()).isEqualTo(3);
    }

    @Test
    void sendsNothingTwiceWhenTheRequestIsRedelivered() {
        sender.send(request(KEY, "K-1", "ask"));

        SendOutcome again = send(request(KEY, "K-1", "ask"));

        assertThat(again).isEqualTo(SendOutcome.ALREADY_SETTLED);
        assertThat(gateway.calls()).hasSize(1);
        assertThat(entry().state()).isEqualTo(SendState.SENT);
    }

    @Test
    void aCrashAfterTheProviderAcceptedIsNeverSentAgainButMarkedUnconfirmed() {
        ledger.failNextMarkSent = true;
        assertThatThrownBy(() -> sender.send(request(KEY, "K-1", "ask"))).isInstanceOf(IllegalStateException.class);
        assertThat(entry().state()).as("the crash left only the intent").isEqualTo(SendState.INTENDED);

        SendOutcome redelivered = send(request(KEY, "K-1", "ask"));
        SendOutcome thirdTime = send(request(KEY, "K-1", "ask"));

        assertThat(redelivered).isEqualTo(SendOutcome.UNCONFIRMED);
        assertThat(thirdTime).isEqualTo(SendOutcome.ALREADY_SETTLED);
        assertThat(gateway.calls()).as("the provider was called once").hasSize(1);
        assertThat(entry().state()).isEqualTo(SendState.UNCONFIRMED);
        assertThat(entry().reason()).contains("recorded no outcome");
    }

    @Test
    void anAttemptStillRunningCanRecordItsReceiptAfterARedeliveryMarkedItUnconfirmed() {
        ledger.recordIntent(KEY, DEMO, SendChannel.SMS, "K-1", CLOCK.instant());

        assertThat(send(request(KEY, "K-1", "ask"))).isEqualTo(SendOutcome.UNCONFIRMED);
        ledger.markSent(KEY, "late-1", 1);

        assertThat(gateway.calls()).isEmpty();
        assertThat(entry().state()).isEqualTo(SendState.SENT);
        assertThat(entry().providerMessageId()).isEqualTo("late-1");
    }

    @Test
    void anUnavailableProviderThatAcceptedNothingIsCalledAgainOnTheNextDelivery() {
        gateway.then(m -> {
            throw new ProviderUnavailable("LINK answered HTTP 503", false);
        });

        assertThatThrownBy(() -> sender.send(request(KEY, "K-1", "ask"))).isInstanceOf(ProviderUnavailable.class);
        assertThat(entry().state()).isEqualTo(SendState.RETRYABLE);
        assertThat(entry().reason()).isEqualTo("LINK answered HTTP 503");

        SendOutcome retried = send(request(KEY, "K-1", "ask"));

        assertThat(retried).isEqualTo(SendOutcome.SENT);
        assertThat(gateway.calls()).hasSize(2);
        assertThat(entry().state()).isEqualTo(SendState.SENT);
        assertThat(entry().attempts()).isEqualTo(2);
        assertThat(send(request(KEY, "K-1", "ask"))).isEqualTo(SendOutcome.ALREADY_SETTLED);
        assertThat(gateway.calls()).hasSize(2);
    }

    @Test
    void aTimeoutAfterTheRequestWentOutIsNotSentAgain() {
        gateway.then(m -> {
            throw new ProviderUnavailable("no answer from LINK within 5 s", true);
        });

        SendOutcome outcome = send(request(KEY, "K-1", "ask"));
        SendOutcome redelivered = send(request(KEY, "K-1", "ask"));

        assertThat(outcome).isEqualTo(SendOutcome.UNCONFIRMED);
        assertThat(redelivered).isEqualTo(SendOutcome.ALREADY_SETTLED);
        assertThat(gateway.calls()).hasSize(1);
        assertThat(entry().reason()).isEqualTo("no answer from LINK within 5 s");
    }

    @Test
    void resultsCountEachMessageOnceByWhatHappenedToItAndTheFailuresAddUp() {
        Map<no.dialog.core.journey.ResultCounter, Long> counted = new java.util.EnumMap<>(
                no.dialog.core.journey.ResultCounter.class);
        List<no.dialog.core.enrolment.ResultKey> keys = new ArrayList<>();
        sender = sender.withResults((tenant, added, at) -> added.forEach(key -> {
            keys.add(key);
            counted.merge(key.counter(), key.by(), Long::sum);
        }));
        contacts.upsert(DEMO, contact("K-2", null));
        contacts.upsert(DEMO, contact("K-3", "+4722334455"));
        contacts.upsert(DEMO, contact("K-4", "+4722334466"));
        gateway.then(m -> new SmsReceipt("link-1", 2));
        rules = (tenant, contact, channel, now) -> switch (contact.id()) {
            case "K-3" -> new SendVerdict.Refused("opted out of sms", true);
            case "K-4" -> new SendVerdict.Refused("no consent for sms");
            default -> new ReachabilityOnlyRules().check(tenant, contact, channel, now);
        };
        List<SendRequest> requests = List.of(request(KEY, "K-1", "ask"), request("demo:E-2:ask:1", "K-2", "ask"),
                request("demo:E-3:ask:1", "K-3", "ask"), request("demo:E-4:ask:1", "K-4", "ask"),
                request("demo:E-5:ask:1", "K-missing", "ask"));

        requests.forEach(sender::send);
        requests.forEach(sender::send); // SQS delivered them all again

        assertThat(counted).containsExactlyInAnyOrderEntriesOf(Map.of(
                no.dialog.core.journey.ResultCounter.SENT, 1L, no.dialog.core.journey.ResultCounter.SMS_PARTS, 2L,
                no.dialog.core.journey.ResultCounter.FAILED_OPTED_OUT, 1L,
                no.dialog.core.journey.ResultCounter.FAILED_NO_CONSENT, 1L,
                no.dialog.core.journey.ResultCounter.FAILED_UNREACHABLE, 2L));
        assertThat(keys).allSatisfy(key -> {
            assertThat(key.journeyId()).isEqualTo("student");
            assertThat(key.stepId()).isEqualTo("ask");
            assertThat(key.variant()).isEqualTo("A");
            assertThat(key.channel()).isEqualTo("sms");
        });
        // The ledger keeps where a message counts, for the provider's later reports.
        assertThat(entry().scope()).isEqualTo(new no.dialog.core.enrolment.ResultScope("student", 1, "ask", "A"));
    }

    @Test
    void aRejectedMessageIsRecordedAsFailedWithTheReasonAndNotRetried() {
        gateway.then(m -> {
            throw new ProviderRejected("LINK refused the message: HTTP 400, resultCode 4001");
        });

        SendOutcome outcome = send(request(KEY, "K-1", "ask"));
        SendOutcome redelivered = send(request(KEY, "K-1", "ask"));

        assertThat(outcome).isEqualTo(SendOutcome.FAILED);
        assertThat(redelivered).isEqualTo(SendOutcome.ALREADY_SETTLED);
        assertThat(gateway.calls()).hasSize(1);
        assertThat(entry().state()).isEqualTo(SendState.FAILED);
        assertThat(entry().reason()).contains("resultCode 4001");
    }

    @Test
    void aContactWithoutAMobileNumberIsNotSendableAndNothingIsCalled() {
        contacts.upsert(DEMO, contact("K-2", null));
        contacts.upsert(DEMO, contact("K-3", "+4722334455"));

        assertThat(send(request("demo:E-2:ask:1", "K-2", "ask"))).isEqualTo(SendOutcome.NOT_SENDABLE);
        assertThat(send(request("demo:E-3:ask:1", "K-3", "ask"))).isEqualTo(SendOutcome.NOT_SENDABLE);

        assertThat(gateway.calls()).isEmpty();
        LedgerEntry noPhone = ledger.find("demo:E-2:ask:1").orElseThrow();
        assertThat(noPhone.state()).isEqualTo(SendState.NOT_SENDABLE);
        assertThat(noPhone.reason()).isEqualTo("no mobile number");
        assertThat(ledger.find("demo:E-3:ask:1").orElseThrow().reason())
                .as("a landline cannot take an SMS").isEqualTo("no mobile number");
    }

    @Test
    void aMissingContactIsNotSendable() {
        assertThat(send(request(KEY, "K-404", "ask"))).isEqualTo(SendOutcome.NOT_SENDABLE);
        assertThat(entry().reason()).isEqualTo("contact not found");
        assertThat(gateway.calls()).isEmpty();
    }

    @Test
    void aContactDeletedAfterTheSendDoesNotTurnTheSentEntryIntoNotSendable() {
        sender.send(request(KEY, "K-1", "ask"));
        contacts.delete(DEMO, "K-1", Instant.parse("2026-11-20T00:00:00Z"));

        assertThat(send(request(KEY, "K-1", "ask"))).isEqualTo(SendOutcome.ALREADY_SETTLED);
        assertThat(entry().state()).isEqualTo(SendState.SENT);
    }

    @Test
    void aMissingTemplateIsAPermanentFailureThatLeavesTheLedgerEmptySoARedriveCanSendIt() {
        assertThatThrownBy(() -> sender.send(request(KEY, "K-1", "gone")))
                .isInstanceOf(PermanentFailure.class).hasMessage("template 'gone' not found");
        assertThat(ledger.size()).isZero();
        assertThat(gateway.calls()).isEmpty();

        templates.put("gone", templates.get("ask"));
        assertThat(send(request(KEY, "K-1", "gone"))).isEqualTo(SendOutcome.SENT);
    }

    @Test
    void anEmailTemplateIsNotSentAsAnSms() {
        templates.put("mail", new MessageTemplate("mail", SendChannel.EMAIL, "nb", "Hei", "<p>Hei</p>"));

        assertThatThrownBy(() -> sender.send(request(KEY, "K-1", "mail")))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("is for email, not sms");
    }

    @Test
    void anUnknownTenantOrAKeyOfAnotherTenantGoesToTheDeadLetterQueue() {
        SendRequest unknown = new SendRequest("nobody", "nobody:E-1:ask:1", "K-1", "E-1", "j", 1, "ask", "sms", null,
                "ask", "A", CLOCK.instant());
        SendRequest foreignKey = request("other:E-1:ask:1", "K-1", "ask");

        assertThatThrownBy(() -> sender.send(unknown)).isInstanceOf(PermanentFailure.class)
                .hasMessage("unknown tenant nobody");
        assertThatThrownBy(() -> sender.send(foreignKey)).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("idempotencyKey");
        assertThat(gateway.calls()).isEmpty();
    }

    @Test
    void aConfiguredSenderWinsOverTheOrganisationsName() {
        sender(" ").send(request(KEY, "K-1", "ask"));
        sender("Dialog").send(request("demo:E-1:ask:2", "K-1", "ask"));

        assertThat(gateway.calls()).extracting(SmsMessage::sender).containsExactly("DemoOrganis", "Dialog");
        assertThatThrownBy(() -> sender("Far too long a name")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aContactWithoutAMobileNumberTakesTheStepsFallbackChannelWithItsOwnKeyAndTemplate() {
        contacts.upsert(DEMO, new Contact("K-4", Instant.parse("2026-11-01T00:00:00Z"), "Ola", "Nordmann", null, null,
                null, new PostalAddress("Storgata 1", "0155", "Oslo", "NO"), null, null, null, null, null, null, null,
                null));
        SendRequest request = new SendRequest("demo", "demo:E-4:ask:1", "K-4", "E-4", "student", 1, "ask", "sms",
                "letter", "ask", "A", CLOCK.instant());

        assertThat(send(request)).isEqualTo(SendOutcome.FELL_BACK);
        assertThat(send(request)).as("redelivered").isEqualTo(SendOutcome.ALREADY_SETTLED);

        assertThat(fallbacks).hasSize(1);
        SendRequest instead = fallbacks.get(0);
        assertThat(instead.idempotencyKey()).isEqualTo("demo:E-4:ask:1:letter");
        assertThat(instead.channel()).isEqualTo("letter");
        assertThat(instead.templateId()).isEqualTo("ask-letter");
        assertThat(instead.fallback()).as("a fallback has no fallback of its own").isNull();
        assertThat(ledger.find("demo:E-4:ask:1").orElseThrow().reason()).contains("sent by letter instead");
        assertThat(published).as("falling back is not a failure").isEmpty();
        assertThat(gateway.calls()).isEmpty();
    }

    @Test
    void aFallbackNoSenderServesIsNotSendableAndPublishedAsFailed() {
        contacts.upsert(DEMO, contact("K-2", null));
        SendRequest request = new SendRequest("demo", "demo:E-2:ask:1", "K-2", "E-2", "student", 1, "ask", "sms",
                "email", "ask", "A", CLOCK.instant());

        assertThat(send(request)).isEqualTo(SendOutcome.NOT_SENDABLE);

        assertThat(fallbacks).isEmpty();
        assertThat(published).singleElement().satisfies(signal -> {
            assertThat(signal.type()).isEqualTo("failed");
            assertThat(signal.signalId()).isEqualTo("demo:E-2:ask:1:failed");
            assertThat(signal.enrolmentId()).isEqualTo("E-2");
            assertThat(signal.attributes()).containsEntry("reason", "unreachable").containsEntry("channel", "sms");
        });
    }

    @Test
    void aRefusalByTheRulesIsRecordedWithItsReasonAndTheProviderIsNotCalled() {
        rules = (tenant, contact, channel, now) -> new SendVerdict.Refused("no consent for sms");

        assertThat(send(request(KEY, "K-1", "ask"))).isEqualTo(SendOutcome.REFUSED);
        assertThat(send(request(KEY, "K-1", "ask"))).isEqualTo(SendOutcome.ALREADY_SETTLED);

        assertThat(gateway.calls()).isEmpty();
        assertThat(entry().state()).isEqualTo(SendState.NOT_SENDABLE);
        assertThat(entry().reason()).isEqualTo("refused: no consent for sms");
        assertThat(published).singleElement().satisfies(signal ->
                assertThat(signal.attributes()).containsEntry("reason", "refused"));
    }

    @Test
    void aSendOutsideTheAllowedHoursIsDeferredWithoutTakingTheKey() {
        Instant morning = Instant.parse("2026-11-24T07:00:00Z");
        rules = (tenant, contact, channel, now) -> new SendVerdict.NotBefore(morning, "quiet hours");

        SendResult result = sender.send(request(KEY, "K-1", "ask"));

        assertThat(result.outcome()).isEqualTo(SendOutcome.DEFERRED);
        assertThat(result.notBefore()).isEqualTo(morning);
        assertThat(ledger.size()).isZero();
        assertThat(gateway.calls()).isEmpty();

        rules = new ReachabilityOnlyRules();
        assertThat(send(request(KEY, "K-1", "ask"))).as("tried again in the morning").isEqualTo(SendOutcome.SENT);
    }

    @Test
    void aRejectedMessageIsPublishedAsAFailedResponse() {
        gateway.then(m -> {
            throw new ProviderRejected("LINK refused the message: HTTP 400, resultCode 4001");
        });

        send(request(KEY, "K-1", "ask"));

        assertThat(published).singleElement().satisfies(signal -> {
            assertThat(signal.attributes()).containsEntry("reason", "provider");
            assertThat(signal.journeyId()).isEqualTo("student");
        });
    }

    @Test
    void aTemplateWithALinkGetsThePersonsLinkOnTheSingleAndTheBatchPath() {
        links = (tenant, request, language) -> "https://dlg.no/p/" + request.enrolmentId() + "-link-of-22ch";
        sender = sender(null);

        send(request(KEY, "K-1", "ask"));
        sender.sendAll(List.of(request("demo:E-1:ask:2", "K-1", "ask")));
        sender.withLedgerWrites(Runnable::run).sendAll(List.of(request("demo:E-1:ask:3", "K-1", "ask")));

        assertThat(gateway.calls()).hasSize(3).extracting(SmsMessage::text).allSatisfy(text ->
                assertThat(text).contains("https://dlg.no/p/E-1-link-of-22ch").doesNotContain("xxxx"));
    }
}
