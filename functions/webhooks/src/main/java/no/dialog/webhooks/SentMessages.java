package no.dialog.webhooks;

import jakarta.inject.Singleton;
import java.util.Optional;
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

    SentMessages(SendLedger ledger) {
        this.ledger = ledger;
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
    void confirmAccepted(Sent sent, String providerMessageId, int parts) {
        SendState state = sent.entry().state();
        if (state == SendState.INTENDED || state == SendState.UNCONFIRMED) {
            ledger.markSent(sent.key().key(), providerMessageId, Math.max(parts, 1));
        }
    }
}
