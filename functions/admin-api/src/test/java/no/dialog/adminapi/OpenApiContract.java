package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * docs/openapi.yaml as a test oracle. {@link #check} finds the documented operation of a request and
 * validates the answer against it with networknt's JSON Schema validator (OpenAPI 3.1 dialect): the status
 * must be documented, the Content-Type must be one the status documents, and the body must match its
 * schema. Objects are read as closed: a response field the document does not name fails
 * ({@link #closeObjects}), so the document cannot fall behind the code unnoticed.
 */
final class OpenApiContract {

    private static final String DOCUMENT_URI = "https://dialog.invalid/openapi.json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiContract INSTANCE = new OpenApiContract(repositoryFile("docs/openapi.yaml"));

    /** One documented operation: {@code GET /admin/v1/segments/{id}}. */
    record Route(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(Path file) {
        try {
            document = closeObjects(new YAMLMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Only the components are a schema resource: the references left after the response objects are
        // resolved here point into them (and the rest of the document would be unknown keywords).
        String text = JSON.createObjectNode().set("components", document.get("components")).toString();
        registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(DOCUMENT_URI, text)));
    }

    static OpenApiContract get() {
        return INSTANCE;
    }

    /** A file of the repository, found from the module's working directory upwards. */
    static Path repositoryFile(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(relative))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(relative + " not found above the working directory");
        }
        return dir.resolve(relative);
    }

    /** Every documented operation. */
    Set<Route> routes() {
        Set<Route> routes = new LinkedHashSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(op -> METHODS.contains(op.getKey()))
                .forEach(op -> routes.add(new Route(op.getKey().toUpperCase(Locale.ROOT), path.getKey()))));
        return routes;
    }

    /** The problems of {@code response} to {@code method rawPath} against the document; empty when it conforms. */
    List<String> check(String method, String rawPath, APIGatewayV2HTTPResponse response) {
        String path = documentedPath(method, rawPath);
        if (path == null) {
            return List.of(method + " " + rawPath + " is not a documented route");
        }
        String where = method + " " + path + " -> " + response.getStatusCode();
        String pointer = "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT) + "/responses";
        JsonNode answers = document.at(pointer);
        String status = String.valueOf(response.getStatusCode());
        JsonNode answer = answers.get(status);
        if (answer == null) {
            return List.of(where + ": status not documented (documented: " + names(answers) + ")");
        }
        pointer = pointer + "/" + status;
        if (answer.has("$ref")) {
            pointer = answer.get("$ref").asText().substring(1);
            answer = document.at(pointer);
        }
        String body = response.getBody();
        JsonNode content = answer.get("content");
        if (content == null) {
            return body == null || body.isEmpty() ? List.of() : List.of(where + ": documented without a body, answered one");
        }
        String type = contentType(response);
        if (type == null || !content.has(type)) {
            return List.of(where + ": Content-Type " + type + " not documented (documented: " + names(content) + ")");
        }
        if (!type.endsWith("json")) {
            return List.of();
        }
        JsonNode json;
        try {
            json = JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            return List.of(where + ": the body is not JSON");
        }
        if (json == null || json.isMissingNode()) {
            return List.of(where + ": the body is empty");
        }
        Schema schema = schemas.computeIfAbsent(pointer + "/content/" + escape(type) + "/schema", this::schemaAt);
        List<String> problems = new ArrayList<>();
        for (Error error : schema.validate(json)) {
            problems.add(where + ": " + error);
        }
        return problems;
    }

    /** The documented path template {@code rawPath} falls under for {@code method}; literal segments win. */
    String documentedPath(String method, String rawPath) {
        String best = null;
        int bestParameters = Integer.MAX_VALUE;
        for (Route route : routes()) {
            if (!route.method().equals(method)) {
                continue;
            }
            String regex = Pattern.quote(route.path()).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
            if (rawPath.matches(regex)) {
                int parameters = route.path().split("\\{", -1).length - 1;
                if (parameters < bestParameters) {
                    best = route.path();
                    bestParameters = parameters;
                }
            }
        }
        return best;
    }

    private Schema schemaAt(String pointer) {
        // A schema of its own whose body is the node, with the document's "#/..." references made absolute.
        JsonNode node = absoluteRefs(document.at(pointer).deepCopy());
        return registry.getSchema(node);
    }

    private static JsonNode absoluteRefs(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/")) {
                object.put("$ref", DOCUMENT_URI + ref.asText());
            }
            object.properties().forEach(e -> absoluteRefs(e.getValue()));
        } else if (node.isArray()) {
            node.forEach(OpenApiContract::absoluteRefs);
        }
        return node;
    }

    /**
     * Marks every object schema of a response as closed ({@code unevaluatedProperties: false}) unless the
     * document says otherwise, so an answer with a field the contract does not name fails. Members of
     * {@code allOf} stay open (the composition is closed where it is used), and so do free-form objects
     * (no {@code properties}: a journey's trigger, a contact record).
     */
    static JsonNode closeObjects(JsonNode document) {
        JsonNode schemas = document.at("/components/schemas");
        schemas.properties().forEach(e -> close(e.getValue(), true, schemas));
        document.at("/components/responses").properties()
                .forEach(r -> closeContent(r.getValue().get("content"), schemas));
        document.get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(op -> METHODS.contains(op.getKey()) && op.getValue().has("responses"))
                .forEach(op -> op.getValue().get("responses").properties()
                        .forEach(r -> closeContent(r.getValue().get("content"), schemas))));
        return document;
    }

    private static void closeContent(JsonNode content, JsonNode schemas) {
        if (content != null) {
            content.properties().forEach(mt -> {
                if (mt.getValue().has("schema")) {
                    close(mt.getValue().get("schema"), false, schemas);
                }
            });
        }
    }

    private static void close(JsonNode node, boolean inAllOf, JsonNode schemas) {
        if (!node.isObject()) {
            return;
        }
        ObjectNode schema = (ObjectNode) node;
        if (!inAllOf && !schema.has("additionalProperties") && !schema.has("unevaluatedProperties")
                && describesFields(schema, schemas)) {
            schema.put("unevaluatedProperties", false);
        }
        JsonNode properties = schema.get("properties");
        if (properties != null) {
            properties.properties().forEach(p -> close(p.getValue(), false, schemas));
        }
        if (schema.has("items")) {
            close(schema.get("items"), false, schemas);
        }
        for (String keyword : List.of("oneOf", "anyOf")) {
            if (schema.has(keyword)) {
                schema.get(keyword).forEach(s -> close(s, false, schemas));
            }
        }
        if (schema.has("allOf")) {
            schema.get("allOf").forEach(s -> close(s, true, schemas));
        }
    }

    /** An object schema naming its fields, itself or through a reference or an allOf. */
    private static boolean describesFields(JsonNode schema, JsonNode schemas) {
        if (schema.has("properties") || schema.has("allOf")) {
            return true;
        }
        JsonNode ref = schema.get("$ref");
        String prefix = "#/components/schemas/";
        return ref != null && ref.asText().startsWith(prefix)
                && describesFields(schemas.get(ref.asText().substring(prefix.length())), schemas);
    }

    private static String contentType(APIGatewayV2HTTPResponse response) {
        if (response.getHeaders() == null) {
            return null;
        }
        for (Map.Entry<String, String> header : response.getHeaders().entrySet()) {
            if (header.getKey().equalsIgnoreCase("Content-Type")) {
                return header.getValue().split(";")[0].strip().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static String escape(String pointerPart) {
        return pointerPart.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
