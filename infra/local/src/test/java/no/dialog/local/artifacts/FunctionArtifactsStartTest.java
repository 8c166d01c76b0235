package no.dialog.local.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every function of template.yaml starts from its deployable jar the way Lambda starts it: a fresh JVM with only
 * that jar on the classpath, only its template environment (local values) plus what Lambda sets, and the
 * handler's public no-arg constructor, which builds Micronaut's Lambda context and creates every singleton, reading
 * the function's secrets from a Secrets Manager endpoint that holds the template's ({@link TemplateSecrets}).
 * A function that does not start fails with its name and the first thing missing (e.g. a setting). Functions
 * that read {@code VIPPS_SETTINGS} start a second time with the deployed value ({@code secrets-manager}) instead
 * of the local stack's ({@code tenant-settings}).
 *
 * <p>Also checks, in the same JVMs, that the endpoint overrides given as environment variables
 * ({@code AWS_ENDPOINT_OVERRIDE_DYNAMODB}, ...) reach the properties the SDK clients are built from, and that no
 * enabled bean reads a setting the environment lacks.
 *
 * <p>Needs the function jars: {@code mvn -pl infra/local -am verify} builds them first.
 */
class FunctionArtifactsStartTest {

    /** Two JVMs at a time: the build machines have two cores. */
    private static final int AT_ONCE = 2;

    private static final TemplateSecrets SECRETS = TemplateSecrets.start();
    private static final LambdaEnvironment LAMBDA = new LambdaEnvironment(SECRETS.endpoint());
    private static final ExecutorService JVMS = Executors.newFixedThreadPool(AT_ONCE);
    private static final Map<String, Run> RUNS = new LinkedHashMap<>();

    private record Run(FunctionArtifact function, Future<ProbeRuns.Result> result) {}

    @BeforeAll
    static void startEveryFunction() {
        URI gateway = LambdaEnvironment.unusedLocalPort();
        URI queues = LambdaEnvironment.unusedLocalPort();
        List<FunctionArtifact> functions = FunctionArtifacts.fromProjectTemplate(gateway, queues);
        for (FunctionArtifact function : functions) {
            start(function.logicalId(), function, LAMBDA.of(function));
            // Locally Vipps keys are tenant settings; deployed, they are in Secrets Manager (the template's default).
            if (function.environment().containsKey(VIPPS_SETTINGS)) {
                Map<String, String> deployed = new LinkedHashMap<>(LAMBDA.of(function));
                deployed.put(VIPPS_SETTINGS, "secrets-manager");
                start(function.logicalId() + " with " + VIPPS_SETTINGS + "=secrets-manager", function, deployed);
            }
        }
    }

    private static final String VIPPS_SETTINGS = "VIPPS_SETTINGS";

    private static void start(String name, FunctionArtifact function, Map<String, String> environment) {
        RUNS.put(name, new Run(function, JVMS.submit(() -> ProbeRuns.run(function, environment,
                LambdaEnvironment.ENDPOINT_PROPERTIES.values(), LambdaEnvironment.JVM_OPTIONS, null, List.of()))));
    }

    @AfterAll
    static void stop() {
        JVMS.shutdownNow();
        SECRETS.close();
    }

    @TestFactory
    Stream<DynamicTest> everyFunctionStartsWithItsTemplateEnvironment() {
        assertThat(RUNS).as("functions in template.yaml").isNotEmpty();
        return RUNS.entrySet().stream().map(run -> DynamicTest.dynamicTest(run.getKey(), () -> {
            FunctionArtifact function = run.getValue().function();
            ProbeRuns.Result result = run.getValue().result().get();
            assertThat(result.initialised())
                    .withFailMessage("%s (%s in %s) does not start: %s", run.getKey(), function.handlerClass(),
                            function.jar().getFileName(), result.failure())
                    .isTrue();
            assertThat(result.tagged("UNRESOLVED"))
                    .as("%s: bean definitions reading settings its environment does not have", function.logicalId())
                    .isEmpty();
            if (!result.tagged("PLAIN_HANDLER").isEmpty()) {
                // It builds no application context (the staff user pool's trigger): started is all there is to check.
                return;
            }
            Map<String, String> resolved = new LinkedHashMap<>();
            result.tagged("PROPERTY").forEach(line -> resolved.put(line.substring(0, line.indexOf('=')),
                    line.substring(line.indexOf('=') + 1)));
            LAMBDA.endpoints().forEach((variable, url) -> assertThat(resolved)
                    .as("%s: %s as Micronaut reads it", function.logicalId(), variable)
                    .containsEntry(LambdaEnvironment.ENDPOINT_PROPERTIES.get(variable), url));
        }));
    }
}
