package no.dialog.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import no.dialog.local.template.TemplateFiles;

/**
 * {@code infra/local/run [--port 3000] [--data .dialog-local] [--reset] [--in-memory] [--demo-contacts 5000]}
 *
 * <p>Starts the local stack, prints what it serves, and runs until Ctrl-C.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        Path templateFile = TemplateFiles.findFromWorkingDirectory().toAbsolutePath();
        Path templateDir = templateFile.getParent();
        LocalStackOptions defaults = LocalStackOptions.defaults(templateFile);
        int port = defaults.port();
        Path dataDir = templateDir.resolve(defaults.dataDir());
        boolean reset = false;
        int demoContacts = defaults.demoContacts();
        int functionConcurrency = defaults.functionConcurrency();
        LocalStackOptions.FunctionRuntime functionRuntime = defaults.functionRuntime();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--data" -> dataDir = Path.of(value(args, ++i, "--data"));
                case "--reset" -> reset = true;
                case "--in-memory" -> dataDir = null;
                case "--demo-contacts" -> demoContacts = Integer.parseInt(value(args, ++i, "--demo-contacts"));
                case "--function-concurrency" ->
                        functionConcurrency = Integer.parseInt(value(args, ++i, "--function-concurrency"));
                case "--in-process" -> functionRuntime = LocalStackOptions.FunctionRuntime.IN_PROCESS;
                case "--help", "-h" -> {
                    System.out.println("""
                            usage: infra/local/run [--port 3000] [--data DIR] [--reset] [--in-memory] [--demo-contacts N]
                                                   [--function-concurrency 2] [--in-process]
                              --in-memory             keep nothing between runs
                              --function-concurrency  execution environments (JVMs) per function at most
                              --in-process            run the handler classes in this JVM (fast, for debugging)
                                                      instead of each function from its jar in JVMs of its own""");
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + " (try --help)");
                    System.exit(2);
                }
            }
        }
        LocalStackOptions options = new LocalStackOptions(port, dataDir, reset, defaults.templateFile(), demoContacts,
                defaults.dynamoDbPort(), defaults.sqsPort(), defaults.s3Port(), functionConcurrency, functionRuntime);

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
        System.out.printf("""

                Dialog local stack is running (started in %.1f s).
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
                  Data folder      %s
                Press Ctrl-C to stop.
                """, (System.nanoTime() - started) / 1e9, base, base, base, base, base, base, base, stack.busName(),
                stack.emulators().s3Endpoint(), stack.importsBucket(), stack.emulators().sqsEndpoint(),
                stack.emulators().dynamoDbEndpoint(), dataDir == null ? "(in memory)" : dataDir.toAbsolutePath());
        stopped.await();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[index];
    }
}
