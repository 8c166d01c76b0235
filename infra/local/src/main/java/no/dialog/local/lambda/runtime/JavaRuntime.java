package no.dialog.local.lambda.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the managed {@code java25} runtime brings besides the function's own code: the JVM, its options, and
 * the runtime's libraries (AWS's Runtime Interface Client with its serialization and core libraries), which
 * Lambda keeps outside the task root. Maven copies those libraries, at the versions the managed runtime
 * uses, into this module's {@code lambda-runtime/} resource folder.
 *
 * <p>JVM options follow the managed runtime: serial GC, a heap sized from the function's memory, and native
 * access for the client's JNI library. Options a function chooses itself come from its template environment
 * ({@code JAVA_TOOL_OPTIONS}, e.g. {@code TieredStopAtLevel=1}), as in AWS.
 */
public final class JavaRuntime {

    static final String RESOURCE_FOLDER = "lambda-runtime";

    /** The runtime's libraries and the client's JNI library, found (and unpacked) once per JVM. */
    private record Libraries(String classpath, String jniLibrary) {}

    private static Libraries libraries;

    private final List<String> commandPrefix;
    private final Path javaExecutable;
    private final Libraries runtimeLibraries;
    private final List<String> extraOptions;

    private JavaRuntime(List<String> commandPrefix, Path javaExecutable, Libraries runtimeLibraries,
            List<String> extraOptions) {
        this.commandPrefix = List.copyOf(commandPrefix);
        this.javaExecutable = javaExecutable;
        this.runtimeLibraries = runtimeLibraries;
        this.extraOptions = List.copyOf(extraOptions);
    }

    /** The property that tells the Runtime Interface Client where its JNI library is. */
    static final String JNI_LIBRARY_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    /** This JVM's own {@code java} and the runtime libraries on this module's classpath. */
    public static JavaRuntime current() {
        return withOptions(List.of());
    }

    /** As {@link #current}, with further JVM options for every environment. */
    public static JavaRuntime withOptions(List<String> extraOptions) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new JavaRuntime(List.of(), java, libraries(), extraOptions);
    }

    /**
     * The same runtime started through a command such as {@code taskset -c 0}, e.g. to pin every environment
     * to one core, as a small Lambda function has about one vCPU's share.
     */
    public JavaRuntime startedThrough(List<String> prefix) {
        return new JavaRuntime(prefix, javaExecutable, runtimeLibraries, extraOptions);
    }

    /** The command up to the main class's arguments: prefix, java, JVM options and classpath. */
    List<String> command(int memoryMb) {
        List<String> command = new java.util.ArrayList<>(commandPrefix);
        command.add(javaExecutable.toString());
        command.addAll(jvmOptions(memoryMb));
        command.add("-cp");
        command.add(runtimeLibraries.classpath());
        return command;
    }

    List<String> jvmOptions(int memoryMb) {
        int heapMb = Math.max(64, memoryMb * 85 / 100);
        List<String> options = new java.util.ArrayList<>(List.of(
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-Xmx" + heapMb + "m",
                "--enable-native-access=ALL-UNNAMED",
                "-Djava.net.preferIPv4Stack=true",
                // Unpacked once here: by itself the client copies it to one fixed path in /tmp, which in Lambda is
                // the sandbox's own, but here is shared, and two environments starting at once crash (SIGBUS).
                "-D" + JNI_LIBRARY_PROPERTY + "=" + runtimeLibraries.jniLibrary()));
        options.addAll(extraOptions);
        return options;
    }

    private static synchronized Libraries libraries() {
        if (libraries == null) {
            String classpath = runtimeClasspath();
            libraries = new Libraries(classpath, jniLibrary(classpath));
        }
        return libraries;
    }

    /** The client's JNI library for this machine, unpacked from its jar. */
    private static String jniLibrary(String classpath) {
        String arch = System.getProperty("os.arch").contains("aarch64") ? "aarch_64" : "x86_64";
        String libc = Files.exists(Path.of("/lib/ld-musl-" + (arch.equals("x86_64") ? "x86_64" : "aarch64") + ".so.1"))
                ? "linux_musl-" : "linux-";
        String entry = "jni/libaws-lambda-jni." + libc + arch + ".so";
        for (String jar : classpath.split(java.io.File.pathSeparator)) {
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar)) {
                java.util.zip.ZipEntry library = zip.getEntry(entry);
                if (library == null) {
                    continue;
                }
                Path target = Files.createTempFile("dialog-lambda-jni-", ".so");
                target.toFile().deleteOnExit();
                try (java.io.InputStream in = zip.getInputStream(library)) {
                    Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                return target.toString();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unpack the Runtime Interface Client's JNI library", e);
            }
        }
        throw new IllegalStateException("no " + entry + " in the Lambda runtime libraries");
    }

    private static String unpackedFromJar(URL folder) {
        try {
            java.net.JarURLConnection connection = (java.net.JarURLConnection) folder.openConnection();
            Path target = Files.createTempDirectory("dialog-lambda-runtime-");
            List<String> jars = new java.util.ArrayList<>();
            try (java.util.jar.JarFile jar = connection.getJarFile()) {
                for (var entries = jar.entries(); entries.hasMoreElements(); ) {
                    java.util.jar.JarEntry entry = entries.nextElement();
                    String name = entry.getName();
                    if (name.startsWith(RESOURCE_FOLDER + "/") && name.endsWith(".jar")) {
                        Path file = target.resolve(name.substring(RESOURCE_FOLDER.length() + 1));
                        try (java.io.InputStream in = jar.getInputStream(entry)) {
                            Files.copy(in, file);
                        }
                        file.toFile().deleteOnExit();
                        jars.add(file.toString());
                    }
                }
            }
            target.toFile().deleteOnExit();
            if (jars.isEmpty()) {
                throw new IllegalStateException("no runtime libraries in " + folder);
            }
            return jars.stream().sorted().collect(Collectors.joining(java.io.File.pathSeparator));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the Lambda runtime libraries from " + folder, e);
        }
    }

    private static String runtimeClasspath() {
        URL folder = JavaRuntime.class.getClassLoader().getResource(RESOURCE_FOLDER);
        if (folder != null && "jar".equals(folder.getProtocol())) {
            return unpackedFromJar(folder); // infra/local as a jar (the benchmarks' classpath)
        }
        if (folder == null || !"file".equals(folder.getProtocol())) {
            throw new IllegalStateException("the Lambda runtime libraries (" + RESOURCE_FOLDER + "/ on the classpath) "
                    + "are missing: build infra/local with Maven, which copies them there");
        }
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            String classpath = files.filter(file -> file.toString().endsWith(".jar")).sorted()
                    .map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
            if (classpath.isEmpty()) {
                throw new IllegalStateException("no runtime libraries in " + folder);
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
