package no.dialog.aws.snapstart;

/**
 * What must not be carried over from a SnapStart snapshot into the execution environments restored from it:
 * caches keyed by time (the clocks jump), randomness (every restored copy would repeat it), open connections.
 * {@link SnapStartHooks} calls every bean implementing this after a restore.
 */
public interface RestoreHook {

    void afterRestore();
}
