package no.dialog.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.enrolment.ResultScope;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.send.LedgerEntry;
import no.dialog.core.send.LedgerWrite;
import no.dialog.core.send.SendLedger;
import no.dialog.core.send.SendState;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link DynamoDbSendLedger#writeAll} against DynamoDB Local: PartiQL statements in BatchExecuteStatement
 * calls, each write with the condition and the answer of its single-key method.
 */
class DynamoDbSendLedgerWriteAllTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, OsloTime.ZONE);
    private static final ResultScope SCOPE = new ResultScope("J-1", 3, "ask", "B");

    private PartiqlCallsClient calls;
    private String table;
    private DynamoDbSendLedger ledger;

    @BeforeEach
    void newTable() {
        DynamoDbClient dynamoDb = SharedEmulators.get().dynamoDb();
        calls = new PartiqlCallsClient(dynamoDb);
        table = TestTables.withHashKey(dynamoDb, "send-ledger", "pk");
        ledger = new DynamoDbSendLedger(calls, table, CLOCK);
    }

    /** One case: what was written to the key before, and the write under test. */
    private record Case(String name, Function<String, List<LedgerWrite>> before, Function<String, LedgerWrite> write) {
    }

    private static LedgerWrite intent(String key) {
        return new LedgerWrite.Intent(key, DEMO, SendChannel.SMS, "K-1", SCOPE, NOW);
    }

    private static final List<Case> CASES = List.of(
            new Case("intent on a new key", k -> List.of(), k -> intent(k)),
            new Case("intent on a taken key", k -> List.of(intent(k)), k -> intent(k)),
            new Case("intent on a not sendable key", k -> List.of(new LedgerWrite.NotSendable(k, "no number")),
                    k -> intent(k)),
            new Case("sent from intended", k -> List.of(intent(k)), k -> new LedgerWrite.Sent(k, "L-1", 2)),
            new Case("sent without the provider's id", k -> List.of(intent(k)), k -> new LedgerWrite.Sent(k, null, 1)),
            new Case("sent from unconfirmed clears the reason",
                    k -> List.of(intent(k), new LedgerWrite.Unconfirmed(k, "no answer")),
                    k -> new LedgerWrite.Sent(k, "L-2", 1)),
            new Case("sent twice", k -> List.of(intent(k), new LedgerWrite.Sent(k, "L-3", 1)),
                    k -> new LedgerWrite.Sent(k, "L-4", 3)),
            new Case("sent of a key never taken", k -> List.of(), k -> new LedgerWrite.Sent(k, "L-5", 1)),
            new Case("sent after failed", k -> List.of(intent(k), new LedgerWrite.Failed(k, "bad number")),
                    k -> new LedgerWrite.Sent(k, "L-6", 1)),
            new Case("failed from intended", k -> List.of(intent(k)), k -> new LedgerWrite.Failed(k, "bad number")),
            new Case("failed without a reason", k -> List.of(intent(k)), k -> new LedgerWrite.Failed(k, " ")),
            new Case("failed of a key never taken", k -> List.of(), k -> new LedgerWrite.Failed(k, "bad number")),
            new Case("retryable from intended", k -> List.of(intent(k)), k -> new LedgerWrite.Retryable(k, "503")),
            new Case("retryable after sent", k -> List.of(intent(k), new LedgerWrite.Sent(k, "L-7", 1)),
                    k -> new LedgerWrite.Retryable(k, "503")),
            new Case("reclaim of a retryable key", k -> List.of(intent(k), new LedgerWrite.Retryable(k, "503")),
                    k -> new LedgerWrite.Reclaim(k, NOW.plusSeconds(60))),
            new Case("reclaim of an intended key", k -> List.of(intent(k)),
                    k -> new LedgerWrite.Reclaim(k, NOW.plusSeconds(60))),
            new Case("reclaim of a key never taken", k -> List.of(), k -> new LedgerWrite.Reclaim(k, NOW)),
            new Case("unconfirmed from intended", k -> List.of(intent(k)),
                    k -> new LedgerWrite.Unconfirmed(k, "no answer")),
            new Case("unconfirmed from unconfirmed", k -> List.of(intent(k), new LedgerWrite.Unconfirmed(k, "first")),
                    k -> new LedgerWrite.Unconfirmed(k, "second")),
            new Case("not sendable on a new key", k -> List.of(), k -> new LedgerWrite.NotSendable(k, "refused: no consent")),
            new Case("not sendable on a sent key", k -> List.of(intent(k), new LedgerWrite.Sent(k, "L-8", 1)),
                    k -> new LedgerWrite.NotSendable(k, "refused: no consent")));

    @Test
    void everyWriteInOneBatchAnswersAndChangesWhatItsSingleKeyMethodDoes() {
        // Given the same history on two keys per case, made with the single-key methods.
        List<LedgerWrite> batch = new ArrayList<>();
        List<Boolean> oneByOne = new ArrayList<>();
        for (int c = 0; c < CASES.size(); c++) {
            Case each = CASES.get(c);
            String single = "demo:single:" + c;
            String batched = "demo:batched:" + c;
            for (LedgerWrite earlier : each.before().apply(single)) {
                singleKey(earlier);
            }
            for (LedgerWrite earlier : each.before().apply(batched)) {
                singleKey(earlier);
            }
            // When one key gets the write from its single-key method, the other in one writeAll with the rest.
            oneByOne.add(singleKey(each.write().apply(single)));
            batch.add(each.write().apply(batched));
        }
        calls.batchCalls.clear();

        List<Boolean> answers = ledger.writeAll(batch);

        // Then the answers and the entries are the same, case by case.
        assertThat(calls.batchCalls).as("21 statements fit one call").hasSize(1);
        for (int c = 0; c < CASES.size(); c++) {
            String name = CASES.get(c).name();
            assertThat(answers.get(c)).as(name).isEqualTo(oneByOne.get(c));
            Optional<LedgerEntry> single = ledger.find("demo:single:" + c);
            Optional<LedgerEntry> batched = ledger.find("demo:batched:" + c);
            assertThat(batched.isPresent()).as(name + ": exists").isEqualTo(single.isPresent());
            single.ifPresent(expected -> assertThat(batched.orElseThrow()).as(name).usingRecursiveComparison()
                    .ignoringFields("key").isEqualTo(expected));
        }
        assertThat(answers).as("the cases cover both answers").contains(true, false);
        assertThat(ledger.find("demo:batched:7")).as("an UPDATE never creates an entry").isEmpty();
        assertThat(ledger.find("demo:batched:14").orElseThrow().attempts()).isEqualTo(2);
        assertThat(ledger.find("demo:batched:0").orElseThrow().scope()).isEqualTo(SCOPE);
    }

    @Test
    void aHundredIntentsTakeFourCallsAndATakenKeyAmongThemAnswersFalse() {
        ledger.recordIntent("demo:E-17:ask:1", DEMO, SendChannel.SMS, "K-17", NOW);
        List<LedgerWrite> intents = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            intents.add(intent("demo:E-" + i + ":ask:1"));
        }

        List<Boolean> taken = ledger.writeAll(intents);

        assertThat(calls.batchCalls).hasSize(4).allSatisfy(call -> assertThat(call).hasSizeLessThanOrEqualTo(25));
        assertThat(taken.get(17)).isFalse();
        assertThat(taken.stream().filter(t -> t).count()).isEqualTo(99);
        assertThat(ledger.find("demo:E-17:ask:1").orElseThrow().contactId()).as("the first intent stays").isEqualTo("K-17");
        assertThat(ledger.find("demo:E-99:ask:1").orElseThrow().state()).isEqualTo(SendState.INTENDED);
    }

    @Test
    void writesOfTheSameKeyInOneListGoInSuccessiveCallsInTheirOrder() {
        String key = "demo:E-1:ask:1";
        // SQS delivered the request twice: the second intent must find the first, and only one markSent counts.
        List<LedgerWrite> writes = List.of(intent(key), intent("demo:E-2:ask:1"), intent(key),
                new LedgerWrite.Sent(key, "L-1", 1), new LedgerWrite.Sent(key, "L-2", 1));

        List<Boolean> answers = ledger.writeAll(writes);

        assertThat(answers).containsExactly(true, true, false, true, false);
        assertThat(calls.batchCalls).as("one statement per item and call").allSatisfy(call -> assertThat(
                call.stream().filter(s -> PartiqlCallsClient.names(s, key)).count()).isLessThanOrEqualTo(1));
        LedgerEntry entry = ledger.find(key).orElseThrow();
        assertThat(entry.state()).isEqualTo(SendState.SENT);
        assertThat(entry.providerMessageId()).as("the first markSent, not the second").isEqualTo("L-1");
    }

    @Test
    void throttledStatementsAreSentAgainAndEachWriteIsMadeOnce() {
        // The first call throttles every third statement, the second the first statement it gets.
        calls.throttle = (call, statement) -> (call == 0 && statement.parameters().stream().anyMatch(
                p -> p.s() != null && p.s().matches("demo:E-\\d*[036]:ask:1")))
                || (call == 1 && statement.equals(calls.batchCalls.get(1).get(0)));
        List<LedgerWrite> writes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            writes.add(intent("demo:E-" + i + ":ask:1"));
        }
        // The later write of a throttled key must wait for it, and one key is taken already.
        writes.add(new LedgerWrite.Sent("demo:E-3:ask:1", "L-3", 1));
        ledger.recordIntent("demo:E-19:ask:1", DEMO, SendChannel.SMS, "K-19", NOW);

        List<Boolean> answers = ledger.writeAll(writes);

        List<Boolean> expected = new ArrayList<>(java.util.Collections.nCopies(19, true));
        expected.add(false);
        expected.add(true);
        assertThat(answers).isEqualTo(expected);
        assertThat(calls.batchCalls.size()).as("retried in later calls").isGreaterThanOrEqualTo(3);
        assertThat(ledger.find("demo:E-3:ask:1").orElseThrow().state()).isEqualTo(SendState.SENT);
        assertThat(ledger.find("demo:E-6:ask:1").orElseThrow().state()).isEqualTo(SendState.INTENDED);
    }

    @Test
    void aStatementThatStaysThrottledFailsTheCallAfterItsRetriesAndNeverCountsAsMade() {
        String stuck = "demo:E-1:ask:1";
        calls.throttle = (call, statement) -> PartiqlCallsClient.names(statement, stuck);
        PartiqlBatchWriter writer = new PartiqlBatchWriter(calls, 2, java.time.Duration.ofMillis(1));
        List<PartiqlBatchWriter.Statement> statements = List.of(
                new PartiqlBatchWriter.Statement(stuck, "INSERT INTO \"" + table + "\" VALUE {'pk': ?}",
                        List.of(software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(stuck))));

        assertThatThrownBy(() -> writer.run(statements)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("throttled");
        assertThat(calls.batchCalls).as("the first call and two retries").hasSize(3);
        assertThat(ledger.find(stuck)).isEmpty();
    }

    @Test
    void findAllReadsTheEntriesThatExistAsFindDoes() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            keys.add("demo:E-" + i + ":ask:1");
            if (i % 3 != 0) {
                ledger.recordIntent(keys.get(i), DEMO, SendChannel.SMS, "K-1", SCOPE, NOW);
            }
        }
        ledger.markSent(keys.get(1), "L-1", 2);
        calls.singleCalls.clear();

        var found = ledger.findAll(keys);
        List<String> made = List.copyOf(calls.singleCalls);

        assertThat(found).hasSize(100).doesNotContainKey(keys.get(0)).containsKey(keys.get(149));
        assertThat(found.get(keys.get(1))).isEqualTo(ledger.find(keys.get(1)).orElseThrow());
        assertThat(found.get(keys.get(2)).state()).isEqualTo(SendState.INTENDED);
        assertThat(made).as("100 keys a call").containsExactly("BatchGetItem", "BatchGetItem");
    }

    @Test
    void anEmptyListMakesNoCall() {
        assertThat(ledger.writeAll(List.of())).isEmpty();
        assertThat(calls.batchCalls).isEmpty();
    }

    private boolean singleKey(LedgerWrite write) {
        SendLedger one = ledger;
        return switch (write) {
            case LedgerWrite.Intent i -> one.recordIntent(i.key(), i.tenant(), i.channel(), i.contactId(), i.scope(),
                    i.at());
            case LedgerWrite.Reclaim r -> one.reclaim(r.key(), r.at());
            case LedgerWrite.Sent s -> one.markSent(s.key(), s.providerMessageId(), s.parts());
            case LedgerWrite.Failed f -> one.markFailed(f.key(), f.reason());
            case LedgerWrite.Retryable r -> one.markRetryable(r.key(), r.reason());
            case LedgerWrite.Unconfirmed u -> one.markUnconfirmed(u.key(), u.reason());
            case LedgerWrite.NotSendable n -> one.markNotSendable(n.key(), n.reason());
        };
    }
}
