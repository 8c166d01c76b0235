package no.dialog.local.artifacts;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.dialog.local.template.TemplateFiles;

/**
 * Starts {@link FunctionProbe} in a fresh JVM the way Lambda starts a function: the environment cleared and
 * replaced by the given one, only the function's jar on the classpath (the probe itself is a source file the java
 * launcher compiles in memory), a working directory of its own.
 */
final class ProbeRuns {

    private static final Path PROBE_SOURCE = Path.of("infra", "local", "src", "test", "java", "no", "dialog", "local",
            "artifacts", "FunctionProbe.java");
    private static final long TIMEOUT_SECONDS = 90;

    private ProbeRuns() {}

    /** What the probe printed, line by line, and how the JVM ended. */
    record Result(int exitCode, List<String> lines, String stderr) {

        boolean initialised() {
            return exitCode == 0 && lines.stream().anyMatch(line -> line.startsWith("INIT_OK "));
        }

        /** The lines that start with the tag, without it. */
        List<String> tagged(String tag) {
            return lines.stream().filter(line -> line.startsWith(tag + " ")).map(line -> line.substring(tag.length() + 1))
                    .toList();
        }

        /** Why it did not initialise: the probe's INIT_FAILED line, or the end of the JVM's error output. */
        String failure() {
            List<String> failed = tagged("INIT_FAILED");
            if (!failed.isEmpty()) {
                return failed.get(0);
            }
            List<String> errors = stderr.lines().toList();
            return "exit " + exitCode + ": " + String.join("\n", errors.subList(Math.max(0, errors.size() - 15),
                    errors.size()));
        }
    }

    static Result run(FunctionArtifact function, Map<String, String> environment, Collection<String> properties) {
        return run(function, environment, properties, List.of(), null, List.of());
    }

    /**
     * @param jvmOptions    options before the classpath (e.g. {@code -XX:TieredStopAtLevel=1})
     * @param compiledProbe a folder holding FunctionProbe compiled ({@link #compileProbe}), put after the jar on
     *                      the classpath, so the launcher compiles nothing (for timing); null: the source file
     * @param wrapper       a command the JVM runs under, e.g. {@code taskset -c 0} (empty: none)
     */
    static Result run(FunctionArtifact function, Map<String, String> environment, Collection<String> properties,
            List<String> jvmOptions, Path compiledProbe, List<String> wrapper) {
        if (!Files.isRegularFile(function.jar())) {
            throw new IllegalStateException(function.logicalId() + ": " + function.jar()
                    + " does not exist; build the function modules first (mvn -pl infra/local -am verify does)");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(wrapper);
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-Dprobe.properties=" + String.join(",", properties));
        if (compiledProbe == null) {
            command.addAll(List.of("-cp", function.jar().toString(), probeSource().toString()));
        } else {
            command.addAll(List.of("-cp", function.jar() + File.pathSeparator + compiledProbe,
                    FunctionProbe.class.getName()));
        }
        command.add(function.handlerClass());
        try {
            Path workingDirectory = Files.createTempDirectory("lambda-" + function.logicalId());
            Path out = workingDirectory.resolve("stdout.txt");
            Path err = workingDirectory.resolve("stderr.txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(function.logicalId() + ": no answer in " + TIMEOUT_SECONDS + " s");
            }
            Result result = new Result(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            Files.delete(workingDirectory);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Compiles FunctionProbe against a function jar (any: they all hold Micronaut) into a new folder. */
    static Path compileProbe(Path anyFunctionJar) {
        try {
            Path classes = Files.createTempDirectory("function-probe");
            int status = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                    "-cp", anyFunctionJar.toString(), probeSource().toString());
            if (status != 0) {
                throw new IllegalStateException("FunctionProbe does not compile against " + anyFunctionJar);
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path probeSource() {
        Path root = TemplateFiles.findFromWorkingDirectory().toAbsolutePath().getParent();
        return root.resolve(PROBE_SOURCE);
    }
}
