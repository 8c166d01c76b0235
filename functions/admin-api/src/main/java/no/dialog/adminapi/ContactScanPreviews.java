package no.dialog.adminapi;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.Preview;
import no.dialog.core.segment.SegmentEvaluator;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Previews by reading every contact of the tenant from the contact store and running core's
 * {@link SegmentEvaluator} over them, a chunk at a time so memory stays bounded.
 */
@Singleton
public class ContactScanPreviews implements SegmentPreviews {

    private static final Logger LOG = LoggerFactory.getLogger(ContactScanPreviews.class);
    private static final int CHUNK = 500;

    private final ContactStore contacts;
    private final Clock clock;

    public ContactScanPreviews(ContactStore contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    @Override
    public Preview preview(TenantId tenant, Criterion criterion, int sampleSize) {
        long started = System.nanoTime();
        // One instant for the whole scan, so every chunk is judged against the same "today".
        SegmentEvaluator evaluator = new SegmentEvaluator(Clock.fixed(clock.instant(), clock.getZone()));
        Accumulator result = new Accumulator(evaluator, criterion, sampleSize);
        contacts.forEach(tenant, result::add);
        Preview preview = result.finish();
        LOG.info("segment preview for tenant {}: {} of {} contacts match, {} ms", tenant, preview.count(),
                result.scanned, (System.nanoTime() - started) / 1_000_000);
        return preview;
    }

    /** Counts and samples chunk by chunk; called from one thread at a time (forEach's promise). */
    private static final class Accumulator {
        private final SegmentEvaluator evaluator;
        private final Criterion criterion;
        private final int sampleSize;
        private final List<Contact> chunk = new ArrayList<>(CHUNK);
        private final List<Preview.Sample> sample = new ArrayList<>();
        private long count;
        private long scanned;

        Accumulator(SegmentEvaluator evaluator, Criterion criterion, int sampleSize) {
            this.evaluator = evaluator;
            this.criterion = criterion;
            this.sampleSize = sampleSize;
        }

        void add(Contact contact) {
            chunk.add(contact);
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
            Preview part = evaluator.preview(chunk, criterion, sampleSize - sample.size());
            count += part.count();
            scanned += chunk.size();
            sample.addAll(part.sample());
            chunk.clear();
        }
    }
}
