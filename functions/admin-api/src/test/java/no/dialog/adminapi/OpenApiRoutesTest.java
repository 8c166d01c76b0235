package no.dialog.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.dialog.adminapi.OpenApiContract.Route;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.yaml is the contract: every route it documents is a route of template.yaml's HTTP API, and
 * every route of the template is documented; every admin API route of the template is a controller
 * method of this function and every controller method is documented (path parameter names aside: the
 * controllers read the raw path). A route added in one place only fails here.
 */
class OpenApiRoutesTest {

    private static final String ADMIN_API_FUNCTION = "AdminApiFunction";

    @Test
    void everyDocumentedRouteIsInTheTemplateAndEveryTemplateRouteIsDocumented() throws IOException {
        Set<Route> documented = OpenApiContract.get().routes();
        Set<Route> deployed = templateRoutes().keySet();

        assertThat(difference(documented, deployed)).as("documented in docs/openapi.yaml but not in template.yaml").isEmpty();
        assertThat(difference(deployed, documented)).as("in template.yaml but not documented in docs/openapi.yaml").isEmpty();
    }

    @Test
    void everyAdminApiRouteIsAControllerMethodAndEveryControllerMethodIsDocumented() throws Exception {
        Set<String> controllers = controllerRoutes();
        Set<String> documented = OpenApiContract.get().routes().stream().map(OpenApiRoutesTest::shape)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> adminApi = templateRoutes().entrySet().stream()
                .filter(e -> e.getValue().equals(ADMIN_API_FUNCTION)).map(e -> shape(e.getKey()))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(controllers).as("the controllers find routes").isNotEmpty();
        assertThat(difference(controllers, documented)).as("controller routes not documented in docs/openapi.yaml").isEmpty();
        assertThat(difference(adminApi, controllers)).as("AdminApiFunction routes in template.yaml without a controller").isEmpty();
        assertThat(difference(controllers, adminApi)).as("controller routes that template.yaml does not send to AdminApiFunction").isEmpty();
    }

    @Test
    void theCheckTellsADocumentedRouteFromAnUndocumentedOne() {
        OpenApiContract contract = OpenApiContract.get();
        assertThat(contract.documentedPath("GET", "/admin/v1/segments/abc")).isEqualTo("/admin/v1/segments/{id}");
        assertThat(contract.documentedPath("POST", "/admin/v1/segments/preview")).isEqualTo("/admin/v1/segments/preview");
        assertThat(contract.documentedPath("PATCH", "/admin/v1/segments/abc")).isNull();
        assertThat(contract.documentedPath("GET", "/admin/v1/nothing-here")).isNull();
    }

    /** Each HttpApi event of template.yaml: its route, and the logical id of the function it calls. */
    static Map<Route, String> templateRoutes() throws IOException {
        JsonNode template = new YAMLMapper().readTree(OpenApiContract.repositoryFile("template.yaml").toFile());
        Map<Route, String> routes = new LinkedHashMap<>();
        template.get("Resources").properties().forEach(resource -> {
            JsonNode events = resource.getValue().at("/Properties/Events");
            events.properties().stream().map(Map.Entry::getValue)
                    .filter(event -> event.path("Type").asText().equals("HttpApi"))
                    .forEach(event -> routes.put(new Route(event.at("/Properties/Method").asText().toUpperCase(),
                            event.at("/Properties/Path").asText()), resource.getKey()));
        });
        return routes;
    }

    /** {@code GET /admin/v1/segments/{}} for every controller method of this module. */
    private static Set<String> controllerRoutes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(AdminApiFunction.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> routes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, OpenApiRoutesTest.class.getClassLoader());
                Controller controller = type.getAnnotation(Controller.class);
                if (controller == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    for (Annotation annotation : method.getDeclaredAnnotations()) {
                        String verb = verb(annotation);
                        if (verb != null) {
                            routes.add(shape(new Route(verb, join(controller.value(), uri(annotation)))));
                        }
                    }
                }
            }
        }
        return routes;
    }

    private static String verb(Annotation annotation) {
        return switch (annotation) {
            case Get g -> "GET";
            case Post p -> "POST";
            case Put p -> "PUT";
            case Delete d -> "DELETE";
            case Patch p -> "PATCH";
            default -> null;
        };
    }

    private static String uri(Annotation annotation) {
        String[] values = switch (annotation) {
            case Get g -> new String[] {g.value(), g.uri()};
            case Post p -> new String[] {p.value(), p.uri()};
            case Put p -> new String[] {p.value(), p.uri()};
            case Delete d -> new String[] {d.value(), d.uri()};
            case Patch p -> new String[] {p.value(), p.uri()};
            default -> new String[] {""};
        };
        return Stream.of(values).filter(v -> v != null && !v.isEmpty() && !v.equals("/")).findFirst().orElse("");
    }

    private static String join(String base, String rest) {
        String path = (base + (rest.isEmpty() || rest.startsWith("/") ? rest : "/" + rest)).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The route with its path parameters unnamed: {@code GET /admin/v1/segments/{}}. */
    private static String shape(Route route) {
        return route.method() + " " + route.path().replaceAll("\\{[^}]*}", "{}");
    }

    private static Set<String> difference(Set<?> a, Set<?> b) {
        return a.stream().filter(r -> !b.contains(r)).map(Object::toString).collect(Collectors.toCollection(TreeSet::new));
    }
}
