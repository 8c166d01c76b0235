package no.dialog.local.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What can be checked of every function's deployable jar without starting it: the handler template.yaml names is
 * in the jar its {@code CodeUri} names (a public class with a public no-arg constructor and the handler method,
 * implementing Lambda's {@code RequestHandler}); every setting a bean of the jar reads unconditionally
 * ({@code @Value("${...}")} without a default, in a bean definition without {@code @Requires}) is in the function's
 * environment; and none of the libraries dropped from the jars for their weight has come back.
 *
 * <p>Beans with conditions are checked where they are decided, in {@link FunctionArtifactsStartTest} (which also
 * reports every enabled bean reading a missing setting).
 */
class FunctionArtifactsContentsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)(:[^}]*)?}");
    private static final String REQUIRES = "io.micronaut.context.annotation.Requires";
    /**
     * Heavy libraries no function calls (the SDK's HTTP client is url-connection-client). Joda-Time is not one of
     * them: the Lambda runtime's event serializers load it from the function's code to read any event.
     */
    private static final List<String> DROPPED = List.of("io/netty/", "org/apache/http/",
            "software/amazon/awssdk/http/apache/", "software/amazon/awssdk/http/nio/netty/",
            "software/amazon/awssdk/services/dynamodb/streams/");

    private static final List<FunctionArtifact> FUNCTIONS = FunctionArtifacts.fromProjectTemplate(
            LambdaEnvironment.unusedLocalPort(), LambdaEnvironment.unusedLocalPort());

    @TestFactory
    Stream<DynamicTest> theHandlerIsInTheJarItsCodeUriNames() {
        return FUNCTIONS.stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            assertThat(function.jar()).as("%s: CodeUri", function.logicalId()).isRegularFile();
            try (URLClassLoader jar = new URLClassLoader(new URL[] {function.jar().toUri().toURL()},
                    ClassLoader.getPlatformClassLoader())) {
                Class<?> handler = Class.forName(function.handlerClass(), false, jar);
                Class<?> requestHandler = Class.forName("com.amazonaws.services.lambda.runtime.RequestHandler", false,
                        jar);
                assertThat(requestHandler.isAssignableFrom(handler)).as("%s: %s is a RequestHandler",
                        function.logicalId(), handler.getName()).isTrue();
                assertThat(Modifier.isPublic(handler.getModifiers())).isTrue();
                assertThat(handler.getConstructor()).as("%s: public no-arg constructor", function.logicalId())
                        .isNotNull();
                String method = function.handler().contains("::")
                        ? function.handler().substring(function.handler().indexOf("::") + 2) : "handleRequest";
                assertThat(Stream.of(handler.getMethods()).map(Method::getName)).as("%s: %s", function.logicalId(),
                        function.handler()).contains(method);
            }
        }));
    }

    /**
     * Whether the handler builds Micronaut's application context (it extends one of Micronaut's handlers): only
     * then are the jar's beans made. A plain handler in a shared jar (the staff user pool's trigger in the admin
     * API's) reads none of the beans' settings.
     */
    private static boolean buildsAnApplicationContext(FunctionArtifact function) throws Exception {
        try (URLClassLoader jar = new URLClassLoader(new URL[] {function.jar().toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (Class<?> type = Class.forName(function.handlerClass(), false, jar); type != null;
                 type = type.getSuperclass()) {
                if (type.getName().startsWith("io.micronaut.")) {
                    return true;
                }
            }
            return false;
        }
    }

    @TestFactory
    Stream<DynamicTest> everySettingReadUnconditionallyIsInTheEnvironment() {
        return FUNCTIONS.stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            if (!buildsAnApplicationContext(function)) {
                return;
            }
            Set<String> environment = new TreeSet<>();
            function.environment().keySet().forEach(name -> environment.add(name.toUpperCase(Locale.ROOT)));
            List<String> missing = new ArrayList<>();
            forEachBeanDefinition(function, (name, strings) -> {
                if (strings.contains(REQUIRES)) {
                    return;
                }
                for (String string : strings) {
                    Matcher placeholder = PLACEHOLDER.matcher(string);
                    while (placeholder.find()) {
                        String variable = environmentVariable(placeholder.group(1));
                        if (placeholder.group(2) == null && !environment.contains(variable)) {
                            missing.add(name + " reads ${" + placeholder.group(1) + "} (" + variable + ")");
                        }
                    }
                }
            });
            assertThat(missing).as("%s: settings its beans read that its template environment lacks",
                    function.logicalId()).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> theDroppedLibrariesStayOut() {
        return FUNCTIONS.stream().map(FunctionArtifact::jar).distinct().map(jarPath -> DynamicTest.dynamicTest(
                jarPath.getFileName().toString(), () -> {
                    try (JarFile jar = new JarFile(jarPath.toFile())) {
                        List<String> found = jar.stream().map(ZipEntry::getName)
                                .filter(entry -> DROPPED.stream().anyMatch(entry::startsWith))
                                .map(entry -> entry.substring(0, Math.min(entry.length(), 60))).distinct().limit(5)
                                .toList();
                        assertThat(found).isEmpty();
                        assertThat(jar.getEntry("software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class"))
                                .as("the SDK's HTTP client").isNotNull();
                    }
                }));
    }

    /** CONTACTS_TABLE for contacts.table, SYNC_MAX_RECEIVE_COUNT for sync.max-receive-count: Micronaut's mapping. */
    static String environmentVariable(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private interface DefinitionVisitor {
        void visit(String className, List<String> strings);
    }

    /** Dialog's own bean definitions in the jar (Micronaut generates one class per bean: {@code $Name$Definition}). */
    private static void forEachBeanDefinition(FunctionArtifact function, DefinitionVisitor visitor) {
        try (JarFile jar = new JarFile(function.jar().toFile())) {
            for (ZipEntry entry : jar.stream().toList()) {
                String name = entry.getName();
                if (name.startsWith("no/dialog/") && name.endsWith("$Definition.class")) {
                    byte[] bytes;
                    try (var in = jar.getInputStream(entry)) {
                        bytes = in.readAllBytes();
                    }
                    visitor.visit(name.substring(0, name.length() - ".class".length()).replace('/', '.'),
                            ClassFileStrings.of(bytes));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
