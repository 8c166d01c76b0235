package no.dialog.core.run;

/**
 * Port: the exports bucket, where run files live under the tenant's prefix
 * ({@code <tenant>/<channel>/<runId>/<name>}), each with a time-limited download link.
 */
public interface RunFileStore {

    /** Writes (or overwrites) the run's file and returns it with a fresh download link. */
    RunFile put(RunRef run, String name, byte[] content, String contentType);

    /** A file already written under {@code key} (e.g. by a {@link LetterDrop}), with a fresh download link. */
    RunFile describe(String key, String name, String contentType);

    /** Where {@link #put} writes a run's file. */
    static String key(RunRef run, String name) {
        return run.tenant().value() + "/" + run.channel().jsonName() + "/" + run.runId() + "/" + name;
    }
}
