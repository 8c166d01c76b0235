package no.dialog.aws.dynamodb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementError;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementErrorCodeEnum;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;

/**
 * Runs conditional PartiQL writes (INSERT, UPDATE ... WHERE) through {@code BatchExecuteStatement}, 25 to a
 * call, and answers for each whether it was made or its condition failed. Unlike BatchWriteItem, every
 * statement keeps its own condition and gets its own answer; unlike TransactWriteItems, one failed
 * condition does not undo the others.
 *
 * <p>Two rules of the call shape this class:
 * <ul>
 *   <li>DynamoDB refuses a whole call that has two statements on the same item (ValidationException,
 *       "Provided list of item keys contains duplicates"). Statements on the same item therefore go in
 *       successive calls, in the list's order, so the second sees what the first did (as two single writes
 *       would).</li>
 *   <li>A call can succeed while some of its statements were throttled or hit an internal error: those
 *       (and the later statements on their items) are sent again, with backoff, up to {@code maxRounds}
 *       times; then this throws. A statement whose condition failed is an answer, never retried.</li>
 * </ul>
 */
final class PartiqlBatchWriter {

    /** DynamoDB's limit of statements per BatchExecuteStatement. */
    static final int MAX_STATEMENTS = 25;

    /** One write: {@code item} names the item it changes (its key), so that two on one item never share a call. */
    record Statement(String item, String text, List<AttributeValue> parameters) {
        Statement {
            Objects.requireNonNull(item);
            Objects.requireNonNull(text);
            parameters = List.copyOf(parameters);
        }
    }

    private static final Set<BatchStatementErrorCodeEnum> TRANSIENT = Set.of(
            BatchStatementErrorCodeEnum.THROTTLING_ERROR,
            BatchStatementErrorCodeEnum.PROVISIONED_THROUGHPUT_EXCEEDED,
            BatchStatementErrorCodeEnum.REQUEST_LIMIT_EXCEEDED,
            BatchStatementErrorCodeEnum.INTERNAL_SERVER_ERROR,
            BatchStatementErrorCodeEnum.TRANSACTION_CONFLICT);

    /**
     * A condition that does not hold: an UPDATE's WHERE, or an INSERT of an item that exists (DynamoDB answers
     * that with DuplicateItem, "Duplicate primary key exists in table").
     */
    private static final Set<BatchStatementErrorCodeEnum> CONDITION_FAILED = Set.of(
            BatchStatementErrorCodeEnum.CONDITIONAL_CHECK_FAILED,
            BatchStatementErrorCodeEnum.DUPLICATE_ITEM);

    private final DynamoDbClient dynamoDb;
    private final int maxRounds;
    private final Duration firstBackoff;

    PartiqlBatchWriter(DynamoDbClient dynamoDb, int maxRounds, Duration firstBackoff) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb);
        this.maxRounds = maxRounds;
        this.firstBackoff = Objects.requireNonNull(firstBackoff);
    }

    /**
     * @return one answer per statement, in the same order: true if it was made, false if its condition failed
     * @throws IllegalStateException a statement was refused for another reason, or stayed throttled
     */
    List<Boolean> run(List<Statement> statements) {
        Boolean[] answers = new Boolean[statements.size()];
        List<Integer> pending = new ArrayList<>(statements.size());
        for (int i = 0; i < statements.size(); i++) {
            pending.add(i);
        }
        int retries = 0;
        while (!pending.isEmpty()) {
            // This round: the first pending statement of each item; the item's later ones wait for it.
            Set<String> items = new HashSet<>();
            List<Integer> round = new ArrayList<>();
            List<Integer> waiting = new ArrayList<>();
            for (int i : pending) {
                (items.add(statements.get(i).item()) ? round : waiting).add(i);
            }
            List<Integer> again = new ArrayList<>();
            for (int from = 0; from < round.size(); from += MAX_STATEMENTS) {
                List<Integer> call = round.subList(from, Math.min(round.size(), from + MAX_STATEMENTS));
                List<BatchStatementResponse> responses = dynamoDb.batchExecuteStatement(b -> b.statements(
                        call.stream().map(i -> BatchStatementRequest.builder().statement(statements.get(i).text())
                                .parameters(statements.get(i).parameters()).build()).toList())).responses();
                for (int k = 0; k < call.size(); k++) {
                    BatchStatementError error = responses.get(k).error();
                    int i = call.get(k);
                    if (error == null) {
                        answers[i] = true;
                    } else if (CONDITION_FAILED.contains(error.code())) {
                        answers[i] = false;
                    } else if (TRANSIENT.contains(error.code())) {
                        again.add(i);
                    } else {
                        // The code only: a message could quote the statement's values.
                        throw new IllegalStateException("DynamoDB refused a statement: " + error.codeAsString());
                    }
                }
            }
            if (!again.isEmpty()) {
                if (++retries > maxRounds) {
                    throw new IllegalStateException(again.size() + " statements stayed throttled after "
                            + maxRounds + " retries");
                }
                pause(retries);
            }
            again.addAll(waiting);
            again.sort(null);
            pending = again;
        }
        return List.of(answers);
    }

    /** Exponential backoff with full jitter, as the AWS SDK does for throttled calls. */
    private void pause(int retry) {
        long cap = firstBackoff.toMillis() << Math.min(retry - 1, 10);
        long millis = ThreadLocalRandom.current().nextLong(cap + 1);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry throttled statements", e);
        }
    }
}
