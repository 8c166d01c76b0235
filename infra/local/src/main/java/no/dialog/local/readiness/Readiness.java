package no.dialog.local.readiness;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where the local stack is on its way to "ready": it is {@link Status#STARTING} while it is still being
 * wired or the demo organisation's contacts are still being imported, {@link Status#READY} once the demo
 * organisation is complete (at once on a data folder that already holds it, or without a demo), and
 * {@link Status#FAILED} when the demo import was rejected. Ready is final: it never goes back.
 *
 * <p>Read by {@code GET /health}, the console and {@code Main}; written by {@link StackReadiness}.
 */
public final class Readiness {

    public enum Status { STARTING, READY, FAILED }

    /**
     * One moment's state.
     *
     * @param imported demo contacts imported so far (the contacts table's count while importing)
     * @param of       demo contacts expected; 0 when the stack runs without a demo organisation
     * @param reason   why it failed, or null
     */
    public record State(Status status, long imported, long of, String reason) {

        public boolean ready() {
            return status == Status.READY;
        }

        /** Whole per cent of the demo imported (100 without a demo). */
        public int percent() {
            return of <= 0 ? 100 : (int) Math.min(100, imported * 100 / of);
        }
    }

    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
    private volatile State state;

    public Readiness(long demoContacts) {
        this.state = new State(Status.STARTING, 0, Math.max(0, demoContacts), null);
    }

    public State state() {
        return state;
    }

    /** Called with every new state (on the thread that found it). */
    public void onChange(Consumer<State> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    /** Waits until ready or failed; returns the state then (still starting after the timeout). */
    public State await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (state.status() == Status.STARTING) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return state;
        }
    }

    void update(State next) {
        State previous;
        synchronized (this) {
            previous = state;
            if (previous.status() != Status.STARTING || previous.equals(next)) {
                return; // ready and failed are final
            }
            state = next;
            notifyAll();
        }
        for (Consumer<State> listener : listeners) {
            listener.accept(next);
        }
    }
}
