package no.dialog.core.sync;

import java.io.IOException;
import java.io.InputStream;

/** Port: reading contact files and writing their reports (S3 in AWS). */
public interface ImportFiles {

    /** The file's bytes from {@code offset} to the end; resuming an import reads only what is left. */
    InputStream openFrom(ImportFile file, long offset) throws IOException;

    /** Writes the import report (JSON) next to the file. */
    void writeReport(ImportFile file, String reportJson);
}
