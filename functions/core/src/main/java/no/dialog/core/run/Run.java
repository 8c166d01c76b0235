package no.dialog.core.run;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A run as the store holds it.
 *
 * @param people    how many people the run's files hold, once closed (0 before)
 * @param excluded  how many staged people were left out when it closed (a call list rechecks the rules)
 */
public record Run(RunRef ref, String journeyId, int version, String stepId, RunStatus status, Instant lastItemAt,
                  Instant closedAt, int people, int excluded, List<RunFile> files) {

    public Run {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(status, "status");
        files = files == null ? List.of() : List.copyOf(files);
    }
}
