package no.dialog.runfiles;

import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;
import no.dialog.aws.handler.DialogRequestHandler;
import no.dialog.core.results.WeeklySummaries;

/**
 * Lambda entry point of the weekly-summary function, on a schedule (Mondays 06:00 Europe/Oslo): writes the last
 * whole week's results summary (CSV and PDF) of every active journey of every tenant into the exports bucket.
 * The event (EventBridge Scheduler's) carries nothing it needs. A journey whose summary failed is logged and
 * the others are written; the invocation then fails, so the function's errors alarm says so, and a retry
 * writes the same files again.
 */
public class WeeklySummaryHandler extends DialogRequestHandler<Map<String, Object>, Map<String, Object>> {

    @Inject
    WeeklySummaries summaries;

    /** Used by Lambda: builds the application context at init. */
    public WeeklySummaryHandler() {
        super();
    }

    /** Used by tests and the local stack: runs on a context built elsewhere. */
    public WeeklySummaryHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String function() {
        return "weekly-summary";
    }

    @Override
    protected Map<String, Object> handle(Map<String, Object> event) {
        WeeklySummaries.Report report = summaries.writeLastWeek();
        if (report.failed() > 0) {
            throw new IllegalStateException(report.failed() + " of " + (report.failed() + report.written())
                    + " weekly summaries of " + report.week() + " failed; see the log lines before this one");
        }
        return Map.of("week", report.week().toString(), "written", report.written());
    }
}
