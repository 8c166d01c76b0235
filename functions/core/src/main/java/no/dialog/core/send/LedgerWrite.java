package no.dialog.core.send;

import java.time.Instant;
import java.util.Objects;
import no.dialog.core.enrolment.ResultScope;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.tenant.TenantId;

/**
 * One conditional write of the {@link SendLedger}, as a value, so that many can go in one call
 * ({@link SendLedger#writeAll}). Each kind is exactly one of the port's single-key methods, with its
 * condition: the answer of {@code writeAll} for a write is what that method returns (did this write make
 * the change).
 *
 * <pre>{@code
 * List<Boolean> taken = ledger.writeAll(List.of(
 *         new LedgerWrite.Intent(key1, tenant, SendChannel.SMS, "K-1", scope, now),
 *         new LedgerWrite.Intent(key2, tenant, SendChannel.SMS, "K-2", scope, now)));
 * }</pre>
 */
public sealed interface LedgerWrite {

    /** The idempotency key the write is about. */
    String key();

    /** {@link SendLedger#recordIntent(String, TenantId, SendChannel, String, ResultScope, Instant)}. */
    record Intent(String key, TenantId tenant, SendChannel channel, String contactId, ResultScope scope, Instant at)
            implements LedgerWrite {
        public Intent {
            Objects.requireNonNull(key);
            Objects.requireNonNull(tenant);
            Objects.requireNonNull(channel);
            Objects.requireNonNull(at);
        }
    }

    /** {@link SendLedger#reclaim}. */
    record Reclaim(String key, Instant at) implements LedgerWrite {
        public Reclaim {
            Objects.requireNonNull(key);
            Objects.requireNonNull(at);
        }
    }

    /** {@link SendLedger#markSent}. */
    record Sent(String key, String providerMessageId, int parts) implements LedgerWrite {
        public Sent {
            Objects.requireNonNull(key);
        }
    }

    /** {@link SendLedger#markFailed}. */
    record Failed(String key, String reason) implements LedgerWrite {
        public Failed {
            Objects.requireNonNull(key);
        }
    }

    /** {@link SendLedger#markRetryable}. */
    record Retryable(String key, String reason) implements LedgerWrite {
        public Retryable {
            Objects.requireNonNull(key);
        }
    }

    /** {@link SendLedger#markUnconfirmed}. */
    record Unconfirmed(String key, String reason) implements LedgerWrite {
        public Unconfirmed {
            Objects.requireNonNull(key);
        }
    }

    /** {@link SendLedger#markNotSendable}. */
    record NotSendable(String key, String reason) implements LedgerWrite {
        public NotSendable {
            Objects.requireNonNull(key);
        }
    }
}
