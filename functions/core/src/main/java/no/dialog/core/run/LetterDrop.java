package no.dialog.core.run;

import java.util.Map;
import java.util.Optional;

/**
 * Port: where a letter run's files go for the letter house (21Grams): today an S3 prefix per tenant and run
 * ({@code drops/<tenant>/21grams/<runId>/}); an SFTP or HTTP transport can implement the same port. The
 * manifest goes last: its presence says the drop is complete.
 */
public interface LetterDrop {

    /** The drop's manifest: one row per letter, naming its PDF ({@code file}) and its item ({@code key}). */
    String MANIFEST = "manifest.csv";

    /**
     * Puts (or overwrites) one file of the run's drop.
     *
     * @return the file's key (its path in the drop)
     */
    String drop(RunRef run, String fileName, byte[] content, String contentType);

    /**
     * The key of the person's own letter a manifest row names ({@code file}), in the manifest's folder; empty
     * when the row names none, or names something outside the folder (a manifest read back is not trusted).
     */
    static Optional<String> letterKey(String manifestKey, Map<String, String> row) {
        String letter = row.get("file");
        if (letter == null || letter.isBlank() || letter.contains("/")) {
            return Optional.empty();
        }
        return Optional.of(manifestKey.substring(0, manifestKey.lastIndexOf('/') + 1) + letter);
    }

    /** Where a run's drop file is. */
    static String key(RunRef run, String fileName) {
        return "drops/" + run.tenant().value() + "/21grams/" + run.runId() + "/" + fileName;
    }
}
