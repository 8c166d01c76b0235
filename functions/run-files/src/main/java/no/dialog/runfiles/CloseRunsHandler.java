package no.dialog.runfiles;

import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;
import no.dialog.aws.handler.DialogRequestHandler;
import no.dialog.core.run.RunCloser;

/**
 * Lambda entry point of the close-runs function, on a schedule (every 5 minutes): closes the runs that had
 * no new item for a few minutes and writes their files (letters into the 21Grams drop, print files and call
 * lists into the exports bucket). The event (EventBridge's Scheduled Event) carries nothing it needs.
 */
public class CloseRunsHandler extends DialogRequestHandler<Map<String, Object>, Map<String, Object>> {

    @Inject
    RunCloser closer;

    /** Used by Lambda: builds the application context at init. */
    public CloseRunsHandler() {
        super();
    }

    /** Used by tests and the local stack: runs on a context built elsewhere. */
    public CloseRunsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String function() {
        return "close-runs";
    }

    @Override
    protected Map<String, Object> handle(Map<String, Object> event) {
        RunCloser.Report report = closer.closeQuietRuns();
        return Map.of("closed", report.closed(), "waiting", report.waiting(), "failed", report.failed());
    }
}
