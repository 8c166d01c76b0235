package no.dialog.core.sync;

import java.util.Optional;

/** Port: the checkpoint of each import, so that a long import resumes where it stopped. */
public interface ImportProgressStore {

    Optional<ImportProgress> load(String importId);

    void save(ImportProgress progress);
}
