package no.dialog.runfiles;

import io.micronaut.context.ApplicationContext;

/**
 * Lambda entry point of the print-file function: print send requests from their queue, each sent at most once and
 * staged in the day's run; the close-runs schedule writes the run's files for a printer: one CSV and one merged PDF per run.
 */
public class PrintFileHandler extends RunSendHandler {

    /** Used by Lambda: builds the application context at init. */
    public PrintFileHandler() {
        super("print-file", "print");
    }

    /** Used by tests and the local stack: runs on a context built elsewhere. */
    public PrintFileHandler(ApplicationContext context) {
        super(context, "print-file", "print");
    }
}
