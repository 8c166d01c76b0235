package no.dialog.core.run;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link RunFileMaker} did with a run: wrote its files, or found it must wait (a call list outside
 * the calling window).
 *
 * @param notBefore when set, nothing was written and the run is to be closed at or after this time
 */
public record RunOutput(List<RunFile> files, int people, int excluded, Instant notBefore) {

    public RunOutput {
        files = files == null ? List.of() : List.copyOf(files);
    }

    public static RunOutput written(List<RunFile> files, int people, int excluded) {
        return new RunOutput(files, people, excluded, null);
    }

    public static RunOutput waitUntil(Instant at) {
        return new RunOutput(List.of(), 0, 0, Objects.requireNonNull(at, "at"));
    }

    public boolean waiting() {
        return notBefore != null;
    }
}
