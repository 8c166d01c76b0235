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
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.dialog.aws.dynamodb.DynamoDbContactStore;
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
import no.dialog.local.sandbox.LandingParameters;
import no.dialog.local.template.TemplateFiles;

/**
 * {@code infra/bench/run landing [seconds per level]}: {@code GET} and {@code POST /p/{token}} through the
 * local gateway at rising concurrency (closed loop: each worker sends its next request when the last is
 * answered), with the same levels against {@code GET /landing/static} (a fixed response from the same
 * function through the same gateway) as the ceiling. Prints requests/s, p50 and p99 per level and the
 * p99 ratio to the static response. Rate limits are raised for the run (all load comes from one IP).
 */
public final class LandingBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int[] LEVELS = {1, 4, 16, 32};
    /** Links minted (one contact each) and answered in turn. */
    static final int LINKS = 400;
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

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
     * @param requests requests sent (each answered or failed before the worker sent its next)
     * @param refused  requests answered with a status of 300 or more
     * @param lost     requests that got no answer (the client failed: connection, timeout)
     */
    public record Level(String route, int concurrency, long requests, double requestsPerSecond, double p50Ms,
            double p99Ms, long refused, long lost) {}

    /** Every level of every route, in the order printed. */
    public record Result(List<Level> levels) {

        /** Every request answered with a 2xx. */
        public boolean ok() {
            return levels.stream().allMatch(level -> level.requests() > 0 && level.refused() == 0 && level.lost() == 0);
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
        List<Level> results = new ArrayList<>();
        Path template = TemplateFiles.findFromWorkingDirectory().toAbsolutePath();
        Path examples = template.getParent().resolve("docs/examples");
        try (TemporaryProperties limits = TemporaryProperties.set("dialog.landing.ratePerIp", "100000000",
                "dialog.landing.ratePerLink", "100000000");
             LocalStack stack = LocalStack.start(LocalStackOptions.ephemeral(template, 0))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<String> tokens = setUp(stack, http, examples, links);
            URI base = stack.baseUri();
            String cookie = "dlg_csrf=" + "n".repeat(22);
            List<String> csrf = new ArrayList<>();
            for (String token : tokens) {
                String page = http.send(HttpRequest.newBuilder(base.resolve("/p/" + token)).header("Cookie", cookie)
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = CSRF.matcher(page);
                if (!m.find()) {
                    throw new IllegalStateException("no form on the landing page: " + page.substring(0, Math.min(300, page.length())));
                }
                csrf.add(m.group(1));
            }
            warmUp(http, base, tokens, cookie, csrf, warmUpSeconds);
            System.out.printf("%-8s %5s %9s %9s %9s %8s%n", "route", "conc", "req/s", "p50 ms", "p99 ms", "p99/static");
            for (int level : levels) {
                double[] ceiling = run(level, seconds, i -> HttpRequest.newBuilder(base.resolve(LocalStack.BENCHMARK_ROUTE)).build(), http);
                results.add(print("static", level, ceiling, ceiling));
                double[] get = run(level, seconds, i -> HttpRequest.newBuilder(base.resolve("/p/" + tokens.get(i % tokens.size())))
                        .header("Cookie", cookie).build(), http);
                results.add(print("GET", level, get, ceiling));
                double[] post = run(level, seconds, i -> post(base, tokens, csrf, cookie, i), http);
                results.add(print("POST", level, post, ceiling));
            }
        }
        return new Result(List.copyOf(results));
    }

    private static HttpRequest post(URI base, List<String> tokens, List<String> csrf, String cookie, int i) {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        String body = "csrf=" + csrf.get(i % csrf.size()) + "&submission=" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(id) + "&still-student=yes&still-student.examDate=2027-06-15";
        return HttpRequest.newBuilder(base.resolve("/p/" + tokens.get(i % tokens.size()))).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void warmUp(HttpClient http, URI base, List<String> tokens, String cookie, List<String> csrf,
                               int seconds) throws Exception {
        run(8, seconds, i -> HttpRequest.newBuilder(base.resolve(LocalStack.BENCHMARK_ROUTE)).build(), http);
        run(8, seconds, i -> HttpRequest.newBuilder(base.resolve("/p/" + tokens.get(i % tokens.size()))).header("Cookie", cookie).build(), http);
        run(8, seconds, i -> post(base, tokens, csrf, cookie, i), http);
    }

    private interface Requests {
        HttpRequest make(int i);
    }

    /** {requests/s, p50 ms, p99 ms, non-2xx count (refused and lost), requests, refused (status ≥ 300), lost (no answer)}. */
    private static double[] run(int concurrency, int seconds, Requests requests, HttpClient http) throws Exception {
        // The window opens when the workers start, not before their latency arrays are allocated (32 of 16 MB
        // can take longer than a short window on a busy machine).
        long[] end = new long[1];
        AtomicInteger counter = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        List<long[]> perWorker = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        int[] counts = new int[concurrency];
        for (int w = 0; w < concurrency; w++) {
            long[] latencies = new long[2_000_000];
            perWorker.add(latencies);
            int worker = w;
            Thread thread = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end[0] && n < latencies.length) {
                    HttpRequest request = requests.make(counter.getAndIncrement());
                    long start = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() >= 300) {
                            failures.incrementAndGet();
                            refused.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        lost.incrementAndGet();
                    }
                    latencies[n++] = System.nanoTime() - start;
                }
                counts[worker] = n;
            });
            workers.add(thread);
        }
        long started = System.nanoTime();
        end[0] = started + Duration.ofSeconds(seconds).toNanos();
        workers.forEach(Thread::start);
        for (Thread thread : workers) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(perWorker.get(w), 0, all, at, counts[w]);
            at += counts[w];
        }
        Arrays.sort(all);
        if (total == 0) {
            return new double[] {0, Double.NaN, Double.NaN, failures.get(), 0, refused.get(), lost.get()};
        }
        return new double[] {total / elapsed, all[(int) (total * 0.50)] / 1e6, all[Math.min(total - 1, (int) (total * 0.99))] / 1e6,
                failures.get(), total, refused.get(), lost.get()};
    }

    private static Level print(String route, int level, double[] figures, double[] ceiling) {
        System.out.printf("%-8s %5d %9.0f %9.2f %9.2f %8.1f%s%n", route, level, figures[0], figures[1], figures[2],
                figures[2] / ceiling[2], figures[3] > 0 ? "  (" + (long) figures[3] + " non-2xx)" : "");
        return new Level(route, level, (long) figures[4], figures[0], figures[1], figures[2], (long) figures[5],
                (long) figures[6]);
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
