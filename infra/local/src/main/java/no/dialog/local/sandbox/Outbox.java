package no.dialog.local.sandbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * What the provider sandboxes accepted, in memory, newest first. Bounded (the oldest messages go
 * first) so a long-running local stack does not grow without end. Thread-safe.
 */
public final class Outbox {

    public static final int CAPACITY = 10_000;

    private final Deque<OutboxMessage> messages = new ArrayDeque<>();
    private final List<java.util.function.Consumer<OutboxMessage>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Hears of every message the sandboxes accept, beyond the capacity too (the SMS benchmark counts refIds). */
    public void addListener(java.util.function.Consumer<OutboxMessage> listener) {
        listeners.add(listener);
    }

    public void add(OutboxMessage message) {
        listeners.forEach(listener -> listener.accept(message));
        keep(message);
    }

    /**
     * One entry per run file: a file written again under the same key (an SDK retry of a PUT whose first attempt S3
     * had stored, or S3's at-least-once notification) is one file in the drop, so it replaces its entry. Messages to
     * people are all kept: a second SMS must show.
     */
    private synchronized void keep(OutboxMessage message) {
        if (message.runId() != null) {
            messages.removeIf(kept -> message.providerMessageId().equals(kept.providerMessageId()));
        }
        messages.addFirst(message);
        if (messages.size() > CAPACITY) {
            messages.removeLast();
        }
    }

    /**
     * @param tenant  only this tenant's messages, or all when null
     * @param channel only this channel's, or all when null
     */
    public synchronized List<OutboxMessage> newest(String tenant, String channel, int limit) {
        List<OutboxMessage> found = new ArrayList<>();
        Iterator<OutboxMessage> it = messages.iterator();
        while (it.hasNext() && found.size() < limit) {
            OutboxMessage m = it.next();
            if ((tenant == null || tenant.equals(m.tenant())) && (channel == null || channel.equals(m.channel()))) {
                found.add(m);
            }
        }
        return found;
    }

    /** The message a provider gave this id, if it is still kept. */
    public synchronized java.util.Optional<OutboxMessage> find(String providerMessageId) {
        for (OutboxMessage m : messages) {
            if (m.providerMessageId() != null && m.providerMessageId().equals(providerMessageId)) {
                return java.util.Optional.of(m);
            }
        }
        return java.util.Optional.empty();
    }

    public synchronized int size() {
        return messages.size();
    }
}
