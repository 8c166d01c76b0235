package no.dialog.core.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.contact.WriteOutcome;
import no.dialog.core.enrolment.SendQueues;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.journey.Signal;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.template.TemplateRenderer;
import no.dialog.core.template.TemplateStore;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.InMemoryContactStore;
import no.dialog.core.testing.InMemorySendLedger;
import no.dialog.core.testing.ReachabilityOnlyRules;
import no.dialog.core.time.OsloTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link OnceSender#sendAll}: a queue batch in one provider call, with every guarantee of {@code send}. */
class OnceSenderBatchTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), OsloTime.ZONE);

    private final CountingContacts contacts = new CountingContacts();
    private final InMemorySendLedger ledger = new InMemorySendLedger(CLOCK);
    private final CountingLedger countingLedger = new CountingLedger(ledger);
    private final BatchGateway gateway = new BatchGateway();
    private final List<SendRequest> fallbacks = new ArrayList<>();
    private final List<Signal> published = java.util.Collections.synchronizedList(new ArrayList<>());
    private SendRules rules = new ReachabilityOnlyRules();
    private OnceSender<SmsMessage> sender;

    @BeforeEach
    void setUp() {
        for (int i = 0; i < 300; i++) {
            contacts.store.upsert(DEMO, contact(id(i), String.format("+4791%06d", i)));
        }
        sender = new OnceSender<>(tenants(), contacts, templates(), new TemplateRenderer(), countingLedger,
                (tenant, contact, channel, now) -> rules.check(tenant, contact, channel, now),
                new SmsDelivery(gateway, "Demo"), queues(), (tenant, responses) -> published.addAll(responses), CLOCK);
    }

    @Test
    void aBatchGoesToTheProviderInOneCallAndEveryKeyIsSent() {
        List<SendAttempt> attempts = sender.sendAll(requests(0, 5));

        assertThat(attempts).extracting(a -> a.result().outcome()).containsOnly(SendOutcome.SENT).hasSize(5);
        assertThat(gateway.batches).hasSize(1);
        assertThat(gateway.batches.get(0)).extracting(SmsMessage::refId).containsExactly(
                key(0), key(1), key(2), key(3), key(4));
        assertThat(ledger.find(key(3)).orElseThrow().state()).isEqualTo(SendState.SENT);
        assertThat(ledger.find(key(3)).orElseThrow().parts()).isEqualTo(1);
    }

    @Test
    void aFirstDeliveryReadsTheContactsInOneCallAndNeverReadsTheLedger() {
        sender.sendAll(requests(0, 50));

        assertThat(contacts.findAllCalls.get()).isEqualTo(1);
        assertThat(contacts.findCalls.get()).isZero();
        assertThat(countingLedger.finds.get()).isZero();
    }

    @Test
    void redeliveringTheSameBatchSendsNothingTwice() {
        List<SendRequest> batch = requests(0, 20);
        sender.sendAll(batch);

        List<SendAttempt> again = sender.sendAll(batch);

        assertThat(again).extracting(a -> a.result().outcome()).containsOnly(SendOutcome.ALREADY_SETTLED);
        assertThat(gateway.sentRefIds()).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void theSameRequestTwiceInOneBatchIsSentOnceAndBothCopiesGetItsOutcome() {
        List<SendRequest> batch = new ArrayList<>(requests(0, 3));
        batch.add(batch.get(1));

        List<SendAttempt> attempts = sender.sendAll(batch);

        assertThat(attempts).extracting(a -> a.result().outcome()).containsOnly(SendOutcome.SENT).hasSize(4);
        assertThat(gateway.sentRefIds()).containsExactly(key(0), key(1), key(2));
        assertThat(ledger.find(key(1)).orElseThrow().state()).isEqualTo(SendState.SENT);
    }

    @Test
    void aBatchTakesItsKeysInOneLedgerWriteAllAndRecordsTheProvidersAnswersInAnother() {
        gateway.reject.add(String.format("+4791%06d", 7));

        List<SendAttempt> attempts = sender.sendAll(requests(0, 100));

        assertThat(attempts).filteredOn(a -> a.result().outcome() == SendOutcome.SENT).hasSize(99);
        assertThat(countingLedger.writeAlls).as("the intents, then the outcomes").containsExactly(100, 100);
        assertThat(countingLedger.singleWrites.get()).isZero();
        assertThat(countingLedger.finds.get()).isZero();
        assertThat(ledger.find(key(7)).orElseThrow().state()).isEqualTo(SendState.FAILED);
    }

    @Test
    void aRedeliveredBatchReadsItsTakenKeysInOneLedgerRead() {
        List<SendRequest> batch = requests(0, 30);
        sender.sendAll(batch);

        List<SendAttempt> again = sender.sendAll(batch);

        assertThat(again).extracting(a -> a.result().outcome()).containsOnly(SendOutcome.ALREADY_SETTLED);
        assertThat(countingLedger.findAlls.get()).isEqualTo(1);
        assertThat(countingLedger.finds.get()).isZero();
        assertThat(gateway.sentRefIds()).hasSize(30).doesNotHaveDuplicates();
    }

    @Test
    void everyRequestTwiceInOneBatchAndTheBatchDeliveredAgainSendsEachKeyOnce() {
        List<SendRequest> twice = new ArrayList<>(requests(0, 50));
        twice.addAll(requests(0, 50));
        java.util.Collections.shuffle(twice, new java.util.Random(17));

        List<SendAttempt> first = sender.sendAll(twice);
        List<SendAttempt> again = sender.sendAll(twice);

        assertThat(first).extracting(a -> a.result().outcome()).containsOnly(SendOutcome.SENT).hasSize(100);
        assertThat(again).extracting(a -> a.result().outcome()).containsOnly(SendOutcome.ALREADY_SETTLED);
        assertThat(gateway.sentRefIds()).hasSize(50).doesNotHaveDuplicates();
        assertThat(countingLedger.writeAlls).as("the copy shares its first's write").startsWith(50, 50);
    }

    @Test
    void aLedgerThatFailsPartWayThroughTheIntentsSendsNothingAndARedeliverySendsNoTakenKey() {
        List<SendRequest> batch = requests(0, 10);
        countingLedger.failAfter = 4;

        List<SendAttempt> failed = sender.sendAll(batch);

        assertThat(failed).allMatch(SendAttempt::failed);
        assertThat(gateway.batches).as("nothing is sent when the intents are in doubt").isEmpty();
        countingLedger.failAfter = -1;

        List<SendAttempt> redelivered = sender.sendAll(batch);

        assertThat(redelivered.subList(0, 4)).extracting(a -> a.result().outcome())
                .as("taken by the failed attempt: maybe sent, never again").containsOnly(SendOutcome.UNCONFIRMED);
        assertThat(redelivered.subList(4, 10)).extracting(a -> a.result().outcome()).containsOnly(SendOutcome.SENT);
        assertThat(gateway.sentRefIds()).containsExactly(key(4), key(5), key(6), key(7), key(8), key(9));
    }

    @Test
    void aLedgerThatFailsRecordingTheOutcomesLeavesTheRestIntendedAndARedeliveryCallsNoOneAgain() {
        List<SendRequest> batch = requests(0, 6);
        countingLedger.failAfter = 6 + 2;

        assertThat(sender.sendAll(batch)).allMatch(SendAttempt::failed);
        countingLedger.failAfter = -1;
        List<SendAttempt> redelivered = sender.sendAll(batch);

        assertThat(redelivered.subList(0, 2)).extracting(a -> a.result().outcome())
                .containsOnly(SendOutcome.ALREADY_SETTLED);
        assertThat(redelivered.subList(2, 6)).extracting(a -> a.result().outcome())
                .containsOnly(SendOutcome.UNCONFIRMED);
        assertThat(gateway.sentRefIds()).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void aCrashBetweenTheProviderCallAndTheBookkeepingLeavesTheKeysIntendedAndARedeliveryDoesNotCallAgain() {
        List<SendRequest> batch = requests(0, 10);
        ledger.crashOnMarkSent = true;

        List<SendAttempt> crashed = sender.sendAll(batch);

        assertThat(crashed).allMatch(SendAttempt::failed);
        assertThat(ledger.find(key(0)).orElseThrow().state()).isEqualTo(SendState.INTENDED);
        ledger.crashOnMarkSent = false;

        List<SendAttempt> redelivered = sender.sendAll(batch);

        assertThat(redelivered).extracting(a -> a.result().outcome()).containsOnly(SendOutcome.UNCONFIRMED);
        assertThat(ledger.find(key(9)).orElseThrow().state()).isEqualTo(SendState.UNCONFIRMED);
        assertThat(gateway.batches).hasSize(1);
    }

    @Test
    void oneRejectedNumberFailsAloneAndIsPublishedAsAFailedResponse() {
        gateway.reject.add(String.format("+4791%06d", 2));

        List<SendAttempt> attempts = sender.sendAll(requests(0, 4));

        assertThat(attempts).extracting(a -> a.result().outcome()).containsExactly(
                SendOutcome.SENT, SendOutcome.SENT, SendOutcome.FAILED, SendOutcome.SENT);
        assertThat(ledger.find(key(2)).orElseThrow().state()).isEqualTo(SendState.FAILED);
        assertThat(published).singleElement().satisfies(signal -> {
            assertThat(signal.type()).isEqualTo("failed");
            assertThat(signal.attributes()).containsEntry("reason", "provider");
        });
    }

    @Test
    void aCallThatSurelyReachedNobodyIsRetriedAndTheRetrySendsEachKeyOnce() {
        gateway.downOnce = new ProviderUnavailable("HTTP 503", false);
        List<SendRequest> batch = requests(0, 5);

        List<SendAttempt> first = sender.sendAll(batch);

        assertThat(first).allSatisfy(a -> assertThat(a.failure()).isInstanceOf(ProviderUnavailable.class));
        assertThat(ledger.find(key(0)).orElseThrow().state()).isEqualTo(SendState.RETRYABLE);

        List<SendAttempt> retried = sender.sendAll(batch);

        assertThat(retried).extracting(a -> a.result().outcome()).containsOnly(SendOutcome.SENT);
        assertThat(gateway.sentRefIds()).hasSize(5).doesNotHaveDuplicates();
        assertThat(ledger.find(key(0)).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void aCallThatMayHaveReachedTheProviderIsNeverRepeated() {
        gateway.downOnce = new ProviderUnavailable("no answer within 5000 ms", true);
        List<SendRequest> batch = requests(0, 3);

        assertThat(sender.sendAll(batch)).extracting(a -> a.result().outcome()).containsOnly(SendOutcome.UNCONFIRMED);
        assertThat(sender.sendAll(batch)).extracting(a -> a.result().outcome())
                .containsOnly(SendOutcome.ALREADY_SETTLED);
        assertThat(gateway.batches).isEmpty();
    }

    @Test
    void eachRequestEndsOnItsOwn() {
        SendRequest unknownContact = request("demo:E-x:ask:1", "nobody", "ask");
        SendRequest missingTemplate = request("demo:E-y:ask:1", id(1), "gone");
        SendRequest otherTenant = new SendRequest("other", "other:E-z:ask:1", id(2), "E-z", "student", 1, "ask",
                "sms", null, "ask", "A", CLOCK.instant());
        SendRequest fine = request(key(3), id(3), "ask");

        List<SendAttempt> attempts = sender.sendAll(List.of(unknownContact, missingTemplate, otherTenant, fine));

        assertThat(attempts.get(0).result().outcome()).isEqualTo(SendOutcome.NOT_SENDABLE);
        assertThat(attempts.get(1).failure()).isInstanceOf(PermanentFailure.class).hasMessageContaining("'gone'");
        assertThat(ledger.find("demo:E-y:ask:1")).isEmpty();
        assertThat(attempts.get(2).failure()).isInstanceOf(PermanentFailure.class).hasMessageContaining("unknown tenant");
        assertThat(attempts.get(3).result().outcome()).isEqualTo(SendOutcome.SENT);
        assertThat(gateway.sentRefIds()).containsExactly(key(3));
    }

    @Test
    void aRedeliveryAfterThePersonLostTheirNumberDoesNotFallBackForAnAlreadySentKey() {
        SendRequest withFallback = new SendRequest("demo", key(0), id(0), "E-0", "student", 1, "ask", "sms",
                "letter", "ask", "A", CLOCK.instant());
        sender.sendAll(List.of(withFallback));
        contacts.store.upsert(DEMO, new Contact(id(0), Instant.parse("2026-11-02T00:00:00Z"), "Kari", "Nordmann",
                null, null, null, null, null, null, null, null, null, null, null, null));

        List<SendAttempt> again = sender.sendAll(List.of(withFallback));

        assertThat(again.get(0).result().outcome()).isEqualTo(SendOutcome.ALREADY_SETTLED);
        assertThat(fallbacks).isEmpty();
        assertThat(ledger.find(key(0)).orElseThrow().state()).isEqualTo(SendState.SENT);
    }

    @Test
    void quietHoursDeferWithoutTakingTheKey() {
        Instant at = Instant.parse("2026-11-24T07:00:00Z");
        rules = (tenant, contact, channel, now) -> new SendVerdict.NotBefore(at, "quiet hours");

        List<SendAttempt> attempts = sender.sendAll(requests(0, 2));

        assertThat(attempts).allSatisfy(a -> assertThat(a.result()).isEqualTo(SendResult.deferredUntil(at)));
        assertThat(ledger.find(key(0))).isEmpty();
        assertThat(gateway.batches).isEmpty();
    }

    @Test
    void twoWorkersWithOverlappingBatchesSendEachKeyOnce() throws Exception {
        List<SendRequest> all = requests(0, 300);
        List<SendRequest> first = all.subList(0, 200);
        List<SendRequest> second = new ArrayList<>(all.subList(100, 300));
        java.util.Collections.reverse(second);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        ExecutorService ledgerWrites = Executors.newFixedThreadPool(8);
        // One worker writes to the ledger from many threads at once, as send-sms does.
        OnceSender<SmsMessage> parallel = sender.withLedgerWrites(ledgerWrites);
        try {
            Future<List<SendAttempt>> a = workers.submit(() -> {
                start.await();
                return parallel.sendAll(first);
            });
            Future<List<SendAttempt>> b = workers.submit(() -> {
                start.await();
                return sender.sendAll(second);
            });
            start.countDown();
            assertThat(a.get(30, TimeUnit.SECONDS)).noneMatch(SendAttempt::failed);
            assertThat(b.get(30, TimeUnit.SECONDS)).noneMatch(SendAttempt::failed);
        } finally {
            workers.shutdownNow();
            ledgerWrites.shutdownNow();
        }

        assertThat(gateway.sentRefIds()).hasSize(300).doesNotHaveDuplicates();
        for (SendRequest request : all) {
            // The loser of a race marks the key UNCONFIRMED; the winner's markSent still lands.
            assertThat(ledger.find(request.idempotencyKey()).orElseThrow().state()).isEqualTo(SendState.SENT);
        }
    }

    // ---- fixtures

    private static String id(int i) {
        return String.format("K-%04d", i);
    }

    private static String key(int i) {
        return "demo:E-" + i + ":ask:1";
    }

    private static List<SendRequest> requests(int from, int to) {
        List<SendRequest> requests = new ArrayList<>();
        for (int i = from; i < to; i++) {
            requests.add(request(key(i), id(i), "ask"));
        }
        return requests;
    }

    private static SendRequest request(String key, String contactId, String templateId) {
        return new SendRequest("demo", key, contactId, "E-1", "student", 1, "ask", "sms", null, templateId, "A",
                CLOCK.instant());
    }

    private static Contact contact(String id, String phone) {
        return new Contact(id, Instant.parse("2026-11-01T00:00:00Z"), "Kari", "Nordmann", null, phone, null, null,
                null, null, null, null, null, null, null, null);
    }

    private SendQueues queues() {
        return new SendQueues() {
            @Override
            public boolean serves(SendChannel channel) {
                return channel == SendChannel.LETTER;
            }

            @Override
            public void enqueue(List<SendRequest> requests) {
                fallbacks.addAll(requests);
            }
        };
    }

    private static TenantDirectory tenants() {
        Tenant demo = new Tenant(DEMO, "Demo Organisation", CLOCK.instant());
        return new TenantDirectory() {
            @Override
            public Optional<Tenant> find(TenantId id) {
                return DEMO.equals(id) ? Optional.of(demo) : Optional.empty();
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
    }

    private static TemplateStore templates() {
        MessageTemplate ask = new MessageTemplate("ask", SendChannel.SMS, "nb", null, "Hei {{ firstName }}!");
        return new TemplateStore() {
            @Override
            public Optional<MessageTemplate> find(TenantId tenant, String templateId) {
                return "ask".equals(templateId) ? Optional.of(ask) : Optional.empty();
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
    }

    /** LINK's batch call as a fake: records each batch, rejects listed numbers, can be down once. */
    private static final class BatchGateway implements SmsGateway {
        final List<List<SmsMessage>> batches = new ArrayList<>();
        final Set<String> reject = new HashSet<>();
        ProviderUnavailable downOnce;

        @Override
        public SmsReceipt send(SmsMessage message) {
            throw new AssertionError("a batch-capable sender must not send one by one");
        }

        @Override
        public synchronized List<DeliveryOutcome> sendBatch(List<SmsMessage> messages) {
            if (downOnce != null) {
                ProviderUnavailable down = downOnce;
                downOnce = null;
                throw down;
            }
            batches.add(List.copyOf(messages));
            List<DeliveryOutcome> outcomes = new ArrayList<>();
            for (SmsMessage message : messages) {
                outcomes.add(reject.contains(message.destination())
                        ? new DeliveryOutcome.Rejected("LINK refused the message (resultCode 106000)")
                        : DeliveryOutcome.accepted("msg-" + message.refId(), 1));
            }
            return outcomes;
        }

        synchronized List<String> sentRefIds() {
            List<String> refIds = new ArrayList<>();
            batches.forEach(batch -> batch.stream().filter(m -> !reject.contains(m.destination()))
                    .forEach(m -> refIds.add(m.refId())));
            return refIds;
        }
    }

    /** Counts how the sender reads contacts. */
    private static final class CountingContacts implements ContactStore {
        final InMemoryContactStore store = new InMemoryContactStore();
        final AtomicInteger findCalls = new AtomicInteger();
        final AtomicInteger findAllCalls = new AtomicInteger();

        @Override
        public Map<String, WriteOutcome> upsertAll(TenantId tenant, List<Contact> contacts) {
            return store.upsertAll(tenant, contacts);
        }

        @Override
        public WriteOutcome upsert(TenantId tenant, Contact contact) {
            return store.upsert(tenant, contact);
        }

        @Override
        public WriteOutcome delete(TenantId tenant, String contactId, Instant updatedAt) {
            return store.delete(tenant, contactId, updatedAt);
        }

        @Override
        public Optional<Contact> find(TenantId tenant, String contactId) {
            findCalls.incrementAndGet();
            return store.find(tenant, contactId);
        }

        @Override
        public Map<String, Contact> findAll(TenantId tenant, Collection<String> contactIds) {
            findAllCalls.incrementAndGet();
            Map<String, Contact> found = new HashMap<>();
            contactIds.forEach(id -> store.find(tenant, id).ifPresent(c -> found.put(id, c)));
            return found;
        }

        @Override
        public long count(TenantId tenant) {
            return store.count(tenant);
        }

        @Override
        public void forEach(TenantId tenant, java.util.function.Consumer<Contact> sink) {
            store.forEach(tenant, sink);
        }

        @Override
        public no.dialog.core.contact.ConsentWithdrawal withdrawConsent(TenantId tenant, String contactId,
                no.dialog.core.contact.Channel channel, no.dialog.core.contact.Consent withdrawn) {
            return store.withdrawConsent(tenant, contactId, channel, withdrawn);
        }
    }

    /**
     * Counts ledger reads, single writes and the sizes of writeAll calls; everything goes to the in-memory
     * ledger. With {@link #failAfter} at n, the writes from the (n+1)th on (counted over writeAll calls) throw
     * after the first n were made, as a ledger call that dies part-way would.
     */
    private static final class CountingLedger implements SendLedger {
        final SendLedger ledger;
        final AtomicInteger finds = new AtomicInteger();
        final AtomicInteger singleWrites = new AtomicInteger();
        final List<Integer> writeAlls = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile int failAfter = -1;
        private int written;

        final AtomicInteger findAlls = new AtomicInteger();

        @Override
        public Map<String, LedgerEntry> findAll(java.util.Collection<String> keys) {
            findAlls.incrementAndGet();
            return ledger.findAll(keys);
        }

        @Override
        public synchronized List<Boolean> writeAll(List<? extends LedgerWrite> writes) {
            writeAlls.add(writes.size());
            if (failAfter >= 0 && written + writes.size() > failAfter) {
                int made = Math.max(0, failAfter - written);
                ledger.writeAll(writes.subList(0, made));
                written += made;
                throw new IllegalStateException("the ledger failed after " + made + " writes of the call");
            }
            written += writes.size();
            return ledger.writeAll(writes);
        }

        CountingLedger(SendLedger ledger) {
            this.ledger = ledger;
        }

        @Override
        public boolean recordIntent(String key, TenantId tenant, SendChannel channel, String contactId, Instant at) {
            singleWrites.incrementAndGet();
            return ledger.recordIntent(key, tenant, channel, contactId, at);
        }

        @Override
        public boolean recordIntent(String key, TenantId tenant, SendChannel channel, String contactId,
                                    no.dialog.core.enrolment.ResultScope scope, Instant at) {
            singleWrites.incrementAndGet();
            return ledger.recordIntent(key, tenant, channel, contactId, scope, at);
        }

        @Override
        public boolean reclaim(String key, Instant at) {
            singleWrites.incrementAndGet();
            return ledger.reclaim(key, at);
        }

        @Override
        public boolean markSent(String key, String providerMessageId, int parts) {
            singleWrites.incrementAndGet();
            return ledger.markSent(key, providerMessageId, parts);
        }

        @Override
        public boolean markFailed(String key, String reason) {
            singleWrites.incrementAndGet();
            return ledger.markFailed(key, reason);
        }

        @Override
        public boolean markRetryable(String key, String reason) {
            singleWrites.incrementAndGet();
            return ledger.markRetryable(key, reason);
        }

        @Override
        public boolean markUnconfirmed(String key, String reason) {
            singleWrites.incrementAndGet();
            return ledger.markUnconfirmed(key, reason);
        }

        @Override
        public boolean markNotSendable(String key, String reason) {
            singleWrites.incrementAndGet();
            return ledger.markNotSendable(key, reason);
        }

        @Override
        public boolean recordMilestone(String key, Milestone milestone, Instant at) {
            return ledger.recordMilestone(key, milestone, at);
        }

        @Override
        public Optional<LedgerEntry> find(String key) {
            finds.incrementAndGet();
            return ledger.find(key);
        }
    }
}
