package no.dialog.local.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.dialog.local.lambda.runtime.handlers.EchoHandler;
import no.dialog.local.lambda.runtime.handlers.SqsBatchHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Functions run through AWS's Runtime Interface Client against the local Runtime API, in JVMs of their own,
 * from a task root that holds only the function's classes: success, Lambda's failure modes, and concurrency.
 */
class JarFunctionTest {

    @TempDir
    static Path taskRoot;

    @BeforeAll
    static void taskRootWithTheTestHandlersOnly() throws Exception {
        for (Class<?> handler : List.of(EchoHandler.class, SqsBatchHandler.class)) {
            String file = handler.getName().replace('.', '/') + ".class";
            Path source = Path.of(System.getProperty("user.dir"), "target", "test-classes", file);
            Path target = taskRoot.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(source, target);
        }
        // As in a deployment package, the event classes the handler uses come with it (lib/ of the task root).
        // (aws-lambda-java-events brings Joda-Time, which AWS's event serializers load from the function's code.)
        Files.createDirectories(taskRoot.resolve("lib"));
        for (Class<?> library : List.of(SQSEvent.class, org.joda.time.DateTime.class)) {
            Path jar = Path.of(library.getProtectionDomain().getCodeSource().getLocation().toURI());
            Files.copy(jar, taskRoot.resolve("lib").resolve(jar.getFileName()));
        }
    }

    private static JarFunction function(String handler, int concurrency, Duration timeout, Map<String, String> env) {
        return new JarFunction(new FunctionDefinition("dialog-test-local", handler, taskRoot, 256, timeout,
                concurrency, env, Map.of(), JavaRuntime.current()));
    }

    @Test
    void anEventGoesOutAsJsonAndTheResultComesBackWithTheTemplateEnvironment() throws Exception {
        try (JarFunction echo = function(EchoHandler.class.getName() + "::handleRequest", 1, Duration.ofSeconds(20),
                Map.of("TABLE", "dialog-contacts-local"))) {
            JsonNode first = echo.invoke(Map.of("hello", "world"), null);
            JsonNode second = echo.invoke(Map.of("hello", "again"), null);

            assertThat(first.path("event").path("hello").asText()).isEqualTo("world");
            assertThat(first.path("table").asText()).isEqualTo("dialog-contacts-local");
            assertThat(first.path("functionName").asText()).isEqualTo("dialog-test-local");
            assertThat(first.path("remainingMillis").asLong()).isBetween(1L, 20_000L);
            assertThat(second.path("requestId").asText()).isNotEqualTo(first.path("requestId").asText());
            assertThat(second.path("instance").asLong()).as("a warm environment serves the second call")
                    .isEqualTo(first.path("instance").asLong());
            JarFunction.Stats stats = echo.stats();
            assertThat(stats.coldStarts()).isEqualTo(1);
            assertThat(stats.invocations()).isEqualTo(2);
            assertThat(stats.initMillis()).hasSize(1).allSatisfy(ms -> assertThat(ms).isPositive());
        }
    }

    @Test
    void anSqsEventTravelsInAwsShapeAndPartialFailuresComeBack() throws Exception {
        SQSEvent event = new SQSEvent();
        SQSEvent.SQSMessage ok = message("m-1", "fine");
        SQSEvent.SQSMessage bad = message("m-2", "fail");
        event.setRecords(List.of(ok, bad));
        try (JarFunction sqs = function(SqsBatchHandler.class.getName(), 1, Duration.ofSeconds(20), Map.of())) {
            JsonNode result = sqs.invoke(event, null);

            assertThat(result.path("batchItemFailures")).hasSize(1);
            assertThat(result.path("batchItemFailures").get(0).path("itemIdentifier").asText()).isEqualTo("m-2");
        }
    }

    @Test
    void aHandlersExceptionIsAFunctionErrorAndTheEnvironmentLives() throws Exception {
        try (JarFunction echo = function(EchoHandler.class.getName(), 1, Duration.ofSeconds(20), Map.of())) {
            assertThatThrownBy(() -> echo.invoke(Map.of("action", "throw"), null))
                    .isInstanceOfSatisfying(FunctionError.class, error -> {
                        assertThat(error.kind()).isEqualTo(FunctionError.Kind.HANDLER);
                        assertThat(error.errorType()).isEqualTo("java.lang.IllegalArgumentException");
                        assertThat(error.getMessage()).contains("bad input");
                    });
            assertThat(echo.invoke(Map.of("x", 1), null).path("event").path("x").asInt()).isEqualTo(1);
            assertThat(echo.stats().coldStarts()).isEqualTo(1);
            assertThat(echo.stats().errors()).isEqualTo(1);
        }
    }

    @Test
    void aTimeoutStopsTheEnvironmentAndTheNextCallIsAColdStart() throws Exception {
        try (JarFunction echo = function(EchoHandler.class.getName(), 1, Duration.ofSeconds(2), Map.of())) {
            assertThatThrownBy(() -> echo.invoke(Map.of("action", "sleep"), null))
                    .isInstanceOfSatisfying(FunctionError.class, error -> {
                        assertThat(error.kind()).isEqualTo(FunctionError.Kind.TIMEOUT);
                        assertThat(error.getMessage()).contains("Task timed out after 2 seconds");
                    });
            echo.invoke(Map.of("x", 1), null);
            assertThat(echo.stats().coldStarts()).isEqualTo(2);
        }
    }

    @Test
    void aCrashedRuntimeIsReportedAndReplaced() throws Exception {
        try (JarFunction echo = function(EchoHandler.class.getName(), 1, Duration.ofSeconds(20), Map.of())) {
            assertThatThrownBy(() -> echo.invoke(Map.of("action", "exit"), null))
                    .isInstanceOfSatisfying(FunctionError.class, error -> {
                        assertThat(error.kind()).isEqualTo(FunctionError.Kind.CRASH);
                        assertThat(error.getMessage()).contains("exit status 3");
                    });
            echo.invoke(Map.of("x", 1), null);
            assertThat(echo.stats().coldStarts()).isEqualTo(2);
        }
    }

    @Test
    void anInitErrorIsReportedWithTheFunctionsOwnMessage() {
        try (JarFunction broken = function(EchoHandler.class.getName(), 1, Duration.ofSeconds(20),
                Map.of("FAIL", "init"))) {
            assertThatThrownBy(() -> broken.invoke(Map.of(), null))
                    .isInstanceOfSatisfying(FunctionError.class, error -> {
                        assertThat(error.kind()).isEqualTo(FunctionError.Kind.INIT);
                        assertThat(error.getMessage()).contains("missing setting: table");
                    });
            assertThat(broken.stats().lastError()).contains("missing setting: table");
            assertThat(broken.stats().recentLog()).isNotEmpty();
        }
    }

    @Test
    void concurrentCallsStartMoreEnvironmentsUpToTheLimit() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (JarFunction echo = function(EchoHandler.class.getName(), 2, Duration.ofSeconds(30), Map.of())) {
            List<Future<JsonNode>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(callers.submit(() -> echo.invoke(Map.of("action", "slow"), null)));
            }
            java.util.Set<Long> instances = new java.util.HashSet<>();
            for (Future<JsonNode> call : calls) {
                instances.add(call.get().path("instance").asLong());
            }
            assertThat(instances).hasSize(2);
            assertThat(echo.stats().coldStarts()).isEqualTo(2);
        } finally {
            callers.shutdownNow();
        }
    }

    private static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setReceiptHandle("rh-" + id);
        message.setBody(body);
        message.setEventSource("aws:sqs");
        message.setEventSourceArn("arn:aws:sqs:eu-north-1:000000000000:dialog-test-local");
        message.setAwsRegion("eu-north-1");
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        message.setMessageAttributes(Map.of());
        return message;
    }
}
