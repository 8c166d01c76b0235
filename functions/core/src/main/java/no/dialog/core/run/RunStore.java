package no.dialog.core.run;

import java.time.Instant;
import java.util.List;
import no.dialog.core.tenant.TenantId;

/**
 * Port: runs and their staged items (DynamoDB in {@code functions/aws}). Every change is conditional, so
 * redelivered sends and a closer that runs twice change nothing the second time.
 */
public interface RunStore {

    /**
     * Adds the item to its day's open run (the first sequence that is not closing or closed), opening the
     * run if needed, and notes the time as the run's last item. An item already staged under its key is
     * left as it is.
     *
     * @return the run the item is in
     */
    RunRef stage(RunItem item, Instant at);

    /** Runs still open (or left closing by a crash) whose last item came before {@code quietSince}. */
    List<Run> quietRuns(Instant quietSince);

    /**
     * Moves an open run to {@link RunStatus#CLOSING} if its last item is still {@code lastItemAt}, noting
     * {@code now} as when its closing began. A run already closing is taken only if that began before
     * {@code staleBefore}: its closer crashed or timed out. A closer still at work keeps its run, so two
     * closers never write one run's files at once.
     *
     * @return whether this closer may write the run's files
     */
    boolean startClosing(RunRef run, Instant lastItemAt, Instant now, Instant staleBefore);

    /**
     * Gives back the run a closer took at {@code closingAt} and then failed to write (a storage error): the next
     * closer takes it at once, instead of after the lease. Does nothing when another closer holds it by now.
     */
    void releaseClosing(RunRef run, Instant closingAt);

    /** The run's items, in key order (the same order every time, so file names are stable). */
    List<RunItem> items(RunRef run);

    /** Records the files and moves the run to {@link RunStatus#CLOSED}; no-op when it already is. */
    void markClosed(RunRef run, List<RunFile> files, int people, int excluded, Instant at);

    /** The tenant's runs for one journey, newest day first. */
    List<Run> runsOfJourney(TenantId tenant, String journeyId);
}
