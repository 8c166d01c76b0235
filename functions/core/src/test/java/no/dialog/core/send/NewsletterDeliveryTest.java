package no.dialog.core.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.compliance.NorwegianSendRules;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.Contact;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.journey.Signal;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.template.TemplateRenderer;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.InMemoryContactStore;
import no.dialog.core.testing.InMemorySendLedger;
import no.dialog.core.testing.SenderParts;
import no.dialog.core.time.OsloTime;
import org.junit.jupiter.api.Test;

class NewsletterDeliveryTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), OsloTime.ZONE);
    private static final NewsletterAccount DEFAULT = new NewsletterAccount("9874", "key", null);
    private static final Consent GRANTED = new Consent(true, "landing page", Instant.parse("2026-10-01T09:00:00Z"));

    private final List<NewsletterSubscription> calls = new ArrayList<>();
    private final no.dialog.core.tenant.InMemoryProviderCredentials credentials =
            new no.dialog.core.tenant.InMemoryProviderCredentials(CLOCK);
    private final List<Signal> published = new ArrayList<>();
    private final InMemorySendLedger ledger = new InMemorySendLedger(CLOCK);
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final Map<String, MessageTemplate> templates = new HashMap<>(Map.of(
            "monthly", new MessageTemplate("monthly", SendChannel.NEWSLETTER, "nb", null, "1466")));
    private ListSync answer = ListSync.ADDED;
    private final NewsletterGateway gateway = subscription -> {
        calls.add(subscription);
        return new ListSyncResult("88123", answer);
    };

    private OnceSender<NewsletterSubscription> sender(Tenant tenant) {
        return new OnceSender<>(SenderParts.tenants(tenant), contacts, SenderParts.templates(DEMO, templates),
                new TemplateRenderer(), ledger, new NorwegianSendRules(),
                new NewsletterDelivery(gateway, () -> DEFAULT, credentials), SenderParts.noFallbacks(),
                (t, responses) -> published.addAll(responses), CLOCK);
    }

    private static Tenant demo(Map<String, String> settings) {
        return new Tenant(DEMO, "Demo Organisation", CLOCK.instant(), settings);
    }

    private static SendRequest request(String key, String templateId) {
        return new SendRequest("demo", key, "K-1", "E-1", "news", 1, "join", "newsletter", null, templateId, "A",
                CLOCK.instant());
    }

    private void person(String email, Consent consent) {
        contacts.upsert(DEMO, new Contact("K-1", Instant.parse("2026-11-01T00:00:00Z"), "Kari", "Nordmann", null,
                null, email, null, null, null, null, null, null, consent == null ? null : Map.of(Channel.NEWSLETTER,
                consent), null, null));
    }

    @Test
    void addsThePersonToTheTemplatesListWithConsentRecordsItAndPublishesDeliveredWithTheResult() {
        person(" Kari.Nordmann@Example.no ", GRANTED);

        assertThat(sender(demo(Map.of())).send(request("demo:E-1:join:1", "monthly")).outcome())
                .isEqualTo(SendOutcome.SENT);

        assertThat(calls).singleElement().satisfies(s -> {
            assertThat(s.account()).isEqualTo(DEFAULT);
            assertThat(s.listId()).isEqualTo("1466");
            assertThat(s.email()).as("trimmed, domain in lower case").isEqualTo("Kari.Nordmann@example.no");
            assertThat(s.externalId()).isEqualTo("K-1");
            assertThat(s.consent()).isEqualTo(GRANTED);
        });
        LedgerEntry entry = ledger.find("demo:E-1:join:1").orElseThrow();
        assertThat(entry.state()).isEqualTo(SendState.SENT);
        assertThat(entry.providerMessageId()).isEqualTo("1466/88123/added");
        assertThat(published).singleElement().satisfies(signal -> {
            assertThat(signal.type()).isEqualTo("delivered");
            assertThat(signal.signalId()).isEqualTo("demo:E-1:join:1:delivered");
            assertThat(signal.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("listId", "1466",
                    "result", "added", "channel", "newsletter", "stepId", "join"));
            assertThat(signal.journeyId()).isEqualTo("news");
            assertThat(signal.enrolmentId()).isEqualTo("E-1");
        });
    }

    @Test
    void aRedeliveredRequestNeitherSubscribesNorPublishesAgain() {
        person("kari@example.no", GRANTED);
        answer = ListSync.ALREADY_SUBSCRIBED;
        OnceSender<NewsletterSubscription> sender = sender(demo(Map.of()));

        sender.send(request("demo:E-1:join:1", "monthly"));
        assertThat(sender.send(request("demo:E-1:join:1", "monthly")).outcome()).isEqualTo(SendOutcome.ALREADY_SETTLED);

        assertThat(calls).hasSize(1);
        assertThat(published).singleElement()
                .satisfies(s -> assertThat(s.attributes()).containsEntry("result", "already-subscribed"));
    }

    @Test
    void withoutNewsletterConsentThePersonIsRefusedAndNeverSentToMake() {
        person("kari@example.no", null);
        assertThat(sender(demo(Map.of())).send(request("demo:E-1:join:1", "monthly")).outcome())
                .isEqualTo(SendOutcome.REFUSED);
        person("kari@example.no", new Consent(false, "phone call", GRANTED.at()));
        assertThat(sender(demo(Map.of())).send(request("demo:E-2:join:1", "monthly")).outcome())
                .isEqualTo(SendOutcome.REFUSED);

        assertThat(calls).isEmpty();
        assertThat(ledger.find("demo:E-1:join:1").orElseThrow().reason()).isEqualTo("refused: no consent for newsletter");
        assertThat(published).extracting(Signal::type).containsExactly("failed", "failed");
    }

    @Test
    void theTenantsOwnMakeAccountWinsOverTheDefault() {
        person("kari@example.no", GRANTED);
        credentials.put(DEMO, no.dialog.core.tenant.CredentialProvider.MAKE,
                Map.of("userId", "4711", "apiKey", "secret"), java.util.Optional.empty());

        sender(demo(Map.of("make.consentField", "EXTRA3"))).send(request("demo:E-1:join:1", "monthly"));

        assertThat(calls.get(0).account()).isEqualTo(new NewsletterAccount("4711", "secret", "EXTRA3"));
        assertThat(calls.get(0).account().toString()).doesNotContain("secret");
    }

    @Test
    void aMakeKeyInTheTenantsSettingsIsNotUsed() {
        person("kari@example.no", GRANTED);

        sender(demo(Map.of("make.userId", "4711", "make.apiKey", "in-settings"))).send(request("demo:E-1:join:1",
                "monthly"));

        assertThat(calls.get(0).account()).isEqualTo(DEFAULT);
    }

    @Test
    void noAccountOrATemplateWithoutAListIdFailPermanentlyBeforeTheLedger() {
        person("kari@example.no", GRANTED);

        OnceSender<NewsletterSubscription> noDefault = new OnceSender<>(SenderParts.tenants(demo(Map.of())), contacts,
                SenderParts.templates(DEMO, templates), new TemplateRenderer(), ledger,
                new NorwegianSendRules(), new NewsletterDelivery(gateway, null),
                SenderParts.noFallbacks(), (t, responses) -> published.addAll(responses), CLOCK);
        assertThatThrownBy(() -> noDefault.send(request("demo:E-1:join:1", "monthly")))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("/admin/v1/providers/make");

        // Saved before the list-id rule: the sender refuses it rather than subscribing to nothing.
        templates.put("old", new MessageTemplate("old", SendChannel.NEWSLETTER, "nb", "Nytt", "<p>Hei</p>"));
        assertThatThrownBy(() -> sender(demo(Map.of())).send(request("demo:E-1:join:1", "old")))
                .isInstanceOf(PermanentFailure.class).hasMessage("template 'old' does not name a newsletter list"
                        + " (its body must be the list id)");
        assertThat(ledger.find("demo:E-1:join:1")).isEmpty();
        assertThat(calls).isEmpty();
    }

    @Test
    void aRefusalByTheProviderIsFailedAndNotDelivered() {
        person("kari@example.no", GRANTED);
        NewsletterGateway refusing = subscription -> {
            throw new ProviderRejected("Make: the person unsubscribed there; not subscribed again");
        };
        OnceSender<NewsletterSubscription> sender = new OnceSender<>(SenderParts.tenants(demo(Map.of())), contacts,
                SenderParts.templates(DEMO, templates), new TemplateRenderer(), ledger,
                new NorwegianSendRules(), new NewsletterDelivery(refusing, DEFAULT),
                SenderParts.noFallbacks(), (t, responses) -> published.addAll(responses), CLOCK);

        assertThat(sender.send(request("demo:E-1:join:1", "monthly")).outcome()).isEqualTo(SendOutcome.FAILED);
        assertThat(published).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo("failed");
            assertThat(s.attributes()).containsEntry("reason", "provider");
        });
    }
}
