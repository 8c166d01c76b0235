package no.dialog.core.enrolment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.ResultCounter;
import no.dialog.core.observability.Metrics;
import no.dialog.core.tenant.TenantId;

/**
 * An {@link EnrolmentStore} that also counts, for the operations dashboard, the goals reached and the revenue
 * they brought ({@code GoalsReached}, {@code GoalRevenueOre}, per tenant) when a write that carries them is
 * stored. Counted only on a successful write, so a redelivered step that loses its race counts nothing twice.
 * The journey results the admin API shows stay those of the store; these are only a fleet-wide view.
 */
public final class GoalMetrics implements EnrolmentStore {

    static final String GOALS = "GoalsReached";
    static final String REVENUE = "GoalRevenueOre";

    private final EnrolmentStore store;
    private final Metrics metrics;

    public GoalMetrics(EnrolmentStore store, Metrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public boolean create(Enrolment enrolment, List<ResultKey> counts) {
        boolean created = store.create(enrolment, counts);
        if (created) {
            count(enrolment.tenant(), counts);
        }
        return created;
    }

    @Override
    public boolean commit(Enrolment previous, Enrolment next, List<SendRequest> pendingSends, List<ResultKey> counts) {
        boolean committed = store.commit(previous, next, pendingSends, counts);
        if (committed) {
            count(next.tenant(), counts);
        }
        return committed;
    }

    private void count(TenantId tenant, List<ResultKey> counts) {
        long goals = 0;
        long revenue = 0;
        for (ResultKey key : counts) {
            if (key.counter() == ResultCounter.GOAL_REACHED) {
                goals += key.by();
            } else if (key.counter() == ResultCounter.GOAL_REVENUE_ORE) {
                revenue += key.by();
            }
        }
        if (goals > 0 || revenue > 0) {
            metrics.count(Map.of("tenant", tenant.value()), Map.of(GOALS, goals, REVENUE, revenue));
        }
    }

    @Override
    public Optional<Stored> load(TenantId tenant, EnrolmentRef ref) {
        return store.load(tenant, ref);
    }

    @Override
    public List<Enrolment> ofContact(TenantId tenant, String contactId) {
        return store.ofContact(tenant, contactId);
    }

    @Override
    public Optional<Enrolment> latest(TenantId tenant, String contactId, String journeyId) {
        return store.latest(tenant, contactId, journeyId);
    }

    @Override
    public void clearPending(Enrolment enrolment) {
        store.clearPending(enrolment);
    }

    @Override
    public void forEachDue(int shard, Instant now, Consumer<List<DueEnrolment>> page) {
        store.forEachDue(shard, now, page);
    }

    @Override
    public int dueShards() {
        return store.dueShards();
    }

    @Override
    public List<ResultCount> results(TenantId tenant, String journeyId) {
        return store.results(tenant, journeyId);
    }
}
