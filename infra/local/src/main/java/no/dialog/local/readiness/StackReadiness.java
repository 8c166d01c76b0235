package no.dialog.local.readiness;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import no.dialog.aws.dynamodb.DynamoDbContactStore;
import no.dialog.emulators.Emulators;
import no.dialog.local.demo.DemoOrganisation;
import no.dialog.local.gateway.LocalHttpGateway;
import no.dialog.local.provision.LocalResources;
import no.dialog.local.readiness.Readiness.State;
import no.dialog.local.readiness.Readiness.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Ready means ready" for the local stack: {@code GET /health}, the console and {@code Main} say
 * "starting" (with the demo import's progress) until the demo organisation is complete, then "ready".
 *
 * <p>Two calls from {@code LocalStack}: {@link #attach} as soon as the gateway exists, so that
 * {@code /health} never answers "ok" before the stack is wired; {@link #watch} once everything is wired
 * and the demo file is uploaded. {@code watch} looks once at once (on a data folder that already holds
 * the demo the stack is ready before {@code start} returns), then every second until ready.
 *
 * <p>When the demo import completes during this run, the demo tenant's segment snapshot is deleted if
 * one was written meanwhile (a preview or a segmentation tick during the import takes one from a
 * half-imported register, which segmentation would otherwise reuse for up to 10 minutes); the next
 * evaluation builds it from the complete register.
 */
public final class StackReadiness implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StackReadiness.class);

    private final Readiness readiness;
    private volatile WorkInProgress work;
    private ScheduledExecutorService poller;
    private DynamoDbContactStore contacts;

    private StackReadiness(int demoContacts) {
        this.readiness = new Readiness(demoContacts);
    }

    /** Answers {@code /health} on the gateway (starting, for now). */
    public static StackReadiness attach(LocalHttpGateway gateway, int demoContacts) {
        StackReadiness stack = new StackReadiness(demoContacts);
        gateway.intercept("/health", new HealthEndpoint(stack.readiness, stack::work));
        return stack;
    }

    /** Starts watching the demo import and the stack's long work. */
    public synchronized void watch(Emulators emulators, LocalResources resources, Clock clock) {
        WorkInProgress observed = new WorkInProgress(emulators.dynamoDb(), emulators.s3(),
                resources.table("ImportsTable").isPresent() ? resources.requireTableName("ImportsTable") : null,
                resources.table("RunFilesTable").isPresent() ? resources.requireTableName("RunFilesTable") : null,
                resources.ref("ExportsBucket").orElse(null), resources.ref("SnapshotsBucket").orElse(null), clock);
        emulators.addObjectCreatedListener(observed);
        work = observed;
        State initial = readiness.state();
        if (initial.of() <= 0) {
            readiness.update(new State(Status.READY, 0, 0, null));
            return;
        }
        contacts = new DynamoDbContactStore(emulators.dynamoDb(), resources.requireTableName("ContactsTable"), clock, 4);
        String importsBucket = resources.ref("ImportsBucket").orElseThrow();
        DemoImportCheck demo = new DemoImportCheck(emulators.s3(), importsBucket, DemoOrganisation.FILE_KEY,
                DemoOrganisation.TENANT, contacts, initial.of());
        String snapshotsBucket = resources.ref("SnapshotsBucket").orElse(null);
        boolean[] sawImport = {false};
        Runnable look = () -> {
            try {
                State state = demo.check();
                if (state.status() == Status.STARTING) {
                    sawImport[0] = true;
                } else if (state.ready() && sawImport[0] && snapshotsBucket != null) {
                    forgetHalfImportedSnapshot(emulators, snapshotsBucket);
                }
                readiness.update(state);
            } catch (RuntimeException e) {
                LOG.debug("could not look at the demo import yet", e);
            }
        };
        look.run();
        if (readiness.state().status() != Status.STARTING) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "local-readiness");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(() -> {
            look.run();
            if (readiness.state().status() != Status.STARTING) {
                poller.shutdown();
            }
        }, 1, 1, TimeUnit.SECONDS); // a count of the demo tenant's contacts costs DynamoDB Local little
    }

    private static void forgetHalfImportedSnapshot(Emulators emulators, String snapshotsBucket) {
        String key = "snapshots/" + DemoOrganisation.TENANT.value() + "/contacts.snap";
        try {
            emulators.s3().deleteObject(b -> b.bucket(snapshotsBucket).key(key));
        } catch (RuntimeException e) {
            LOG.debug("could not delete the demo tenant's segment snapshot", e);
        }
    }

    public Readiness readiness() {
        return readiness;
    }

    /** The long work going on now (empty until {@link #watch}). */
    public List<Work> work() {
        WorkInProgress observed = work;
        return observed == null ? List.of() : observed.now();
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
        if (contacts != null) {
            contacts.close();
        }
    }
}
