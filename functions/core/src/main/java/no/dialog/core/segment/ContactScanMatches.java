package no.dialog.core.segment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;

/**
 * {@link SegmentMatches} by reading every contact from the store and evaluating each. Simple and
 * always current; its cost grows linearly with the register (one read per contact per evaluation),
 * which is why large tenants evaluate on a snapshot instead (ADR 0004).
 */
public final class ContactScanMatches implements SegmentMatches {

    private final ContactStore contacts;
    private final Clock clock;

    public ContactScanMatches(ContactStore contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    @Override
    public long forEachMatch(TenantId tenant, Criterion criterion, Consumer<String> sink) {
        LocalDate today = OsloTime.today(clock);
        AtomicLong count = new AtomicLong();
        contacts.forEach(tenant, contact -> {
            if (SegmentEvaluator.matches(contact, criterion, today)) {
                count.incrementAndGet();
                sink.accept(contact.id());
            }
        });
        return count.get();
    }
}
