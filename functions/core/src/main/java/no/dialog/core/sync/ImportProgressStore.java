package no.dialog.core.sync;

import java.util.Optional;

/** Port: the checkpoint of each import, so that a long import resumes where it stopped. */
public interface ImportProgressStore {

    Optional<ImportProgress> load(String importId);

    /**
     * Saves the checkpoint unless another invocation of the same import has already saved one further
     * on (a redelivered message racing its own continuation).
     *
     * @return false when another invocation is ahead; this one should then stop
     */
    boolean save(ImportProgress progress);
}
