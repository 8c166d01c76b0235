package no.dialog.adminapi;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import no.dialog.aws.snapstart.RestoreHook;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.segment.BehaviourHistories;
import no.dialog.core.segment.BehaviourLookup;
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.Preview;
import no.dialog.core.segment.SegmentEvaluator;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Previews by reading every contact of the tenant from the contact store and running core's
 * {@link SegmentEvaluator} over them, a chunk at a time so memory stays bounded.
 *
 * <p>Reading is nearly all of the cost (5,000 contacts: about a second or two from DynamoDB Local,
 * evaluating them tens of milliseconds), and staff preview again and again while they edit criteria.
 * So a tenant with at most {@code previews.cache-max-contacts} contacts is kept in memory for
 * {@code previews.cache-seconds}: the first preview reads, the next ones within that time only
 * evaluate. Counts can therefore be that many seconds old, which is fine for a preview (never used for
 * sending). A larger tenant is streamed every time without being kept.
 *
 * <p>Criteria with behaviour conditions ({@code journey.*}) read the histories of the journeys they
 * name first, on every preview (they change with every step, so they are never kept).
 */
@Singleton
public class ContactScanPreviews implements SegmentPreviews, RestoreHook {

    private static final Logger LOG = LoggerFactory.getLogger(ContactScanPreviews.class);
    private static final int CHUNK = 500;

    private final ContactStore contacts;
    private final BehaviourHistories histories;
    private final Clock clock;
    private final long cacheNanos;
    private final int cacheMaxContacts;
    private final LongSupplier ticker;
    private final Map<TenantId, Kept> kept = new ConcurrentHashMap<>();

    @Inject
    public ContactScanPreviews(ContactStore contacts, BehaviourHistories histories, Clock clock,
            @Value("${previews.cache-seconds:60}") int cacheSeconds,
            @Value("${previews.cache-max-contacts:20000}") int cacheMaxContacts) {
        this(contacts, histories, clock, Duration.ofSeconds(cacheSeconds), cacheMaxContacts, System::nanoTime);
    }

    /** @param ticker monotonic nanoseconds, for the cache's age (not the clock: the local stack's can jump) */
    ContactScanPreviews(ContactStore contacts, Clock clock, Duration cacheFor, int cacheMaxContacts, LongSupplier ticker) {
        this(contacts, BehaviourHistories.NONE, clock, cacheFor, cacheMaxContacts, ticker);
    }

    ContactScanPreviews(ContactStore contacts, BehaviourHistories histories, Clock clock, Duration cacheFor,
                        int cacheMaxContacts, LongSupplier ticker) {
        this.contacts = contacts;
        this.histories = histories;
        this.clock = clock;
        this.cacheNanos = cacheFor.toNanos();
        this.cacheMaxContacts = cacheMaxContacts;
        this.ticker = ticker;
    }

    /** A tenant's contacts as read at {@code readAt} (ticker time). */
    private record Kept(List<Contact> contacts, long readAt) {}

    @Override
    public Preview preview(TenantId tenant, Criterion criterion, int sampleSize) {
        long started = System.nanoTime();
        // One instant for the whole scan, so every chunk is judged against the same "today".
        SegmentEvaluator evaluator = new SegmentEvaluator(Clock.fixed(clock.instant(), clock.getZone()));
        BehaviourLookup behaviour = histories.lookupFor(tenant, criterion);
        Kept recent = kept.get(tenant);
        if (recent != null && ticker.getAsLong() - recent.readAt() < cacheNanos) {
            Preview preview = evaluator.preview(recent.contacts(), behaviour, criterion, sampleSize);
            LOG.info("segment preview for tenant {}: {} of {} kept contacts match, {} ms", tenant, preview.count(),
                    recent.contacts().size(), (System.nanoTime() - started) / 1_000_000);
            return preview;
        }
        long readAt = ticker.getAsLong();
        Accumulator result = new Accumulator(evaluator, behaviour, criterion, sampleSize, cacheMaxContacts);
        contacts.forEach(tenant, result::add);
        Preview preview = result.finish();
        if (result.keep != null && cacheNanos > 0) {
            kept.put(tenant, new Kept(List.copyOf(result.keep), readAt));
        } else {
            kept.remove(tenant);
        }
        // Reading vs evaluating, so it is clear which a faster preview (a snapshot) has to remove.
        LOG.info("segment preview for tenant {}: {} of {} contacts match, {} ms ({} ms evaluating)", tenant,
                preview.count(), result.scanned, (System.nanoTime() - started) / 1_000_000,
                result.evaluatingNanos / 1_000_000);
        return preview;
    }

    /** Counts and samples chunk by chunk; called from one thread at a time (forEach's promise). */
    private static final class Accumulator {
        private final SegmentEvaluator evaluator;
        private final BehaviourLookup behaviour;
        private final Criterion criterion;
        private final int sampleSize;
        private final int keepAtMost;
        private final List<Contact> chunk = new ArrayList<>(CHUNK);
        private final List<Preview.Sample> sample = new ArrayList<>();
        /** Every contact read, while there are few enough to keep; null once there are too many. */
        private List<Contact> keep = new ArrayList<>();
        private long count;
        private long scanned;
        private long evaluatingNanos;

        Accumulator(SegmentEvaluator evaluator, BehaviourLookup behaviour, Criterion criterion, int sampleSize,
                    int keepAtMost) {
            this.evaluator = evaluator;
            this.behaviour = behaviour;
            this.criterion = criterion;
            this.sampleSize = sampleSize;
            this.keepAtMost = keepAtMost;
        }

        void add(Contact contact) {
            chunk.add(contact);
            if (keep != null) {
                keep.add(contact);
                if (keep.size() > keepAtMost) {
                    keep = null;
                }
            }
            if (chunk.size() == CHUNK) {
                flush();
            }
        }

        Preview finish() {
            flush();
            return new Preview(count, sample);
        }

        private void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            long started = System.nanoTime();
            Preview part = evaluator.preview(chunk, behaviour, criterion, sampleSize - sample.size());
            evaluatingNanos += System.nanoTime() - started;
            count += part.count();
            scanned += chunk.size();
            sample.addAll(part.sample());
            chunk.clear();
        }
    }

    /** Kept contacts are timed by the ticker (System.nanoTime), meaningless across a snapshot and a restore. */
    @Override
    public void afterRestore() {
        kept.clear();
    }
}
