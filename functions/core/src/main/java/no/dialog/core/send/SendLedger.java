package no.dialog.core.send;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.enrolment.ResultScope;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.tenant.TenantId;

/**
 * Port: the record of every message a sender tried, one entry per idempotency key, written before the
 * provider is called so that no message is sent twice (see {@link OnceSender} and ADR 0005).
 *
 * <p>Every write is conditional on the state it comes from, so two attempts of the same key (SQS can
 * deliver one message twice at once) cannot both take it. A write whose condition does not hold
 * changes nothing. Entries expire some time after they are written (90 days in DynamoDB), long after
 * any redelivery can arrive.
 */
public interface SendLedger {

    /**
     * Takes the key for this attempt: creates the entry in {@link SendState#INTENDED}.
     *
     * @return false if an entry for the key exists already (in any state): then this attempt must not
     *         call the provider
     */
    boolean recordIntent(String key, TenantId tenant, SendChannel channel, String contactId, Instant at);

    /**
     * {@link #recordIntent(String, TenantId, SendChannel, String, Instant)}, keeping where the message's
     * results are counted ({@code scope}, null for a message of no journey) for the provider's reports.
     */
    default boolean recordIntent(String key, TenantId tenant, SendChannel channel, String contactId, ResultScope scope,
                                 Instant at) {
        return recordIntent(key, tenant, channel, contactId, at);
    }

    /**
     * Takes a {@link SendState#RETRYABLE} key back to {@link SendState#INTENDED} for another call.
     *
     * @return false unless the entry was RETRYABLE (another attempt was faster, or it is settled)
     */
    boolean reclaim(String key, Instant at);

    /**
     * INTENDED or UNCONFIRMED → SENT, with the provider's id and the parts it charged.
     *
     * @return whether this call made the change (false: it was settled already)
     */
    boolean markSent(String key, String providerMessageId, int parts);

    /**
     * INTENDED or UNCONFIRMED → FAILED, for good.
     *
     * @return whether this call made the change
     */
    boolean markFailed(String key, String reason);

    /**
     * INTENDED or UNCONFIRMED → RETRYABLE: the provider surely accepted nothing, so a later attempt may call.
     *
     * @return whether this call made the change
     */
    boolean markRetryable(String key, String reason);

    /**
     * INTENDED → UNCONFIRMED: found by an attempt after an earlier one took the key and left no outcome.
     *
     * @return false if the entry was not INTENDED any more (the earlier attempt finished meanwhile)
     */
    boolean markUnconfirmed(String key, String reason);

    /**
     * Creates the entry as NOT_SENDABLE, unless one exists (which then stays as it is).
     *
     * @return whether this call created it
     */
    boolean markNotSendable(String key, String reason);

    /**
     * Records that the provider reported {@code milestone} for the message, once: the first report of it
     * returns true, every later one (a redelivered report, a second open) false, and so does a key the
     * ledger does not know. Results count a milestone only when this returns true.
     */
    boolean recordMilestone(String key, Milestone milestone, Instant at);

    /** What a provider can report about a message after it took it; each is recorded once per message. */
    enum Milestone {
        /** The final delivery report: delivered, failed or expired. */
        REPORTED,
        /** The first open of an e-mail. */
        OPENED,
        /** The first click in an e-mail. */
        CLICKED
    }

    Optional<LedgerEntry> find(String key);

    /**
     * The entries of these keys that exist, read as {@link #find} reads them (strongly consistent), by key.
     * A ledger may read them in fewer calls (DynamoDB: BatchGetItem, 100 keys a call); this default reads
     * them one by one.
     */
    default Map<String, LedgerEntry> findAll(Collection<String> keys) {
        Map<String, LedgerEntry> found = new LinkedHashMap<>();
        for (String key : new LinkedHashSet<>(keys)) {
            find(key).ifPresent(entry -> found.put(key, entry));
        }
        return found;
    }

    /**
     * Makes each write as its single-key method would, in the list's order for writes of the same key, and
     * answers for each (in the same order) whether it made the change. Writes of different keys are
     * independent: one whose condition fails changes nothing and does not stop the others. A ledger may make
     * them in fewer calls (DynamoDB: PartiQL {@code BatchExecuteStatement}, 25 conditional statements per
     * call); this default makes them one by one.
     *
     * <p>If it throws, any of the writes may or may not have been made; each made write is as final as a
     * single-key one, so a caller treats every key of the list as possibly taken.
     *
     * @return one answer per write, in the same order
     */
    default List<Boolean> writeAll(List<? extends LedgerWrite> writes) {
        List<Boolean> answers = new ArrayList<>(writes.size());
        for (LedgerWrite write : writes) {
            answers.add(switch (write) {
                case LedgerWrite.Intent i -> recordIntent(i.key(), i.tenant(), i.channel(), i.contactId(), i.scope(),
                        i.at());
                case LedgerWrite.Reclaim r -> reclaim(r.key(), r.at());
                case LedgerWrite.Sent s -> markSent(s.key(), s.providerMessageId(), s.parts());
                case LedgerWrite.Failed f -> markFailed(f.key(), f.reason());
                case LedgerWrite.Retryable r -> markRetryable(r.key(), r.reason());
                case LedgerWrite.Unconfirmed u -> markUnconfirmed(u.key(), u.reason());
                case LedgerWrite.NotSendable n -> markNotSendable(n.key(), n.reason());
            });
        }
        return answers;
    }
}
