package no.dialog.core.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.dialog.core.journey.SendChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the runs that had no new item for a while ({@code quiet}) and writes their files, on a schedule
 * (every 5 minutes in AWS). Repeatable: a run is taken only while open, or when left closing for longer
 * than {@link #CLOSING_LEASE} (its closer crashed or timed out; the files are written again under the same
 * keys), and is marked closed only after its files are written. So a tick that runs twice, a tick that
 * starts while the last one still writes a large run, or a tick after a crash, writes each run's files once
 * and complete.
 */
public final class RunCloser {

    private static final Logger LOG = LoggerFactory.getLogger(RunCloser.class);

    /**
     * How long a closer holds the run it took: longer than close-runs may run (its template timeout, 300 s),
     * so a run is taken again only from a closer that is surely gone. A run waiting for its calling window is
     * also left closing, and is looked at again once this has passed.
     */
    public static final Duration CLOSING_LEASE = Duration.ofMinutes(10);

    /** How many runs were closed, are waiting (calling window) or failed (tried again next tick). */
    public record Report(int closed, int waiting, int failed) {}

    private final RunStore runs;
    private final Map<SendChannel, RunFileMaker> makers = new EnumMap<>(SendChannel.class);
    private final Duration quiet;
    private final Clock clock;

    public RunCloser(RunStore runs, List<RunFileMaker> makers, Duration quiet, Clock clock) {
        this.runs = Objects.requireNonNull(runs);
        for (RunFileMaker maker : makers) {
            this.makers.put(maker.channel(), maker);
        }
        this.quiet = Objects.requireNonNull(quiet);
        this.clock = Objects.requireNonNull(clock);
    }

    public Report closeQuietRuns() {
        Instant now = clock.instant();
        int closed = 0;
        int waiting = 0;
        int failed = 0;
        for (Run run : runs.quietRuns(now.minus(quiet))) {
            RunFileMaker maker = makers.get(run.ref().channel());
            if (maker == null) {
                continue;
            }
            try {
                if (!runs.startClosing(run.ref(), run.lastItemAt(), now, now.minus(CLOSING_LEASE))) {
                    continue;
                }
                RunOutput output = maker.make(run, runs.items(run.ref()), now);
                if (output.waiting()) {
                    // Left closing: new sends start the next run; this one is written when it may be.
                    waiting++;
                    LOG.info("run {} {} waits until {}", run.ref().channel().jsonName(), run.ref().runId(),
                            output.notBefore());
                    continue;
                }
                runs.markClosed(run.ref(), output.files(), output.people(), output.excluded(), now);
                closed++;
                LOG.info("run {} {} closed: {} people, {} left out, {} files", run.ref().channel().jsonName(),
                        run.ref().runId(), output.people(), output.excluded(), output.files().size());
            } catch (RuntimeException e) {
                failed++;
                LOG.error("run {} {} could not be closed; the next tick tries again", run.ref().channel().jsonName(),
                        run.ref().runId(), e);
                release(run, now);
            }
        }
        return new Report(closed, waiting, failed);
    }

    /** Gives the lease back, so "the next tick tries again" holds; if that fails too, the lease runs out. */
    private void release(Run run, Instant closingAt) {
        try {
            runs.releaseClosing(run.ref(), closingAt);
        } catch (RuntimeException e) {
            LOG.warn("run {} {} stays taken until its lease ends: {}", run.ref().channel().jsonName(),
                    run.ref().runId(), e.getClass().getSimpleName());
        }
    }
}
