package no.dialog.runfiles;

import io.micronaut.context.ApplicationContext;

/**
 * Lambda entry point of the telemarketing function: telemarketing send requests from their queue, each sent at most once and
 * staged in the day's run; the close-runs schedule writes the run's files for Dialog Norge: a call list per run of the people who may be called.
 */
public class TelemarketingHandler extends RunSendHandler {

    /** Used by Lambda: builds the application context at init. */
    public TelemarketingHandler() {
        super("telemarketing", "telemarketing");
    }

    /** Used by tests and the local stack: runs on a context built elsewhere. */
    public TelemarketingHandler(ApplicationContext context) {
        super(context, "telemarketing", "telemarketing");
    }
}
