package no.dialog.local.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures, on request, what a cold start costs each function without SnapStart: a fresh JVM pinned to one core
 * ({@code taskset -c 0}), only the function's jar (plus the compiled probe), its environment, time from the JVM's
 * start to the handler's no-arg constructor returning; three runs, the median. Prints a table: jar MB, init ms with
 * the JVM's defaults and with the options Lambda's Java runtime uses (C1 only, serial GC).
 *
 * <pre>mvn -o -pl infra/local -am verify -Dtest='*InitTimes*' -Ddialog.initTimes=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Timings mean something only on an otherwise idle machine.
 */
@EnabledIfSystemProperty(named = "dialog.initTimes", matches = "true")
class FunctionArtifactsInitTimes {

    private static final int RUNS = 3;

    @Test
    void printInitTimes() throws IOException {
        try (TemplateSecrets secrets = TemplateSecrets.start()) {
            printInitTimes(new LambdaEnvironment(secrets.endpoint()));
        }
    }

    private void printInitTimes(LambdaEnvironment lambda) throws IOException {
        List<FunctionArtifact> functions = FunctionArtifacts.fromProjectTemplate(LambdaEnvironment.unusedLocalPort(),
                LambdaEnvironment.unusedLocalPort());
        Path probe = ProbeRuns.compileProbe(functions.get(0).jar());
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-28s %8s %12s %12s%n", "function", "jar MB",
                "init ms", "init ms (C1)"));
        for (FunctionArtifact function : functions) {
            long defaults = median(function, lambda, List.of(), probe);
            long c1 = median(function, lambda, LambdaEnvironment.JVM_OPTIONS, probe);
            table.append(String.format(Locale.ROOT, "%-28s %8.1f %12d %12d%n", function.logicalId(),
                    Files.size(function.jar()) / 1_000_000.0, defaults, c1));
        }
        System.out.println(table);
    }

    private static long median(FunctionArtifact function, LambdaEnvironment lambda, List<String> jvm, Path probe) {
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            List<String> pinned = new ArrayList<>(jvm);
            ProbeRuns.Result result = ProbeRuns.run(function, lambda.of(function), List.of(), pinned, probe,
                    List.of(Files.isExecutable(Path.of("/usr/bin/taskset")) ? "/usr/bin/taskset" : "taskset", "-c", "0"));
            assertThat(result.initialised()).withFailMessage("%s: %s", function.logicalId(), result.failure()).isTrue();
            millis.add(Long.parseLong(result.tagged("INIT_OK").get(0).strip()));
        }
        return millis.stream().sorted().toList().get(RUNS / 2);
    }
}
