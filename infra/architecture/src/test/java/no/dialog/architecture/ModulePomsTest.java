package no.dialog.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The module rules on the Maven side (docs/adr/0021-architecture-rules.md): what each module's pom may
 * depend on among Dialog's own artifacts. {@code test} scope may add the emulators and the aws test fixtures.
 */
class ModulePomsTest {

    private static final Path ROOT = Path.of(System.getProperty("dialog.root", "../..")).normalize();
    private static final Set<String> SHARED_MODULES = Set.of("functions/core", "functions/aws", "functions/providers");
    private static final Set<String> SHARED_ARTIFACTS = Set.of("dialog-core", "dialog-aws", "dialog-providers");
    private static final Set<String> TEST_ONLY = Set.of("dialog-emulators");

    record Dep(String artifactId, String scope) {
        boolean test() {
            return "test".equals(scope);
        }
    }

    @Test
    void functionModulesDependOnlyOnCoreAwsAndProviders() throws Exception {
        List<String> functions = functionModules();
        assertThat(functions).as("function modules in the root pom").isNotEmpty();
        assertThat(forbidden(functions)).as("a function module uses core, aws and providers only (its tests also"
                + " the emulators)").isEmpty();
    }

    @Test
    void awsAndProvidersDependOnNoFunctionOrInfra() throws Exception {
        assertThat(forbidden(List.of("functions/aws", "functions/providers")))
                .as("aws and providers use core (and each other) only (their tests also the emulators)").isEmpty();
    }

    @Test
    void coreDependsOnNoOtherModule() throws Exception {
        assertThat(dialogDependencies("functions/core")).as("functions/core's Dialog dependencies").isEmpty();
    }

    @Test
    void theArchitectureModuleSeesEveryFunctionModule() throws Exception {
        Set<String> checked = dialogDependencies("infra/architecture").stream()
                .filter(dep -> !dep.test()).map(Dep::artifactId).collect(Collectors.toSet());
        for (String module : functionModules()) {
            assertThat(checked).as("infra/architecture must depend on %s so that ModuleArchitectureTest checks it",
                    module).contains(artifactId(module));
        }
    }

    /** "module → artifact (scope)" for each Dialog dependency of the modules that is not allowed. */
    static List<String> forbidden(List<String> modules) throws Exception {
        List<String> forbidden = new ArrayList<>();
        for (String module : modules) {
            for (Dep dep : dialogDependencies(module)) {
                boolean allowed = SHARED_ARTIFACTS.contains(dep.artifactId())
                        || dep.test() && TEST_ONLY.contains(dep.artifactId());
                if (!allowed) {
                    forbidden.add(module + " → " + dep.artifactId() + " (" + (dep.scope() == null ? "compile" : dep.scope())
                            + ")");
                }
            }
        }
        return forbidden;
    }

    /** The root pom's {@code functions/*} modules other than core, aws and providers. */
    static List<String> functionModules() throws Exception {
        Element project = read(ROOT.resolve("pom.xml"));
        List<String> functions = new ArrayList<>();
        for (Element modules : children(project, "modules")) {
            for (Element module : children(modules, "module")) {
                String path = module.getTextContent().strip();
                if (path.startsWith("functions/") && !SHARED_MODULES.contains(path)) {
                    functions.add(path);
                }
            }
        }
        return functions;
    }

    /** The module's own {@code no.dialog} dependencies (not dependency management, not plugins). */
    static List<Dep> dialogDependencies(String module) throws Exception {
        Element project = read(ROOT.resolve(module).resolve("pom.xml"));
        List<Dep> deps = new ArrayList<>();
        for (Element dependencies : children(project, "dependencies")) {
            for (Element dependency : children(dependencies, "dependency")) {
                if ("no.dialog".equals(text(dependency, "groupId"))) {
                    deps.add(new Dep(text(dependency, "artifactId"), text(dependency, "scope")));
                }
            }
        }
        return deps;
    }

    static String artifactId(String module) throws Exception {
        return text(read(ROOT.resolve(module).resolve("pom.xml")), "artifactId");
    }

    private static Element read(Path pom) throws Exception {
        assertThat(pom).exists();
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (var in = Files.newInputStream(pom)) {
            return factory.newDocumentBuilder().parse(in).getDocumentElement();
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.getFirst().getTextContent().strip();
    }
}
