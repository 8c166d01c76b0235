package no.dialog.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import no.dialog.local.LocalStack;
import no.dialog.local.LocalStackOptions;
import no.dialog.local.lambda.runtime.FunctionDefinition;
import no.dialog.local.lambda.runtime.JarFunction;
import no.dialog.local.lambda.runtime.JavaRuntime;
import no.dialog.local.template.FunctionSpec;
import no.dialog.local.template.HttpApiEventSpec;
import no.dialog.local.template.TemplateFiles;

/**
 * {@code infra/bench/run coldstart [rounds] [function ...]}: for every function of template.yaml, how big its
 * deployment package is and how long a cold start takes, the way Lambda starts it: a fresh JVM pinned to one
 * core ({@code taskset -c 0}) running AWS's Runtime Interface Client from the unzipped jar, with the function's
 * template environment; init (JVM start to the first request for work) and the first invocation, median of
 * {@code rounds} fresh JVMs. The first invocation serves the function's sample event from {@code events/}
 * against the local stack's emulators. Each jar is checked for the SnapStart hooks (an {@code org.crac}
 * resource registered by Dialog's priming) and the limits of the issue (15 MB, 1.0 s) are shown beside.
 *
 * <p>Prints a table; exits non-zero if a function failed to start or to serve its event (not for a missed
 * target: that is what the table says).
 */
public final class ColdStartBenchmark {

    static final double JAR_LIMIT_MB = 15.0;
    static final long INIT_LIMIT_MS = 1_000;

    /** The sample event each function serves first (events/ in the repository); HTTP routes get a built one. */
    private static final Map<String, String> SAMPLE_EVENTS = Map.ofEntries(
            Map.entry("sync", "events/sync/contact-changed.json"),
            Map.entry("admin-api", "events/admin-api/health.json"),
            Map.entry("segmentation", "events/segmentation/tick.json"),
            Map.entry("journeys", "events/journeys/sweep.json"),
            Map.entry("send-sms", "events/send-sms/send-request.json"),
            Map.entry("send-email", "events/send-email/send-request.json"),
            Map.entry("send-chat", "events/send-chat/send-request.json"),
            Map.entry("send-newsletter", "events/send-newsletter/send-request.json"),
            Map.entry("send-letter", "events/send-letter/send-request.json"),
            Map.entry("print-file", "events/print-file/send-request.json"),
            Map.entry("telemarketing", "events/telemarketing/send-request.json"),
            Map.entry("close-runs", "events/close-runs/scheduled-event.json"),
            Map.entry("weekly-summary", "events/weekly-summary/scheduled-event.json"),
            Map.entry("vipps-donations", "events/close-runs/scheduled-event.json"),
            Map.entry("vipps-charges", "events/close-runs/scheduled-event.json"),
            Map.entry("landing", "events/landing/get-page.json"),
            Map.entry("ocr-import", "events/ocr-import/s3-ocr-file-uploaded.json"),
            Map.entry("vipps-events", "events/journeys/unknown-event-type.json"));

    private ColdStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args) ? 0 : 1);
    }

    /** Runs the benchmark and prints its table; false if a function failed to start or to serve its event. */
    public static boolean run(String... args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<String> only = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        Path template = TemplateFiles.findFromWorkingDirectory().toAbsolutePath();
        Path root = template.getParent();
        JavaRuntime pinned = JavaRuntime.current().startedThrough(pinnedToOneCore());
        List<Row> rows = new ArrayList<>();
        boolean failed = false;
        try (LocalStack stack = LocalStack.start(LocalStackOptions.ephemeral(template, 0)
                .withFunctionRuntime(LocalStackOptions.FunctionRuntime.JARS))) {
            for (FunctionSpec spec : stack.functionSpecs()) {
                String shortName = shortName(spec.functionName());
                if (!only.isEmpty() && !only.contains(shortName)) {
                    continue;
                }
                FunctionDefinition definition = stack.jarFunction(spec.functionName()).orElseThrow().definition()
                        .with(1, pinned);
                Object event = sampleEvent(root, shortName, spec);
                List<Long> init = new ArrayList<>();
                List<Long> first = new ArrayList<>();
                String error = null;
                boolean hooks = false;
                for (int round = 0; round < rounds && error == null; round++) {
                    try (JarFunction function = new JarFunction(definition)) {
                        function.invoke(event, null);
                        JarFunction.Stats stats = function.stats();
                        init.add(stats.initMillis().get(0));
                        first.add(stats.firstInvocationMillis().get(0));
                        hooks = function.recentLog().stream().anyMatch(line -> line.contains("snapstart-priming"));
                    } catch (Exception e) {
                        error = e.getMessage();
                    }
                }
                Path jar = root.resolve(spec.codeUri());
                rows.add(new Row(shortName, Files.size(jar) / 1_048_576.0, median(init), median(first),
                        hasCracResource(jar), hooks, error));
                failed |= error != null;
            }
        }
        print(rows, rounds);
        return !failed && !rows.isEmpty();
    }

    private record Row(String function, double jarMb, long initMs, long firstInvocationMs, boolean cracInJar,
            boolean primingRegistered, String error) {}

    private static void print(List<Row> rows, int rounds) {
        System.out.printf("%nCold starts from the deployment packages, one core (taskset -c 0), median of %d fresh JVMs%n",
                rounds);
        System.out.printf("%-16s %8s %9s %12s %14s  %s%n", "function", "jar MB", "init ms", "1st call ms",
                "SnapStart hooks", "within 15 MB / 1.0 s");
        for (Row row : rows) {
            if (row.error() != null) {
                System.out.printf("%-16s %8.1f  FAILED: %s%n", row.function(), row.jarMb(), row.error());
                continue;
            }
            System.out.printf("%-16s %8.1f %9d %12d %14s  %s%n", row.function(), row.jarMb(), row.initMs(),
                    row.firstInvocationMs(), row.cracInJar() ? (row.primingRegistered() ? "registered" : "in jar") : "none",
                    (row.jarMb() <= JAR_LIMIT_MB ? "yes" : "NO (" + String.format("%.1f MB over", row.jarMb() - JAR_LIMIT_MB) + ")")
                            + " / " + (row.initMs() <= INIT_LIMIT_MS ? "yes" : "NO (" + (row.initMs() - INIT_LIMIT_MS) + " ms over)"));
        }
    }

    private static Object sampleEvent(Path root, String function, FunctionSpec spec) throws IOException {
        String file = SAMPLE_EVENTS.get(function);
        if (file != null) {
            return Files.readAllBytes(root.resolve(file));
        }
        HttpApiEventSpec route = spec.eventsOfType(HttpApiEventSpec.class).stream().findFirst().orElseThrow(
                () -> new IllegalStateException("no sample event for " + function));
        String path = route.path().replaceAll("\\{[^}]+}", "demo");
        String method = route.method().equalsIgnoreCase("ANY") ? "GET" : route.method().toUpperCase();
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(method + " " + route.path())
                .withRawPath(path).withRawQueryString("").withHeaders(Map.of("content-type", "application/json"))
                .withBody("{}").withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                                .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").withUserAgent("coldstart").build())
                        .withRequestId("coldstart").withRouteKey(method + " " + route.path()).withStage("$default")
                        .withDomainName("localhost").withTimeEpoch(System.currentTimeMillis()).build())
                .withPathParameters(Map.of("tenant", "demo")).build();
    }

    private static boolean hasCracResource(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry("org/crac/Resource.class") != null;
        }
    }

    private static List<String> pinnedToOneCore() {
        return Files.isExecutable(Path.of("/usr/bin/taskset")) ? List.of("/usr/bin/taskset", "-c", "0") : List.of();
    }

    private static String shortName(String functionName) {
        return functionName.replaceFirst("^dialog-", "").replaceFirst("-local$", "");
    }

    private static long median(List<Long> values) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
