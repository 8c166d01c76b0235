package no.dialog.runfiles;

import io.micronaut.context.ApplicationContext;

/**
 * Lambda entry point of the send-letter function: letter send requests from their queue, each sent at most once and
 * staged in the day's run; the close-runs schedule writes the run's files for 21Grams: a PDF letter per person into the tenant's drop.
 */
public class SendLetterHandler extends RunSendHandler {

    /** Used by Lambda: builds the application context at init. */
    public SendLetterHandler() {
        super("send-letter", "letter");
    }

    /** Used by tests and the local stack: runs on a context built elsewhere. */
    public SendLetterHandler(ApplicationContext context) {
        super(context, "send-letter", "letter");
    }
}
