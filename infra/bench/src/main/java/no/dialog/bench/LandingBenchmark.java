package no.dialog.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.dialog.aws.dynamodb.DynamoDbContactStore;
import no.dialog.bench.usage.Measurement;
import no.dialog.bench.usage.UnitCost;
import no.dialog.aws.dynamodb.DynamoDbTenantDirectory;
import no.dialog.aws.landing.DynamoDbLinkStore;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.landing.LandingKeys;
import no.dialog.core.landing.LinkTokens;
import no.dialog.core.landing.MintedLinks;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import no.dialog.local.LocalStack;
import no.dialog.local.LocalStackOptions;
import no.dialog.local.functions.FunctionMeter;
import no.dialog.local.sandbox.LandingParameters;
import no.dialog.local.template.FunctionSpec;
import no.dialog.local.template.TemplateFiles;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code infra/bench/run landing [seconds per level]}: {@code GET} and {@code POST /p/{token}} through the
 * local gateway at rising concurrency, the load from {@code wrk} in its own process ({@link Wrk}; closed loop:
 * each connection sends its next request when the last is answered; Lua scripts go through the minted links in
 * turn, and each POST carries the link's CSRF field and a fresh submission id), with the same levels against
 * {@code GET /landing/static} (a fixed response from the same function through the same gateway) as the ceiling.
 * Prints requests/s, p50 and p99 per level and the p99 ratio to the static response; then, for GET (a page view)
 * and POST (an answer) at the level with the most requests/s, what one costs ({@link UnitCost}): the landing
 * function's own CPU, AWS requests and DynamoDB capacity units, the hottest keys, the projected AWS bill with API
 * Gateway's requests, and the throughput as a share of the emulator floor. Rate limits are raised for the run
 * (all load comes from one IP).
 */
public final class LandingBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int[] LEVELS = {1, 4, 16, 32};
    /** Links minted (one contact each) and answered in turn. */
    static final int LINKS = 400;
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    /** The CSRF cookie every request carries (a nonce: 22 base64url characters). */
    private static final String COOKIE = "dlg_csrf=" + "n".repeat(22);
    /** The targets of issue 17: GET throughput, and the function's own CPU per GET and per POST. */
    static final double GET_TARGET_PER_SECOND = 1_000;
    static final double GET_CPU_TARGET_MS = 0.5;
    static final double POST_CPU_TARGET_MS = 2.0;

    private LandingBenchmark() {}

    /** Seconds of load on each route before the levels are measured. */
    static final int WARM_UP_SECONDS = 5;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        run(seconds, WARM_UP_SECONDS, LINKS, LEVELS);
        System.exit(0);
    }

    /**
     * One route at one level of concurrency.
     *
     * @param route    {@code static}, {@code GET} or {@code POST}, as printed
     * @param requests requests answered (wrk's count)
     * @param refused  requests answered with a status of 300 or more
     * @param lost     requests that got no answer (connect, read or write errors, timeouts)
     * @param cost     what the level cost (null for the static response, which is not measured)
     */
    public record Level(String route, int concurrency, long requests, double requestsPerSecond, double p50Ms,
            double p99Ms, long refused, long lost, UnitCost cost) {}

    /** What a GET or a POST costs, at the level with the most requests per second. */
    public record Cost(String route, int concurrency, UnitCost cost, double floorUnitsPerSecond) {

        /** The landing function's own CPU per request, in ms (the cost's CPU also counts what an answer sets off). */
        public double landingCpuMs(String function) {
            var usage = cost.functions().get(function);
            return usage == null ? 0 : usage.cpuNanos() / 1e6 / cost.units();
        }
    }

    /**
     * Every level of every route, in the order printed, the costs printed (GET, then POST), and the messages in
     * the stack's dead-letter queues at the end (answers the pipeline gave up on).
     */
    public record Result(List<Level> levels, List<Cost> costs, long deadLetters) {

        /** Every request answered with a 2xx, and nothing given up on. */
        public boolean ok() {
            return deadLetters == 0 && levels.stream()
                    .allMatch(level -> level.requests() > 0 && level.refused() == 0 && level.lost() == 0);
        }
    }

    /**
     * Runs the benchmark and prints its table; never exits.
     *
     * @param seconds        of closed-loop load per route and level
     * @param warmUpSeconds  of load on each route first (at concurrency 8), not measured
     * @param links          links minted, one contact each; the requests go to them in turn
     * @param levels         the levels of concurrency, in order
     */
    public static Result run(int seconds, int warmUpSeconds, int links, int... levels) throws Exception {
        Wrk.ensureInstalled();
        List<Level> results = new ArrayList<>();
        List<Cost> costs = new ArrayList<>();
        long deadLetters;
        Path template = TemplateFiles.findFromWorkingDirectory().toAbsolutePath();
        Path examples = template.getParent().resolve("docs/examples");
        try (TemporaryProperties limits = TemporaryProperties.set("dialog.landing.ratePerIp", "100000000",
                "dialog.landing.ratePerLink", "100000000");
             LocalStack stack = LocalStack.start(LocalStackOptions.ephemeral(template, 0))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<String> tokens = setUp(stack, http, examples, links);
            URI base = stack.baseUri();
            String landing = stack.functionSpecs().stream().filter(spec -> spec.logicalId().equals("LandingFunction"))
                    .map(FunctionSpec::functionName).findFirst().orElseThrow();
            List<String> csrf = new ArrayList<>();
            for (String token : tokens) {
                String page = http.send(HttpRequest.newBuilder(base.resolve("/p/" + token)).header("Cookie", COOKIE)
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = CSRF.matcher(page);
                if (!m.find()) {
                    throw new IllegalStateException("no form on the landing page: " + page.substring(0, Math.min(300, page.length())));
                }
                csrf.add(m.group(1));
            }
            List<String> paths = tokens.stream().map(token -> "/p/" + token).toList();
            String staticScript = Wrk.fixed("GET", LocalStack.BENCHMARK_ROUTE);
            String getScript = Wrk.rotating("GET", paths, Map.of("Cookie", COOKIE), null, Map.of());
            // The form as the page sends it: the link's CSRF field (the MAC of the link and the cookie's nonce), a
            // fresh submission id each time (the page is not one-time here, so each POST records an answer).
            String postScript = Wrk.rotating("POST", paths, Map.of("Cookie", COOKIE,
                            "Content-Type", "application/x-www-form-urlencoded"),
                    "\"csrf=\" .. csrf[i] .. \"&submission=\" .. random(22) .. "
                            + "\"&still-student=yes&still-student.examDate=2027-06-15\"", Map.of("csrf", csrf));
            for (String script : List.of(staticScript, getScript, postScript)) {
                Wrk.run(base, script, 8, warmUpSeconds);
            }
            settle(stack);
            System.out.printf("%-8s %5s %9s %9s %9s %8s%n", "route", "conc", "req/s", "p50 ms", "p99 ms", "p99/static");
            for (int level : levels) {
                Wrk.Run ceiling = Wrk.run(base, staticScript, level, seconds);
                settle(stack);
                results.add(print("static", level, ceiling, ceiling, null));
                results.add(print("GET", level, measured(stack, landing, base, getScript, level, seconds, "page views"),
                        ceiling));
                results.add(print("POST", level, measured(stack, landing, base, postScript, level, seconds, "answers"),
                        ceiling));
            }
            for (String route : List.of("GET", "POST")) {
                Level best = results.stream().filter(level -> level.route().equals(route))
                        .max(Comparator.comparingDouble(Level::requestsPerSecond)).orElseThrow();
                double floor = Measurement.floorUnitsPerSecond(stack, best.cost(), best.concurrency());
                costs.add(new Cost(route, best.concurrency(), best.cost(), floor));
                System.out.printf("%n%s /p/{token} at concurrency %d (the level with the most requests/s):%n", route,
                        best.concurrency());
                best.cost().print(System.out, floor);
            }
            Cost get = costs.get(0);
            Cost post = costs.get(1);
            double getCpu = get.landingCpuMs(landing);
            double postCpu = post.landingCpuMs(landing);
            double getRate = results.stream().filter(level -> level.route().equals("GET"))
                    .mapToDouble(Level::requestsPerSecond).max().orElse(0);
            System.out.printf("%ntarget GET ≥ %,.0f req/s: %,.0f req/s, %s%n", GET_TARGET_PER_SECOND, getRate,
                    metOrNot(getRate >= GET_TARGET_PER_SECOND));
            System.out.printf("target the landing function's own CPU ≤ %.1f ms per GET: %.3f ms, %s%n",
                    GET_CPU_TARGET_MS, getCpu, metOrNot(getCpu <= GET_CPU_TARGET_MS));
            System.out.printf("target the landing function's own CPU ≤ %.1f ms per POST: %.3f ms, %s%n",
                    POST_CPU_TARGET_MS, postCpu, metOrNot(postCpu <= POST_CPU_TARGET_MS));
            deadLetters = deadLetters(stack);
            System.out.printf("dead-letter messages after the run: %,d%n", deadLetters);
        }
        return new Result(List.copyOf(results), List.copyOf(costs), deadLetters);
    }

    private static String metOrNot(boolean met) {
        return met ? "met" : "NOT met";
    }

    /** A measured level: wrk's figures, and what the requests the landing function served cost. */
    private record Measured(Wrk.Run run, UnitCost cost) {}

    private static Measured measured(LocalStack stack, String landing, URI base, String script, int level,
            int seconds, String unit) throws Exception {
        Measurement measurement = Measurement.start(stack, "landing", "journeys", "sync");
        long started = System.nanoTime();
        Wrk.Run run = Wrk.run(base, script, level, seconds);
        // An answer's work goes on after its POST is answered (the journeys function takes it from the responses
        // queue): it is part of what the answer costs, so the measurement ends when the queues are empty.
        settle(stack);
        // The units are the requests the landing function served: wrk leaves up to one request per connection
        // unanswered when it stops, which the function still serves (and pays for). The stretch is wrk's own.
        FunctionMeter.Usage served = FunctionMeter.snapshot().get(landing);
        long requests = served == null ? 0 : served.invocations();
        UnitCost cost = measurement.stop(unit, requests, started + (long) (run.seconds() * 1e9))
                .withHttpApiRequests(requests);
        return new Measured(run, cost);
    }

    /** How long the stack may take to empty its queues after a level before the benchmark gives up. */
    private static final Duration SETTLE_PATIENCE = Duration.ofMinutes(2);

    /**
     * Waits until every queue of the stack but the dead-letter queues is empty (nothing waiting, nothing in
     * flight), so one level's aftermath is neither counted in the next level nor competing with its load.
     */
    static void settle(LocalStack stack) throws InterruptedException {
        SqsClient sqs = stack.emulators().sqs();
        long deadline = System.nanoTime() + SETTLE_PATIENCE.toNanos();
        while (true) {
            List<String> busy = new ArrayList<>();
            for (String queue : sqs.listQueues().queueUrls()) {
                if (!isDeadLetterQueue(queue) && messages(sqs, queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE) > 0) {
                    busy.add(queue.substring(queue.lastIndexOf('/') + 1));
                }
            }
            if (busy.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the stack's queues did not empty in " + SETTLE_PATIENCE + ": " + busy);
            }
            Thread.sleep(100);
        }
    }

    /** Messages in the stack's dead-letter queues: work the pipeline gave up on. */
    static long deadLetters(LocalStack stack) {
        SqsClient sqs = stack.emulators().sqs();
        return sqs.listQueues().queueUrls().stream().filter(LandingBenchmark::isDeadLetterQueue)
                .mapToLong(queue -> messages(sqs, queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).sum();
    }

    private static boolean isDeadLetterQueue(String queueUrl) {
        return queueUrl.substring(queueUrl.lastIndexOf('/') + 1).contains("-dlq");
    }

    private static long messages(SqsClient sqs, String queueUrl, QueueAttributeName... counts) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(counts)).attributes();
        return attributes.values().stream().mapToLong(Long::parseLong).sum();
    }

    private static Level print(String route, int level, Measured measured, Wrk.Run ceiling) {
        return print(route, level, measured.run(), ceiling, measured.cost());
    }

    private static Level print(String route, int level, Wrk.Run run, Wrk.Run ceiling, UnitCost cost) {
        long notAnswered = run.refused() + run.lost();
        System.out.printf("%-8s %5d %9.0f %9.2f %9.2f %8.1f%s%n", route, level, run.requestsPerSecond(), run.p50Ms(),
                run.p99Ms(), run.p99Ms() / ceiling.p99Ms(), notAnswered > 0 ? "  (" + notAnswered + " non-2xx)" : "");
        return new Level(route, level, run.requests(), run.requestsPerSecond(), run.p50Ms(), run.p99Ms(),
                run.refused(), run.lost(), cost);
    }

    private static List<String> setUp(LocalStack stack, HttpClient http, Path examples, int links) throws Exception {
        TenantId tenant = TenantId.of("bench");
        var dynamoDb = stack.emulators().dynamoDb();
        var resources = stack.resources();
        Tenant bench = new Tenant(tenant, "Benkforbundet", stack.clock().instant());
        new DynamoDbTenantDirectory(dynamoDb, resources.requireTableName("TenantsTable")).createIfAbsent(bench);
        DynamoDbContactStore contacts = new DynamoDbContactStore(dynamoDb, resources.requireTableName("ContactsTable"),
                stack.clock(), 4);
        try {
            ContactJson json = new ContactJson(stack.clock());
            List<no.dialog.core.contact.Contact> people = new ArrayList<>();
            for (int i = 0; i < links; i++) {
                // Exam ahead: nobody is in the example segment, so activating sends nothing.
                people.add(json.read("{\"id\":\"B-" + i + "\",\"updatedAt\":\"2026-11-01T10:00:00Z\",\"firstName\":\"Kari\","
                        + "\"phone\":\"+4791" + String.format("%06d", i) + "\",\"memberships\":[{\"type\":\"student\","
                        + "\"status\":\"active\",\"examDate\":\"2030-06-15\"}]}").contact());
            }
            contacts.upsertAll(tenant, people);
        } finally {
            contacts.close();
        }
        String editor = MAPPER.readTree(http.send(HttpRequest.newBuilder(stack.baseUri().resolve(
                "/local/token?tenant=bench&roles=editor")).build(), HttpResponse.BodyHandlers.ofString()).body())
                .get("token").asText();
        admin(http, stack, editor, "/admin/v1/segments", Files.readString(examples.resolve("students-past-exam.segment.json")));
        admin(http, stack, editor, "/admin/v1/templates", Files.readString(examples.resolve("student-ask.template.json")));
        admin(http, stack, editor, "/admin/v1/templates", Files.readString(examples.resolve("student-remind.template.json")));
        ObjectNode journey = (ObjectNode) MAPPER.readTree(Files.readString(examples.resolve("student-journey.json")));
        journey.put("id", "student");
        // The POST benchmark answers each link many times: a page that is not one-time.
        journey.findParents("oneTime").forEach(page -> ((ObjectNode) page).put("oneTime", false));
        admin(http, stack, editor, "/admin/v1/journeys", journey.toString());
        admin(http, stack, editor, "/admin/v1/journeys/student/activate", null);

        LinkTokens tokens = new LinkTokens(new LandingKeys(Base64.getDecoder().decode(LandingParameters.DEV_SECRET), 1, 1));
        MintedLinks minted = new MintedLinks(tokens, new DynamoDbLinkStore(dynamoDb,
                resources.requireTableName("LandingLinksTable")), stack.baseUri().toString(), stack.clock());
        List<String> result = new ArrayList<>();
        Instant now = stack.clock().instant();
        for (int i = 0; i < links; i++) {
            String link = minted.mint(bench, new SendRequest("bench", "bench:E-" + i + ":ask", "B-" + i, "E-" + i,
                    "student", 1, "ask", "sms", null, "student-ask", "A", now), "nb");
            result.add(link.substring(link.lastIndexOf('/') + 1));
        }
        return result;
    }

    private static void admin(HttpClient http, LocalStack stack, String token, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(stack.baseUri().resolve(path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
