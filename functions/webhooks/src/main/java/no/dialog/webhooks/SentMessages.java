package no.dialog.webhooks;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.time.Instant;
import no.dialog.core.enrolment.ResultScope;
import no.dialog.core.enrolment.ResultTally;
import no.dialog.core.journey.ResultCounter;
import no.dialog.core.enrolment.ResultCounts;
import no.dialog.core.send.LedgerEntry;
import no.dialog.core.send.SendKeys;
import no.dialog.core.send.SendLedger;
import no.dialog.core.send.SendState;
import no.dialog.core.tenant.TenantId;

/**
 * Finds the message a provider's callback is about, by the idempotency key the provider hands back, in
 * the send ledger: it names the person, the enrolment and the journey. A key of another tenant, or one
 * the ledger does not know, finds nothing (the callback is answered 2xx and logged without personal data).
 */
@Singleton
class SentMessages {

    /** The message: its key's parts and the person it went to. */
    record Sent(SendKeys.SendKey key, LedgerEntry entry) {
        String contactId() {
            return entry.contactId();
        }

        String enrolmentId() {
            return key.enrolmentId();
        }

        String journeyId() {
            return key.journeyId().orElse(null);
        }
    }

    private final SendLedger ledger;
    private final ResultCounts results;

    SentMessages(SendLedger ledger, ResultCounts results) {
        this.ledger = ledger;
        this.results = results;
    }

    Optional<Sent> find(TenantId tenant, String idempotencyKey) {
        Optional<SendKeys.SendKey> key = SendKeys.parse(idempotencyKey);
        if (key.isEmpty() || !key.get().tenant().equals(tenant)) {
            return Optional.empty();
        }
        return ledger.find(idempotencyKey)
                .filter(entry -> tenant.value().equals(entry.tenant()) && entry.contactId() != null)
                .map(entry -> new Sent(key.get(), entry));
    }

    /**
     * A report from the provider proves it accepted the message: an attempt that crashed before its
     * bookkeeping (INTENDED, UNCONFIRMED) is settled as SENT, so it is never tried again.
     */
    void confirmAccepted(Sent sent, String providerMessageId, int parts, Instant at) {
        SendState state = sent.entry().state();
        if ((state == SendState.INTENDED || state == SendState.UNCONFIRMED)
                && ledger.markSent(sent.key().key(), providerMessageId, Math.max(parts, 1))) {
            count(sent, ResultCounter.SENT, 1, at);
            if ("sms".equals(sent.entry().channel())) {
                count(sent, ResultCounter.SMS_PARTS, Math.max(parts, 1), at);
            }
        }
    }

    /**
     * Counts what the provider reported about the message in the journey's results, the first time it is
     * reported ({@link SendLedger#recordMilestone}): a redelivered report or a second open counts nothing.
     * A message of no journey, or one sent before the ledger kept its results scope, counts nothing.
     */
    void countFirst(Sent sent, SendLedger.Milestone milestone, ResultCounter counter, Instant at) {
        if (sent.entry().scope() != null && ledger.recordMilestone(sent.key().key(), milestone, at)) {
            count(sent, counter, 1, at);
        }
    }

    private void count(Sent sent, ResultCounter counter, long by, Instant at) {
        ResultScope scope = sent.entry().scope();
        if (scope == null) {
            return;
        }
        // As the senders do: a count that cannot be written is logged and lost, and the report is not refused for it.
        ResultTally tally = new ResultTally();
        tally.add(sent.key().tenant(), scope.key(sent.entry().channel(), counter, by));
        tally.flushTo(results, at);
    }
}
