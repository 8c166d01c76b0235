package no.dialog.core.run;

/**
 * Port: the exports bucket, where run files live under the tenant's prefix
 * ({@code <tenant>/<channel>/<runId>/<name>}). Download links are not made here: they are signed when staff
 * ask for a file, and never stored.
 */
public interface RunFileStore {

    /** Writes (or overwrites) the run's file and describes it (its key; no link). */
    RunFile put(RunRef run, String name, byte[] content, String contentType);

    /** A file already written under {@code key} (e.g. by a {@link LetterDrop}), described by its key. */
    RunFile describe(String key, String name, String contentType);

    /** Where {@link #put} writes a run's file. */
    static String key(RunRef run, String name) {
        return run.tenant().value() + "/" + run.channel().jsonName() + "/" + run.runId() + "/" + name;
    }
}
