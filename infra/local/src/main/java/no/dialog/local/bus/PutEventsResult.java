package no.dialog.local.bus;

import java.util.List;

/**
 * The answer to {@link LocalEventBus#putEvents}: one result per entry, in the order of the
 * request, and how many failed. Like AWS, a failed entry does not fail the call; check
 * {@link #failedEntryCount()}.
 */
public record PutEventsResult(int failedEntryCount, List<PutEventsResultEntry> entries) {

    public PutEventsResult {
        entries = List.copyOf(entries);
    }

    static PutEventsResult of(List<PutEventsResultEntry> entries) {
        int failed = (int) entries.stream().filter(entry -> !entry.isSuccess()).count();
        return new PutEventsResult(failed, entries);
    }
}
