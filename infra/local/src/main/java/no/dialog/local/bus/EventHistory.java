package no.dialog.local.bus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The last few events that went over the local buses, for the console. Older events fall
 * off the end, so memory stays bounded however long the stack runs.
 */
final class EventHistory {

    private final int capacity;
    private final Deque<RecordedEvent> newestFirst = new ArrayDeque<>();

    EventHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The event history must hold at least one event; got " + capacity);
        }
        this.capacity = capacity;
    }

    synchronized void add(RecordedEvent event) {
        newestFirst.addFirst(event);
        if (newestFirst.size() > capacity) {
            newestFirst.removeLast();
        }
    }

    /** Up to {@code limit} events, newest first; only the tenant's when {@code tenant} is not null. */
    synchronized List<RecordedEvent> recent(String tenant, int limit) {
        List<RecordedEvent> result = new ArrayList<>(Math.min(limit, newestFirst.size()));
        Iterator<RecordedEvent> events = newestFirst.iterator();
        while (events.hasNext() && result.size() < limit) {
            RecordedEvent event = events.next();
            if (tenant == null || tenant.equals(event.tenant())) {
                result.add(event);
            }
        }
        return result;
    }
}
