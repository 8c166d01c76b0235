package no.dialog.local.lambda.runtime;

import static no.dialog.local.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.dialog.local.LocalStack;
import no.dialog.local.LocalStackOptions;
import no.dialog.local.template.FunctionSpec;
import no.dialog.local.template.HttpApiEventSpec;
import no.dialog.local.template.RuleSpec;
import no.dialog.local.template.ScheduleEventSpec;
import no.dialog.local.template.SqsEventSpec;
import no.dialog.local.template.TemplateFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * What deploys is what runs: every function in template.yaml starts from its own jar (the template's
 * {@code CodeUri}), in a JVM of its own, through AWS's Runtime Interface Client against the local Lambda
 * Runtime API, with its handler's no-arg constructor and only its template environment plus endpoint
 * overrides; and serves a real event of each of its triggers: every API route through the gateway, every SQS
 * queue, the schedules, and S3 notifications through their queue.
 */
class EveryFunctionFromItsJarTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;

    @BeforeAll
    static void startFromTheJars() {
        Path template = TemplateFiles.findFromWorkingDirectory().toAbsolutePath();
        stack = LocalStack.start(LocalStackOptions.ephemeral(template, 0)
                .withFunctionRuntime(LocalStackOptions.FunctionRuntime.JARS));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyFunctionStartsFromItsJarAndServesEachOfItsTriggers() throws Exception {
        Map<String, Integer> expected = new LinkedHashMap<>();
        List<String> routeFailures = new ArrayList<>();
        String token = JSON.readTree(get("/local/token?tenant=demo&roles=admin,editor", null).body())
                .get("token").asText();

        for (FunctionSpec function : stack.functionSpecs()) {
            for (HttpApiEventSpec route : function.eventsOfType(HttpApiEventSpec.class)) {
                HttpResponse<String> response = request(route, token);
                if (response.statusCode() >= 500) {
                    routeFailures.add(route.method() + " " + route.path() + " -> " + response.statusCode());
                }
                expected.merge(function.functionName(), 1, Integer::sum);
            }
            for (SqsEventSpec queue : function.eventsOfType(SqsEventSpec.class)) {
                String url = stack.resources().requireQueueUrl(queue.queueLogicalId());
                stack.emulators().sqs().sendMessage(b -> b.queueUrl(url).messageBody("{}"));
                expected.merge(function.functionName(), 1, Integer::sum);
            }
        }
        // S3 notifications reach their functions through their queues, as the template wires them.
        stack.emulators().s3().putObject(b -> b.bucket(stack.importsBucket()).key("demo/contacts/boot.ndjson"),
                RequestBody.fromString("{\"id\":\"D-1\",\"updatedAt\":\"2026-12-01T00:00:00Z\"}\n"));
        stack.emulators().s3().putObject(b -> b.bucket(stack.importsBucket()).key("ocr/demo/boot.ocr"),
                RequestBody.fromString("not an OCR file\n"));
        // Eight days on the local clock fire every schedule (rates, daily and weekly crons) once at least: missed
        // fire times are coalesced. A single day missed the weekly summary whenever the run started after its
        // Monday fire time.
        HTTP.send(HttpRequest.newBuilder(stack.baseUri().resolve("/local/clock/advance?by=P8D"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        for (String scheduled : scheduledFunctions()) {
            expected.merge(scheduled, 1, Integer::sum);
        }

        eventually(() -> everyFunctionInvokedAtLeast(expected), "every function invoked by each of its triggers");

        assertThat(routeFailures).as("routes that answered with a 5xx").isEmpty();
        Map<String, JarFunction.Stats> stats = statsByName();
        assertThat(stats.keySet()).as("every function in the template runs from its jar")
                .containsExactlyInAnyOrderElementsOf(stack.functionSpecs().stream().map(FunctionSpec::functionName).toList());
        for (JarFunction.Stats function : stats.values()) {
            assertThat(function.coldStarts()).as(function.name() + " cold starts").isGreaterThanOrEqualTo(1);
            assertThat(function.errors()).as(function.name() + " errors: " + function.lastError()
                    + "\n" + String.join("\n", function.recentLog())).isZero();
            assertThat(function.initMillis()).as(function.name() + " init ms").allSatisfy(ms -> assertThat(ms).isPositive());
        }
    }

    private static boolean everyFunctionInvokedAtLeast(Map<String, Integer> expected) {
        Map<String, JarFunction.Stats> stats = statsByName();
        return expected.entrySet().stream().allMatch(e -> stats.containsKey(e.getKey())
                && stats.get(e.getKey()).invocations() + stats.get(e.getKey()).errors() >= e.getValue());
    }

    private static Map<String, JarFunction.Stats> statsByName() {
        Map<String, JarFunction.Stats> byName = new LinkedHashMap<>();
        stack.functionStats().forEach(s -> byName.put(s.name(), s));
        return byName;
    }

    private static Set<String> scheduledFunctions() {
        Set<String> names = new TreeSet<>();
        Map<String, String> byLogicalId = new LinkedHashMap<>();
        stack.functionSpecs().forEach(f -> byLogicalId.put(f.logicalId(), f.functionName()));
        for (FunctionSpec function : stack.functionSpecs()) {
            if (!function.eventsOfType(ScheduleEventSpec.class).isEmpty()) {
                names.add(function.functionName());
            }
        }
        for (RuleSpec rule : stack.stackSpec().rules()) {
            if (rule.enabled() && rule.scheduleExpression() != null) {
                for (RuleSpec.Target target : rule.targets()) {
                    if (byLogicalId.containsKey(target.targetLogicalId())) {
                        names.add(byLogicalId.get(target.targetLogicalId()));
                    }
                }
            }
        }
        return names;
    }

    private static HttpResponse<String> request(HttpApiEventSpec route, String token) throws Exception {
        String path = route.path().replaceAll("\\{[^}]+}", "boot-check");
        if (path.contains("/webhooks/") || path.startsWith("/p/")) {
            path = path.replace("boot-check", "demo"); // a tenant-shaped segment, so the function gets that far
        }
        String method = route.method().equalsIgnoreCase("ANY") ? "GET" : route.method().toUpperCase();
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.baseUri().resolve(path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        request.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString("{}"));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.baseUri().resolve(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
