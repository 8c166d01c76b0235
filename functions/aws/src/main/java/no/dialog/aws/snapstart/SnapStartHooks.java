package no.dialog.aws.snapstart;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The function's CRaC resource, which Lambda SnapStart calls around its snapshot: before the checkpoint it runs
 * every {@link Primer} bean (so the snapshot holds loaded, once-run code), after a restore every
 * {@link RestoreHook} bean and {@link RestoreSafeRandom#reseedAll()}. Outside SnapStart (a plain JVM, tests, the
 * local stack) nothing calls it. A singleton: Lambda's application context creates it at init (eagerly), other
 * contexts only if asked.
 *
 * <p>Connections: priming sends nothing ({@link SdkCallPriming}), so the snapshot holds no connection to AWS. The
 * SDK's HTTP client is the JDK's HttpURLConnection, whose keep-alive cache drops an idle connection by its idle time
 * on the wall clock (5 s unless the server says otherwise) the next time it is asked for one: a connection a
 * snapshot did carry would be closed after a restore, not reused. No pool of ours needs draining.
 */
@Singleton
public class SnapStartHooks implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartHooks.class);
    /** CRaC keeps resources weakly: this keeps the registered ones (and their beans) alive. */
    private static final Set<SnapStartHooks> REGISTERED = ConcurrentHashMap.newKeySet();

    private final List<Primer> primers;
    private final List<RestoreHook> restoreHooks;

    public SnapStartHooks(List<Primer> primers, List<RestoreHook> restoreHooks) {
        this.primers = List.copyOf(primers);
        this.restoreHooks = List.copyOf(restoreHooks);
        REGISTERED.add(this);
        Core.getGlobalContext().register(this);
        // One line at init, so the cold-start benchmark (and a reader of the logs) sees the hooks are in place.
        LOG.info("snapstart-priming registered: {} primers before a checkpoint, {} restore hooks and the random "
                + "generators to re-seed after a restore", primers.size(), restoreHooks.size());
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        for (Primer primer : primers) {
            try {
                primer.prime();
            } catch (RuntimeException e) {
                // Priming only saves time on the first invocations; a part that cannot be warmed stays cold.
                LOG.warn("priming {} failed: {}", primer.getClass().getSimpleName(), e.toString());
            }
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        RestoreSafeRandom.reseedAll();
        restoreHooks.forEach(RestoreHook::afterRestore);
    }

    /** The primers this function runs before a checkpoint (for tests and diagnostics). */
    public List<Primer> primers() {
        return primers;
    }

    /** The hooks this function runs after a restore (for tests and diagnostics). */
    public List<RestoreHook> restoreHooks() {
        return restoreHooks;
    }

    @PreDestroy
    void close() {
        REGISTERED.remove(this);
    }
}
