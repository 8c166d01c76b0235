package no.dialog.emulators;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands {@link ObjectCreated} events to the registered listeners on a single background thread.
 *
 * <p>One thread keeps events in creation order and never blocks the S3 request thread. It is a daemon
 * thread so a forgotten {@link #close()} cannot keep the JVM alive.
 */
final class ObjectCreatedDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectCreatedDispatcher.class);

    private final List<ObjectCreatedListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "s3-object-created");
        thread.setDaemon(true);
        return thread;
    });

    void add(ObjectCreatedListener listener) {
        listeners.add(listener);
    }

    void remove(ObjectCreatedListener listener) {
        listeners.remove(listener);
    }

    boolean hasListeners() {
        return !listeners.isEmpty();
    }

    void dispatch(ObjectCreated event) {
        try {
            executor.execute(() -> notifyAll(event));
        } catch (RejectedExecutionException closing) {
            LOG.debug("Not notifying {}: the emulators are closing", event);
        }
    }

    private void notifyAll(ObjectCreated event) {
        for (ObjectCreatedListener listener : listeners) {
            try {
                listener.objectCreated(event);
            } catch (RuntimeException e) {
                LOG.warn("Listener {} failed on {}", listener, event, e);
            }
        }
    }

    /** Lets already queued events be delivered for a moment, then stops the thread. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
