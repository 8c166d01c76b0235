package no.dialog.core.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;
import no.dialog.core.tenant.TenantId;

/** An audit log in memory, for tests of what records and reads it. Newest first by time, then by id. */
public final class InMemoryAuditLog implements AuditLog {

    private final List<AuditRecord> records = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    @Override
    public synchronized String append(AuditEntry entry) {
        String id = String.format("%012d", sequence.incrementAndGet());
        records.add(new AuditRecord(id, entry));
        return id;
    }

    @Override
    public synchronized Page<AuditRecord> list(TenantId tenant, AuditQuery query, PageRequest page) {
        List<AuditRecord> matching = records.stream()
                .filter(r -> Objects.equals(r.entry().tenant(), tenant) && query.matches(r.entry()))
                .sorted(Comparator.comparing((AuditRecord r) -> r.entry().at()).thenComparing(AuditRecord::id).reversed())
                .toList();
        return Page.ofOrdered(matching, AuditRecord::id, page);
    }

    /** Every entry kept, oldest first, whatever its organisation. */
    public synchronized List<AuditRecord> all() {
        return List.copyOf(records);
    }
}
