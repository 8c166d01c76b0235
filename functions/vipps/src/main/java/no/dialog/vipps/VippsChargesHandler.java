package no.dialog.vipps;

import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import no.dialog.aws.handler.DialogRequestHandler;
import no.dialog.core.payment.vipps.RecurringChargeScheduler;
import no.dialog.core.time.OsloTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point of the monthly charges (a schedule, daily): for each tenant with Vipps, a charge on
 * every active regular-donor agreement whose next charge falls due within the lead time
 * ({@link RecurringChargeScheduler}); running twice on a day creates nothing twice.
 */
public class VippsChargesHandler extends DialogRequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(VippsChargesHandler.class);

    @Inject
    RecurringChargeScheduler scheduler;

    @Inject
    VippsTenants tenants;

    @Inject
    Clock clock;

    /** Used by Lambda: builds the application context at init. */
    public VippsChargesHandler() {
        super();
    }

    /** Used by tests and the local stack: runs on a context built elsewhere. */
    public VippsChargesHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String function() {
        return "vipps-charges";
    }

    @Override
    protected Map<String, Object> handle(Map<String, Object> event) {
        AtomicInteger created = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        VippsTenants.Run run = tenants.forEach("monthly charges", tenant -> {
            RecurringChargeScheduler.Summary summary = scheduler.run(tenant, OsloTime.today(clock));
            created.addAndGet(summary.created());
            failed.addAndGet(summary.failed() + summary.refused());
        });
        LOG.info("monthly charges: {} created, {} not created, {} tenants failed", created.get(), failed.get(),
                run.failed().size());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tenants", run.done().size());
        result.put("failedTenants", run.failed().size());
        result.put("created", created.get());
        result.put("notCreated", failed.get());
        return result;
    }
}
