package no.dialog.core.send;

import java.time.Instant;
import no.dialog.core.enrolment.ResultScope;

/**
 * One message in the {@link SendLedger}: what happened to the idempotency key.
 *
 * @param key               the send request's idempotency key ({@code <tenant>:<enrolmentId>:<stepId>:<visit>})
 * @param tenant            the tenant, as text (also the key's prefix)
 * @param channel           the channel's JSON name, e.g. {@code sms}; null for entries that never got an intent
 * @param state             where it stands
 * @param providerMessageId the provider's id once {@link SendState#SENT} (LINK's {@code messageId}), else null
 * @param parts             SMS parts the organisation pays for, once sent; null otherwise
 * @param reason            why it failed, is not sendable, retryable or unconfirmed (no personal data)
 * @param attempts          how many attempts took the key to call the provider
 * @param createdAt         when the entry was first written
 * @param updatedAt         when it last changed
 * @param contactId         the person it is for (recorded with the intent; null for entries without one), so
 *                          that a provider's report can be turned into a response for that person
 * @param scope             where the message's results are counted (null for a message of no journey, and for
 *                          entries written before the ledger kept it)
 */
public record LedgerEntry(String key, String tenant, String channel, SendState state, String providerMessageId,
                          Integer parts, String reason, int attempts, Instant createdAt, Instant updatedAt,
                          String contactId, ResultScope scope) {

    /** An entry that names no results scope. */
    public LedgerEntry(String key, String tenant, String channel, SendState state, String providerMessageId,
                       Integer parts, String reason, int attempts, Instant createdAt, Instant updatedAt,
                       String contactId) {
        this(key, tenant, channel, state, providerMessageId, parts, reason, attempts, createdAt, updatedAt, contactId,
                null);
    }
}
