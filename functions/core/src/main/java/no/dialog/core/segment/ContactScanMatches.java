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
 * which is why large tenants evaluate on a snapshot instead (ADR 0004). A criterion with behaviour
 * conditions first reads the histories of the journeys it names, once per evaluation (ADR 0007).
 */
public final class ContactScanMatches implements SegmentMatches {

    private final ContactStore contacts;
    private final BehaviourHistories histories;
    private final Clock clock;

    public ContactScanMatches(ContactStore contacts, BehaviourHistories histories, Clock clock) {
        this.contacts = contacts;
        this.histories = histories;
        this.clock = clock;
    }

    /** Without a journey runtime: behaviour conditions see an empty history. */
    public ContactScanMatches(ContactStore contacts, Clock clock) {
        this(contacts, BehaviourHistories.NONE, clock);
    }

    @Override
    public long forEachMatch(TenantId tenant, Criterion criterion, Consumer<String> sink) {
        return evaluate(tenant, criterion, sink).matches();
    }

    @Override
    public SegmentEvaluation evaluate(TenantId tenant, Criterion criterion, Consumer<String> sink) {
        java.time.Instant readAt = clock.instant();
        LocalDate today = OsloTime.today(clock);
        BehaviourLookup behaviour = histories.lookupFor(tenant, criterion);
        AtomicLong count = new AtomicLong();
        contacts.forEach(tenant, contact -> {
            if (SegmentEvaluator.matches(contact, behaviour.of(contact.id()), criterion, today)) {
                count.incrementAndGet();
                sink.accept(contact.id());
            }
        });
        return new SegmentEvaluation(count.get(), readAt, null, 0, "register");
    }
}
