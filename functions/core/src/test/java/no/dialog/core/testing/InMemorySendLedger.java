package no.dialog.core.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.send.LedgerEntry;
import no.dialog.core.send.SendLedger;
import no.dialog.core.send.SendState;
import no.dialog.core.tenant.TenantId;

/**
 * The send ledger in a map, with the same conditions as the DynamoDB one. {@link #failNextMarkSent} makes
 * the next {@code markSent} throw, as a crash between the provider's answer and the bookkeeping would.
 */
public final class InMemorySendLedger implements SendLedger {

    private static final Set<SendState> OPEN = EnumSet.of(SendState.INTENDED, SendState.UNCONFIRMED);

    private final Map<String, LedgerEntry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    public boolean failNextMarkSent;
    /** Every markSent fails, as if the process died after the provider call (until set back). */
    public volatile boolean crashOnMarkSent;

    public InMemorySendLedger(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized boolean recordIntent(String key, TenantId tenant, SendChannel channel, String contactId,
            Instant at) {
        return recordIntent(key, tenant, channel, contactId, null, at);
    }

    @Override
    public synchronized boolean recordIntent(String key, TenantId tenant, SendChannel channel, String contactId,
            no.dialog.core.enrolment.ResultScope scope, Instant at) {
        if (entries.containsKey(key)) {
            return false;
        }
        entries.put(key, new LedgerEntry(key, tenant.value(), channel.jsonName(), SendState.INTENDED, null, null, null,
                1, at, at, contactId, scope));
        return true;
    }

    @Override
    public synchronized boolean reclaim(String key, Instant at) {
        LedgerEntry e = entries.get(key);
        if (e == null || e.state() != SendState.RETRYABLE) {
            return false;
        }
        entries.put(key, new LedgerEntry(key, e.tenant(), e.channel(), SendState.INTENDED, null, null, e.reason(),
                e.attempts() + 1, e.createdAt(), at, e.contactId(), e.scope()));
        return true;
    }

    @Override
    public synchronized boolean markSent(String key, String providerMessageId, int parts) {
        if (crashOnMarkSent) {
            throw new IllegalStateException("simulated crash before the outcome was recorded");
        }
        if (failNextMarkSent) {
            failNextMarkSent = false;
            throw new IllegalStateException("simulated crash before the outcome was recorded");
        }
        return update(key, OPEN, SendState.SENT, providerMessageId, parts, null);
    }

    @Override
    public synchronized boolean markFailed(String key, String reason) {
        return update(key, OPEN, SendState.FAILED, null, null, reason);
    }

    @Override
    public synchronized boolean markRetryable(String key, String reason) {
        return update(key, OPEN, SendState.RETRYABLE, null, null, reason);
    }

    @Override
    public synchronized boolean markUnconfirmed(String key, String reason) {
        return update(key, EnumSet.of(SendState.INTENDED), SendState.UNCONFIRMED, null, null, reason);
    }

    @Override
    public synchronized boolean markNotSendable(String key, String reason) {
        Instant now = clock.instant();
        return entries.putIfAbsent(key, new LedgerEntry(key, key.substring(0, key.indexOf(':')), null,
                SendState.NOT_SENDABLE, null, null, reason, 0, now, now, null)) == null;
    }

    @Override
    public synchronized boolean recordMilestone(String key, Milestone milestone, Instant at) {
        return entries.containsKey(key) && milestones.add(key + "#" + milestone);
    }

    private final Set<String> milestones = ConcurrentHashMap.newKeySet();

    @Override
    public Optional<LedgerEntry> find(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public int size() {
        return entries.size();
    }

    private boolean update(String key, Set<SendState> from, SendState to, String messageId, Integer parts, String reason) {
        LedgerEntry e = entries.get(key);
        if (e == null || !from.contains(e.state())) {
            return false;
        }
        entries.put(key, new LedgerEntry(key, e.tenant(), e.channel(), to, messageId, parts, reason, e.attempts(),
                e.createdAt(), clock.instant(), e.contactId(), e.scope()));
        return true;
    }
}
