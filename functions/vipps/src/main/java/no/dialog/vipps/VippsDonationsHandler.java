package no.dialog.vipps;

import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import no.dialog.aws.handler.DialogRequestHandler;
import no.dialog.core.payment.vipps.DonationsPoller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point of the Donations report poll (a schedule, every 5 minutes): for each tenant with
 * Vipps, the gifts captured since its cursor, including gifts to the Vipps number in the app, each
 * identified and registered once ({@link DonationsPoller}).
 */
public class VippsDonationsHandler extends DialogRequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(VippsDonationsHandler.class);

    @Inject
    DonationsPoller poller;

    @Inject
    VippsTenants tenants;

    /** Used by Lambda: builds the application context at init. */
    public VippsDonationsHandler() {
        super();
    }

    /** Used by tests and the local stack: runs on a context built elsewhere. */
    public VippsDonationsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String function() {
        return "vipps-donations";
    }

    @Override
    protected Map<String, Object> handle(Map<String, Object> event) {
        AtomicInteger registered = new AtomicInteger();
        AtomicInteger candidates = new AtomicInteger();
        AtomicInteger unmatched = new AtomicInteger();
        VippsTenants.Run run = tenants.forEach("donations poll", tenant -> {
            DonationsPoller.Summary summary = poller.poll(tenant);
            registered.addAndGet(summary.registered());
            candidates.addAndGet(summary.candidates());
            unmatched.addAndGet(summary.unmatched());
        });
        LOG.info("donations poll: {} gifts registered ({} new givers), {} unmatched, {} tenants failed",
                registered.get(), candidates.get(), unmatched.get(), run.failed().size());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tenants", run.done().size());
        result.put("failedTenants", run.failed().size());
        result.put("registered", registered.get());
        result.put("candidates", candidates.get());
        result.put("unmatched", unmatched.get());
        return result;
    }
}
