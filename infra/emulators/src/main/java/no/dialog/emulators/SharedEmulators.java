package no.dialog.emulators;

/**
 * One in-memory {@link Emulators} per JVM, for tests in other modules: started on first use with free
 * ports and stopped by a shutdown hook.
 *
 * <p>Tests share its state, so they should use their own table, queue and bucket names. Do not close it.
 */
public final class SharedEmulators {

    private static Emulators instance;

    private SharedEmulators() {
    }

    /**
     * Returns the shared emulators, starting them if this is the first call in this JVM.
     *
     * @throws IllegalStateException if they cannot start (the next call tries again)
     */
    public static synchronized Emulators get() {
        if (instance == null) {
            Emulators started = Emulators.start(EmulatorOptions.inMemory());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-emulators-shutdown"));
            instance = started;
        }
        return instance;
    }
}
