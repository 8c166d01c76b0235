package no.dialog.local.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state behind every view of one {@link LocalClock}: real time, the offset, the
 * listeners and the optional file. Views in different zones share one instance, which is
 * what makes them move together.
 */
final class SharedOffset {

    private static final Logger LOG = LoggerFactory.getLogger(LocalClock.class);

    private final Clock realTime;
    private final OffsetFile file;
    private final List<ClockAdvanceListener> listeners = new CopyOnWriteArrayList<>();
    // Written only under the lock in advance(); volatile so readers on other threads see it at once.
    private volatile Duration offset;

    SharedOffset(Clock realTime, OffsetFile file) {
        this.realTime = realTime;
        this.file = file;
        this.offset = file == null ? Duration.ZERO : file.read();
        if (!offset.isZero()) {
            LOG.info("Local clock runs {} ahead of real time (kept in {})", offset, file.path());
        }
    }

    Instant now() {
        return realTime.instant().plus(offset);
    }

    Duration offset() {
        return offset;
    }

    Instant advance(Duration by) {
        Objects.requireNonNull(by, "by");
        if (by.isZero() || by.isNegative()) {
            throw new IllegalArgumentException(
                    "The local clock only moves forward; got " + by + ". Give a positive duration such as P1D or PT2H.");
        }
        ClockAdvanced advanced;
        // One advance at a time, so the file and the listeners see advances in the order they happened.
        synchronized (this) {
            Duration newOffset = offset.plus(by);
            if (file != null) {
                file.write(newOffset); // first, so a failed write leaves the clock unchanged
            }
            offset = newOffset;
            advanced = new ClockAdvanced(by, newOffset, now());
            LOG.info("Local clock advanced by {}; it is now {} (offset {})", by, advanced.now(), newOffset);
            notifyListeners(advanced);
        }
        return advanced.now();
    }

    void addListener(ClockAdvanceListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void removeListener(ClockAdvanceListener listener) {
        listeners.remove(listener);
    }

    private void notifyListeners(ClockAdvanced advanced) {
        for (ClockAdvanceListener listener : listeners) {
            try {
                listener.clockAdvanced(advanced);
            } catch (RuntimeException e) {
                // One broken listener must not keep the others (the scheduler, say) from hearing about it.
                LOG.warn("A clock listener failed after advancing by {}", advanced.by(), e);
            }
        }
    }
}
