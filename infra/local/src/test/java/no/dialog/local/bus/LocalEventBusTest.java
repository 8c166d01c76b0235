package no.dialog.local.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import no.dialog.local.clock.LocalClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalEventBusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00.123Z");
    private static final String BUS = "dialog-dev";
    private static final String CONTACT_CHANGED = "{\"tenant\":\"demo\",\"contactId\":\"c-1\",\"amount\":250}";

    private LocalEventBus events;
    private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void createBus() {
        // Runnable::run: targets are called before putEvents returns, so tests need no waiting.
        events = new LocalEventBus(LocalClock.fixedAt(NOW), Runnable::run);
        events.createBus(BUS);
    }

    @Test
    void deliversTheEnvelopeAwsDeliversToMatchingTargets() throws Exception {
        events.addRule("contact-events", BUS, "{\"source\":[\"org.system\"],\"detail-type\":[\"ContactChanged\"]}",
                delivered::add);

        PutEventsResult result = events.putEvent(
                PutEventsEntry.of("org.system", "ContactChanged", CONTACT_CHANGED).onBus(BUS)
                        .withResources(List.of("arn:aws:s3:::imports")));

        assertThat(result.failedEntryCount()).isZero();
        String eventId = result.entries().get(0).eventId();
        assertThat(delivered).hasSize(1);
        JsonNode envelope = JSON.readTree(delivered.get(0));
        List<String> fieldOrder = new ArrayList<>();
        envelope.fieldNames().forEachRemaining(fieldOrder::add);
        assertThat(fieldOrder).containsExactly(
                "version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail");
        assertThat(envelope.get("version").asText()).isEqualTo("0");
        assertThat(envelope.get("id").asText()).isEqualTo(eventId);
        assertThat(envelope.get("detail-type").asText()).isEqualTo("ContactChanged");
        assertThat(envelope.get("source").asText()).isEqualTo("org.system");
        assertThat(envelope.get("account").asText()).isEqualTo("000000000000");
        assertThat(envelope.get("time").asText()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(envelope.get("region").asText()).isEqualTo("eu-north-1");
        assertThat(envelope.get("resources")).isEqualTo(JSON.readTree("[\"arn:aws:s3:::imports\"]"));
        assertThat(envelope.get("detail")).isEqualTo(JSON.readTree(CONTACT_CHANGED));
    }

    @Test
    void usesTheEntrysOwnTimeWhenGiven() throws Exception {
        events.addRule("all", BUS, "{\"source\":[\"org.system\"]}", delivered::add);

        events.putEvent(PutEventsEntry.of("org.system", "ContactChanged", CONTACT_CHANGED).onBus(BUS)
                .at(Instant.parse("2025-12-24T18:00:00.999Z")));

        assertThat(JSON.readTree(delivered.get(0)).get("time").asText()).isEqualTo("2025-12-24T18:00:00Z");
    }

    @Test
    void deliversOnlyToRulesThatMatchOnTheBusTheEventWasPutOn() {
        List<String> giftRule = new ArrayList<>();
        List<String> defaultBusRule = new ArrayList<>();
        events.addRule("contacts", BUS, "{\"detail-type\":[\"ContactChanged\"]}", delivered::add);
        events.addRule("gifts", BUS, "{\"detail-type\":[\"GiftReceived\"]}", giftRule::add);
        events.addRule("contacts-on-default", LocalEventBus.DEFAULT_BUS, "{\"detail-type\":[\"ContactChanged\"]}",
                defaultBusRule::add);

        events.putEvent(PutEventsEntry.of("org.system", "ContactChanged", CONTACT_CHANGED).onBus(BUS));

        assertThat(delivered).hasSize(1);
        assertThat(giftRule).isEmpty();
        assertThat(defaultBusRule).isEmpty();
    }

    @Test
    void sendsEntriesWithoutABusToTheDefaultBusAndAcceptsBusArns() {
        List<String> onDefault = new ArrayList<>();
        events.addRule("on-default", LocalEventBus.DEFAULT_BUS, "{\"source\":[\"org.system\"]}", onDefault::add);
        events.addRule("on-custom", EventEnvelope.busArn(BUS), "{\"source\":[\"org.system\"]}", delivered::add);

        events.putEvent(PutEventsEntry.of("org.system", "ContactChanged", CONTACT_CHANGED));
        events.putEvent(PutEventsEntry.of("org.system", "ContactChanged", CONTACT_CHANGED).onBus(EventEnvelope.busArn(BUS)));

        assertThat(onDefault).hasSize(1);
        assertThat(delivered).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "exact value            | {\"detail\":{\"tenant\":[\"demo\"]}}                                  | true",
            "other value            | {\"detail\":{\"tenant\":[\"acme\"]}}                                  | false",
            "prefix                 | {\"source\":[{\"prefix\":\"org.\"}]}                                  | true",
            "anything-but           | {\"detail\":{\"tenant\":[{\"anything-but\":[\"acme\"]}]}}             | true",
            "anything-but excluded  | {\"detail\":{\"tenant\":[{\"anything-but\":\"demo\"}]}}               | false",
            "numeric range          | {\"detail\":{\"amount\":[{\"numeric\":[\">\",100,\"<=\",500]}]}}      | true",
            "numeric out of range   | {\"detail\":{\"amount\":[{\"numeric\":[\">\",1000]}]}}                | false",
            "exists                 | {\"detail\":{\"contactId\":[{\"exists\":true}]}}                      | true",
            "does not exist         | {\"detail\":{\"membership\":[{\"exists\":false}]}}                    | true",
            "wildcard               | {\"detail-type\":[{\"wildcard\":\"Contact*\"}]}                       | true",
            "equals-ignore-case     | {\"detail\":{\"tenant\":[{\"equals-ignore-case\":\"DEMO\"}]}}         | true",
            "or                     | {\"$or\":[{\"source\":[\"x\"]},{\"detail\":{\"amount\":[250]}}]}       | true",
    })
    void matchesPatternsTheWayEventBridgeDoes(String name, String pattern, boolean matches) {
        events.addRule("rule", BUS, pattern, delivered::add);

        events.putEvent(PutEventsEntry.of("org.system", "ContactChanged", CONTACT_CHANGED).onBus(BUS));

        assertThat(delivered).hasSize(matches ? 1 : 0);
    }

    @Test
    void reportsBadEntriesWithAwsErrorCodesAndStillPutsTheGoodOnes() {
        events.addRule("all", BUS, "{\"detail-type\":[{\"exists\":true}]}", delivered::add);

        PutEventsResult result = events.putEvents(List.of(
                PutEventsEntry.of(null, "ContactChanged", CONTACT_CHANGED).onBus(BUS),
                PutEventsEntry.of("org.system", " ", CONTACT_CHANGED).onBus(BUS),
                PutEventsEntry.of("org.system", "ContactChanged", null).onBus(BUS),
                PutEventsEntry.of("org.system", "ContactChanged", "{not json").onBus(BUS),
                PutEventsEntry.of("org.system", "ContactChanged", "[1,2]").onBus(BUS),
                PutEventsEntry.of("org.system", "ContactChanged", "{\"a\":1} trailing").onBus(BUS),
                PutEventsEntry.of("aws.events", "Scheduled Event", "{}").onBus(BUS),
                PutEventsEntry.of("org.system", "ContactChanged", CONTACT_CHANGED).onBus("no-such-bus"),
                PutEventsEntry.of("org.system", "ContactChanged", CONTACT_CHANGED).onBus(BUS)));

        assertThat(result.failedEntryCount()).isEqualTo(8);
        assertThat(result.entries()).extracting(PutEventsResultEntry::errorCode).containsExactly(
                "InvalidArgument", "InvalidArgument", "InvalidArgument", "MalformedDetail", "MalformedDetail",
                "MalformedDetail", "NotAuthorizedForSourceException", "ResourceNotFoundException", null);
        assertThat(result.entries().get(0).errorMessage())
                .isEqualTo("Parameter Source is not valid. Reason: Source is a required argument.");
        assertThat(result.entries().get(1).errorMessage())
                .isEqualTo("Parameter DetailType is not valid. Reason: DetailType is a required argument.");
        assertThat(result.entries().get(2).errorMessage())
                .isEqualTo("Parameter Detail is not valid. Reason: Detail is a required argument.");
        assertThat(result.entries().get(3).errorMessage()).isEqualTo("Detail is malformed.");
        assertThat(result.entries().get(7).errorMessage()).isEqualTo("Event bus no-such-bus does not exist.");
        assertThat(result.entries().get(8).isSuccess()).isTrue();
        assertThat(delivered).hasSize(1);
    }

    @Test
    void refusesTheWholeCallLikeAwsWhenItIsEmptyTooLongOrTooLarge() {
        events.addRule("all", BUS, "{\"source\":[\"org.system\"]}", delivered::add);
        PutEventsEntry entry = PutEventsEntry.of("org.system", "ContactChanged", CONTACT_CHANGED).onBus(BUS);
        String bigDetail = "{\"blob\":\"" + "x".repeat(LocalEventBus.MAX_REQUEST_BYTES) + "\"}";

        assertThatThrownBy(() -> events.putEvents(List.of()))
                .isInstanceOf(PutEventsValidationException.class)
                .hasMessageContaining("greater than or equal to 1");
        assertThatThrownBy(() -> events.putEvents(IntStream.range(0, 11).mapToObj(i -> entry).toList()))
                .isInstanceOf(PutEventsValidationException.class)
                .hasMessageContaining("less than or equal to 10");
        assertThatThrownBy(() -> events.putEvents(List.of(entry, PutEventsEntry.of("org.system", "Big", bigDetail).onBus(BUS))))
                .isInstanceOf(PutEventsValidationException.class)
                .hasMessageContaining("Total size of the entries in the request is over the limit");
        assertThat(delivered).isEmpty();
        assertThat(events.recentEvents(null)).isEmpty();
    }

    @Test
    void acceptsTenEntriesInOneCall() {
        PutEventsEntry entry = PutEventsEntry.of("org.system", "ContactChanged", CONTACT_CHANGED).onBus(BUS);

        PutEventsResult result = events.putEvents(IntStream.range(0, 10).mapToObj(i -> entry).toList());

        assertThat(result.failedEntryCount()).isZero();
        assertThat(result.entries()).hasSize(10).allMatch(PutEventsResultEntry::isSuccess);
    }

    @Test
    void countsAFailingTargetAndStillDeliversToTheOthers() {
        events.addRule("a-broken-target", BUS, "{\"source\":[\"org.system\"]}", json -> {
            throw new IllegalStateException("queue is gone");
        });
        events.addRule("working-target", BUS, "{\"source\":[\"org.system\"]}", delivered::add);

        PutEventsResult result = events.putEvent(PutEventsEntry.of("org.system", "ContactChanged", CONTACT_CHANGED).onBus(BUS));

        assertThat(result.failedEntryCount()).isZero();
        assertThat(delivered).hasSize(1);
        assertThat(events.failedDeliveryCount()).isEqualTo(1);
        assertThat(events.deliveredCount()).isEqualTo(1);
    }

    @Test
    void aSlowTargetDoesNotHoldUpTheSender() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        try (LocalEventBus pooled = new LocalEventBus(LocalClock.fixedAt(NOW))) {
            pooled.addRule("slow", LocalEventBus.DEFAULT_BUS, "{\"source\":[\"org.system\"]}", json -> {
                awaitQuietly(release);
                finished.countDown();
            });

            PutEventsResult result = pooled.putEvent(PutEventsEntry.of("org.system", "ContactChanged", CONTACT_CHANGED));

            // putEvents returned while the target is still waiting to be released.
            assertThat(result.failedEntryCount()).isZero();
            assertThat(finished.getCount()).isEqualTo(1);
            release.countDown();
            assertThat(finished.await(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void remembersRecentEventsNewestFirstWithTheRulesTheyMatched() throws Exception {
        events.addRule("contacts", BUS, "{\"detail-type\":[\"ContactChanged\"]}", delivered::add);
        events.addRule("demo-only", BUS, "{\"detail\":{\"tenant\":[\"demo\"]}}", delivered::add);

        events.putEvent(PutEventsEntry.of("org.system", "ContactChanged", CONTACT_CHANGED).onBus(BUS));
        events.putEvent(PutEventsEntry.of("dialog.vipps", "GiftReceived", "{\"tenant\":\"acme\",\"amount\":100}").onBus(BUS));
        events.putEvent(PutEventsEntry.of("dialog.test", "NoTenant", "{}"));

        List<RecordedEvent> all = events.recentEvents(null);
        assertThat(all).extracting(RecordedEvent::detailType).containsExactly("NoTenant", "GiftReceived", "ContactChanged");
        RecordedEvent contactChanged = all.get(2);
        assertThat(contactChanged.bus()).isEqualTo(BUS);
        assertThat(contactChanged.source()).isEqualTo("org.system");
        assertThat(contactChanged.time()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(contactChanged.tenant()).isEqualTo("demo");
        assertThat(contactChanged.matchedRules()).containsExactly("contacts", "demo-only");
        assertThat(contactChanged.detail()).isEqualTo(JSON.readTree(CONTACT_CHANGED));
        assertThat(all.get(1).matchedRules()).isEmpty();
        assertThat(events.recentEvents("demo")).extracting(RecordedEvent::detailType).containsExactly("ContactChanged");
        assertThat(events.recentEvents(null, 1)).extracting(RecordedEvent::detailType).containsExactly("NoTenant");

        JsonNode json = JSON.readTree(events.recentEventsJson("acme"));
        assertThat(json.size()).isEqualTo(1);
        assertThat(json.get(0).get("detailType").asText()).isEqualTo("GiftReceived");
        assertThat(json.get(0).get("detail").get("amount").asInt()).isEqualTo(100);
    }

    @Test
    void forgetsTheOldestEventsBeyondTheHistorySize() {
        LocalEventBus small = new LocalEventBus(LocalClock.fixedAt(NOW), Runnable::run, 3);
        for (int i = 1; i <= 5; i++) {
            small.putEvent(PutEventsEntry.of("dialog.test", "Event" + i, "{}"));
        }

        assertThat(small.recentEvents(null)).extracting(RecordedEvent::detailType)
                .containsExactly("Event5", "Event4", "Event3");
    }

    @Test
    void explainsBadRules() {
        Consumer<String> target = delivered::add;

        assertThatThrownBy(() -> events.addRule("r", "no-such-bus", "{\"source\":[\"x\"]}", target))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event bus no-such-bus does not exist");
        assertThatThrownBy(() -> events.addRule("r", BUS, "{source: x}", target))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not JSON");
        assertThatThrownBy(() -> events.addRule("r", BUS, "{}", target))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-empty JSON object");
        assertThatThrownBy(() -> events.addRule("r", BUS, "{\"source\":\"org.system\"}", target))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Event pattern of rule r");
        assertThatThrownBy(() -> events.createBus("no spaces"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid event bus name");
        assertThat(events.ruleNames(BUS)).isEmpty();
    }

    @Test
    void replacesARuleOfTheSameNameAndRemovesRules() {
        List<String> oldTarget = new ArrayList<>();
        events.addRule("contacts", BUS, "{\"detail-type\":[\"ContactDeleted\"]}", oldTarget::add);
        events.addRule("contacts", BUS, "{\"detail-type\":[\"ContactChanged\"]}", delivered::add);

        events.putEvent(PutEventsEntry.of("org.system", "ContactChanged", CONTACT_CHANGED).onBus(BUS));
        events.putEvent(PutEventsEntry.of("org.system", "ContactDeleted", CONTACT_CHANGED).onBus(BUS));

        assertThat(events.ruleNames(BUS)).containsExactly("contacts");
        assertThat(oldTarget).isEmpty();
        assertThat(delivered).hasSize(1);

        assertThat(events.removeRule("contacts", BUS)).isTrue();
        assertThat(events.removeRule("contacts", BUS)).isFalse();
        events.putEvent(PutEventsEntry.of("org.system", "ContactChanged", CONTACT_CHANGED).onBus(BUS));
        assertThat(delivered).hasSize(1);
    }

    @Test
    void listsItsBuses() {
        events.createBus(BUS); // again: nothing changes

        assertThat(events.busNames()).containsExactly("default", BUS);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
