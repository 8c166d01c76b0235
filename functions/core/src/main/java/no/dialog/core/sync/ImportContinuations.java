package no.dialog.core.sync;

/**
 * Port: asks for the import to be carried on by a fresh invocation (an SQS message in AWS), used
 * when a function's time is nearly up before the file is done.
 */
public interface ImportContinuations {

    void continueLater(ImportFile file);
}
