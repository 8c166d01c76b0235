package no.dialog.core.run;

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

    /** Where a run's drop file is. */
    static String key(RunRef run, String fileName) {
        return "drops/" + run.tenant().value() + "/21grams/" + run.runId() + "/" + fileName;
    }
}
