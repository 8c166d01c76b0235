package no.dialog.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import no.dialog.local.readiness.Readiness;
import no.dialog.local.template.TemplateFiles;

/**
 * {@code infra/local/run [--port 3000] [--data .dialog-local] [--reset] [--in-memory] [--demo-contacts 5000]
 * [--dynamodb-port 8000] [--sqs-port 9324] [--s3-port 9000]}
 *
 * <p>Starts the local stack, prints the demo organisation's import progress until the stack is ready, then
 * "Dialog local stack is running" and what it serves, and runs until Ctrl-C.
 */
public final class Main {

    /** The line {@code Main} prints when the stack is ready; scripts and tests wait for it. */
    public static final String RUNNING = "Dialog local stack is running";

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        Path templateFile = TemplateFiles.findFromWorkingDirectory().toAbsolutePath();
        Path templateDir = templateFile.getParent();
        LocalStackOptions defaults = LocalStackOptions.defaults(templateFile);
        int port = defaults.port();
        Path dataDir = templateDir.resolve(defaults.dataDir());
        boolean reset = false;
        int demoContacts = defaults.demoContacts();
        int plantedPeople = defaults.plantedPeople();
        int functionConcurrency = defaults.functionConcurrency();
        LocalStackOptions.FunctionRuntime functionRuntime = defaults.functionRuntime();
        int dynamoDbPort = defaults.dynamoDbPort();
        int sqsPort = defaults.sqsPort();
        int s3Port = defaults.s3Port();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--data" -> dataDir = Path.of(value(args, ++i, "--data"));
                case "--reset" -> reset = true;
                case "--in-memory" -> dataDir = null;
                case "--demo-contacts" -> demoContacts = Integer.parseInt(value(args, ++i, "--demo-contacts"));
                case "--planted-people" -> plantedPeople = Integer.parseInt(value(args, ++i, "--planted-people"));
                case "--function-concurrency" ->
                        functionConcurrency = Integer.parseInt(value(args, ++i, "--function-concurrency"));
                case "--in-process" -> functionRuntime = LocalStackOptions.FunctionRuntime.IN_PROCESS;
                case "--dynamodb-port" -> dynamoDbPort = Integer.parseInt(value(args, ++i, "--dynamodb-port"));
                case "--sqs-port" -> sqsPort = Integer.parseInt(value(args, ++i, "--sqs-port"));
                case "--s3-port" -> s3Port = Integer.parseInt(value(args, ++i, "--s3-port"));
                case "--help", "-h" -> {
                    System.out.println("""
                            usage: infra/local/run [--port 3000] [--data DIR] [--reset] [--in-memory] [--demo-contacts N]
                                                   [--planted-people N] [--function-concurrency 2] [--in-process]
                                                   [--dynamodb-port 8000] [--sqs-port 9324] [--s3-port 9000]
                              --port N           the HTTP port of the gateway, the console and the EventBridge endpoint
                              --data DIR         where tables, objects, the clock offset and the signing key are kept
                              --reset            delete the data folder first
                              --in-memory        keep nothing between runs
                              --demo-contacts N  the demo organisation's synthetic contacts (0: no demo organisation)
                              --planted-people N more demo contacts whose giving and membership history (in the
                                                 payment ledger) follows planted probabilities (default 5000), so
                                                 the prediction models have something true to find
                              --function-concurrency N
                                                 execution environments (JVMs) per function at most
                              --in-process       run the handler classes in this JVM (fast, for debugging) instead
                                                 of each function from its jar in JVMs of its own, as Lambda does
                              --dynamodb-port N, --sqs-port N, --s3-port N
                                                 the emulators' ports (0: any free port)
                            It prints "Dialog local stack is running" once the demo organisation is imported; until
                            then GET /health answers 503 {"status":"starting","demo":{"imported":n,"of":10000}}.""");
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + " (try --help)");
                    System.exit(2);
                }
            }
        }
        LocalStackOptions options = new LocalStackOptions(port, dataDir, reset, defaults.templateFile(), demoContacts,
                dynamoDbPort, sqsPort, s3Port, functionConcurrency, functionRuntime, plantedPeople);

        long started = System.nanoTime();
        LocalStack stack;
        try {
            stack = LocalStack.start(options);
        } catch (RuntimeException e) {
            System.err.println("The local stack could not start: " + e.getMessage());
            e.printStackTrace(System.err);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the local stack ...");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));

        String base = stack.baseUri().toString().replaceAll("/$", "");
        Readiness.State state = waitUntilReady(stack.readiness().readiness(), base, started);
        String headline;
        if (state.ready()) {
            headline = state.of() > 0
                    ? String.format(Locale.ROOT, "%s (ready in %.1f s, the demo organisation has its %,d contacts).",
                            RUNNING, seconds(started), state.imported())
                    : String.format(Locale.ROOT, "%s (ready in %.1f s).", RUNNING, seconds(started));
        } else {
            headline = String.format(Locale.ROOT, "Dialog local stack is up but NOT ready: %s.%n"
                    + "  The console shows the queues and dead letters; --reset imports the demo organisation anew.",
                    state.reason());
        }
        System.out.printf("""

                %s
                  Console          %s/local/
                  Health           %s/health
                  Dev token        %s/local/token?tenant=demo&roles=editor
                  Bus events       %s/local/events?tenant=demo
                  Outbox           %s/local/outbox?tenant=demo&channel=sms
                  Clock            POST %s/local/clock/advance?by=P7D
                  EventBridge      %s/aws/events      (bus %s)
                  S3               %s      (imports bucket %s)
                  SQS              %s
                  DynamoDB         %s
                  Secrets Manager  %s      (dialog/local/...)
                  KMS              %s      (alias/dialog-local-data)
                  Data folder      %s
                Press Ctrl-C to stop.
                """, headline, base, base, base, base, base, base, base, stack.busName(),
                stack.emulators().s3Endpoint(), stack.importsBucket(), stack.emulators().sqsEndpoint(),
                stack.emulators().dynamoDbEndpoint(), stack.emulators().secretsManagerEndpoint(), stack.emulators().kmsEndpoint(), dataDir == null ? "(in memory)" : dataDir.toAbsolutePath());
        stopped.await();
    }

    /**
     * Prints a progress line whenever the demo import has moved on (at most every 2 s), and a hint when it
     * has not moved for a minute; returns when the stack is ready or the demo import failed.
     */
    private static Readiness.State waitUntilReady(Readiness readiness, String base, long started)
            throws InterruptedException {
        Readiness.State state = readiness.state();
        if (state.status() != Readiness.Status.STARTING) {
            return state;
        }
        System.out.printf(Locale.ROOT, """

                Dialog local stack started in %.1f s; importing the demo organisation's %,d contacts through the \
                import pipeline.
                  Not ready yet: %s/health answers 503 "starting" until they are all in;
                  the console %s/local/ shows a progress bar.
                """, seconds(started), state.of(), base, base);
        long lastPrinted = -1;
        long lastMoved = System.nanoTime();
        while (true) {
            state = readiness.await(Duration.ofSeconds(2));
            if (state.status() != Readiness.Status.STARTING) {
                return state;
            }
            if (state.imported() != lastPrinted) {
                System.out.printf(Locale.ROOT, "  demo organisation: %,d of %,d contacts imported (%d %%)%n",
                        state.imported(), state.of(), state.percent());
                lastPrinted = state.imported();
                lastMoved = System.nanoTime();
            } else if (System.nanoTime() - lastMoved > Duration.ofMinutes(1).toNanos()) {
                System.out.printf("  no progress for a minute: the console %s/local/ shows the queues and dead letters%n",
                        base);
                lastMoved = System.nanoTime();
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[index];
    }
}
