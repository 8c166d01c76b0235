package no.dialog.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * A Secrets Manager endpoint inside this JVM on 127.0.0.1: the AWS JSON 1.1 protocol
 * ({@code POST /}, {@code X-Amz-Target: secretsmanager.<Operation>}) for the operations Dialog and its operators
 * use, so the SDK's {@code SecretsManagerClient} works against it through {@code endpointOverride}. No
 * embeddable emulator exists; this one is written from the API reference.
 *
 * <p>Kept: names and ARNs ({@code arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 chars>}), secret
 * lookup by name or ARN, versions with the stages {@code AWSCURRENT} and {@code AWSPREVIOUS} (a new value moves
 * them as AWS does), idempotency by {@code ClientRequestToken}, deletion with or without a recovery window, name
 * filters and paging on ListSecrets, and AWS's error types ({@code ResourceNotFoundException},
 * {@code ResourceExistsException}, {@code InvalidRequestException}, {@code InvalidParameterException}).
 * Left out: KMS keys, rotation lambdas, resource policies, replication, RestoreSecret, binary secrets in
 * ListSecrets. Requests are not authenticated.
 *
 * <p>With a data file, every change is written to it (JSON, written to a temporary file and moved into place)
 * and read back at start; without one the secrets live in memory.
 */
public final class SecretsManagerServer implements AutoCloseable {

    static final String AWSCURRENT = "AWSCURRENT";
    static final String AWSPREVIOUS = "AWSPREVIOUS";
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path dataFile;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** By name; guarded by {@code this}. */
    private final Map<String, ObjectNode> secrets = new LinkedHashMap<>();

    private SecretsManagerServer(HttpServer server, ExecutorService executor, Path dataFile, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.dataFile = dataFile;
        this.clock = clock;
    }

    /**
     * @param dataFile where the secrets are kept between runs, or {@code null} for memory only
     * @param port     the port, or 0 for a free one
     */
    public static SecretsManagerServer start(Path dataFile, int port) {
        return start(dataFile, port, Clock.systemUTC());
    }

    static SecretsManagerServer start(Path dataFile, int port, Clock clock) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
                Thread thread = new Thread(r, "secretsmanager-emulator");
                thread.setDaemon(true);
                return thread;
            });
            http.setExecutor(executor);
            SecretsManagerServer emulator = new SecretsManagerServer(http, executor, dataFile, clock);
            emulator.load();
            http.createContext("/", emulator::handle);
            http.start();
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Secrets Manager emulator", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode request;
            try (InputStream body = exchange.getRequestBody()) {
                byte[] bytes = body.readAllBytes();
                request = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
            }
            ObjectNode response;
            int status = 200;
            try {
                if (!"POST".equals(exchange.getRequestMethod()) || target == null
                        || !target.startsWith("secretsmanager.")) {
                    throw new Failure("UnknownOperationException", "expected POST with X-Amz-Target secretsmanager.*");
                }
                response = operation(target.substring("secretsmanager.".length()), request);
            } catch (Failure failure) {
                status = 400;
                response = JSON.createObjectNode().put("__type", failure.type).put("message", failure.getMessage());
                exchange.getResponseHeaders().set("x-amzn-ErrorType", failure.type);
            }
            byte[] out = JSON.writeValueAsBytes(response);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(out);
            }
        }
    }

    private synchronized ObjectNode operation(String name, JsonNode request) {
        ObjectNode result = switch (name) {
            case "CreateSecret" -> create(request);
            case "GetSecretValue" -> getValue(request);
            case "PutSecretValue" -> putValue(request);
            case "DescribeSecret" -> describe(request);
            case "UpdateSecret" -> update(request);
            case "DeleteSecret" -> delete(request);
            case "ListSecrets" -> list(request);
            default -> throw new Failure("UnknownOperationException", "operation " + name + " is not emulated");
        };
        return result;
    }

    private ObjectNode create(JsonNode request) {
        String name = required(request, "Name");
        if (!name.matches("[A-Za-z0-9/_+=.@-]{1,512}")) {
            throw new Failure("InvalidParameterException", "invalid secret name");
        }
        ObjectNode existing = secrets.get(name);
        if (existing != null) {
            if (existing.has("DeletedDate")) {
                throw new Failure("InvalidRequestException",
                        "You can't create this secret because a secret with this name is already scheduled for deletion.");
            }
            throw new Failure("ResourceExistsException", "The operation failed because the secret " + name
                    + " already exists.");
        }
        double now = now();
        ObjectNode secret = JSON.createObjectNode()
                .put("ARN", "arn:aws:secretsmanager:" + AwsLocal.REGION.id() + ":" + AwsLocal.ACCOUNT_ID + ":secret:"
                        + name + "-" + suffix())
                .put("Name", name)
                .put("CreatedDate", now)
                .put("LastChangedDate", now);
        if (request.hasNonNull("Description")) {
            secret.put("Description", request.get("Description").asText());
        }
        if (request.has("Tags")) {
            secret.set("Tags", request.get("Tags"));
        }
        secret.putObject("Versions");
        ObjectNode result = JSON.createObjectNode().put("ARN", secret.get("ARN").asText()).put("Name", name);
        if (hasValue(request)) {
            result.put("VersionId", addVersion(secret, request, null));
        }
        secrets.put(name, secret);
        save();
        return result;
    }

    private ObjectNode getValue(JsonNode request) {
        ObjectNode secret = live(request);
        String versionId = text(request, "VersionId");
        String stage = text(request, "VersionStage");
        ObjectNode versions = (ObjectNode) secret.get("Versions");
        String id;
        if (versionId != null) {
            if (!versions.has(versionId)) {
                throw new Failure("ResourceNotFoundException", "Secrets Manager can't find the specified secret value for VersionId: " + versionId);
            }
            if (stage != null && !stagesOf(versions.get(versionId)).contains(stage)) {
                throw new Failure("InvalidRequestException", "VersionId and VersionStage do not name the same version");
            }
            id = versionId;
        } else {
            String wanted = stage == null ? AWSCURRENT : stage;
            id = versionWithStage(versions, wanted);
            if (id == null) {
                throw new Failure("ResourceNotFoundException", "Secrets Manager can't find the specified secret value for staging label: " + wanted);
            }
        }
        JsonNode version = versions.get(id);
        ObjectNode result = JSON.createObjectNode().put("ARN", secret.get("ARN").asText())
                .put("Name", secret.get("Name").asText()).put("VersionId", id);
        if (version.has("SecretString")) {
            result.put("SecretString", version.get("SecretString").asText());
        }
        if (version.has("SecretBinary")) {
            result.put("SecretBinary", version.get("SecretBinary").asText());
        }
        result.set("VersionStages", version.get("VersionStages"));
        result.put("CreatedDate", version.get("CreatedDate").asDouble());
        return result;
    }

    private ObjectNode putValue(JsonNode request) {
        ObjectNode secret = live(request);
        if (!hasValue(request)) {
            throw new Failure("InvalidRequestException", "You must provide either SecretString or SecretBinary.");
        }
        List<String> stages = new ArrayList<>();
        if (request.has("VersionStages")) {
            request.get("VersionStages").forEach(s -> stages.add(s.asText()));
        }
        String id = addVersion(secret, request, stages.isEmpty() ? null : stages);
        save();
        ObjectNode result = JSON.createObjectNode().put("ARN", secret.get("ARN").asText())
                .put("Name", secret.get("Name").asText()).put("VersionId", id);
        result.set("VersionStages", secret.get("Versions").get(id).get("VersionStages"));
        return result;
    }

    private ObjectNode describe(JsonNode request) {
        ObjectNode secret = find(request);
        ObjectNode result = summary(secret);
        ObjectNode stages = result.putObject("VersionIdsToStages");
        secret.get("Versions").properties().forEach(v -> {
            if (!v.getValue().get("VersionStages").isEmpty()) {
                stages.set(v.getKey(), v.getValue().get("VersionStages"));
            }
        });
        return result;
    }

    private ObjectNode update(JsonNode request) {
        ObjectNode secret = live(request);
        if (request.hasNonNull("Description")) {
            secret.put("Description", request.get("Description").asText());
            secret.put("LastChangedDate", now());
        }
        ObjectNode result = JSON.createObjectNode().put("ARN", secret.get("ARN").asText())
                .put("Name", secret.get("Name").asText());
        if (hasValue(request)) {
            result.put("VersionId", addVersion(secret, request, null));
        }
        save();
        return result;
    }

    private ObjectNode delete(JsonNode request) {
        ObjectNode secret = find(request);
        boolean force = request.path("ForceDeleteWithoutRecovery").asBoolean(false);
        int window = request.path("RecoveryWindowInDays").asInt(30);
        if (force && request.has("RecoveryWindowInDays")) {
            throw new Failure("InvalidParameterException",
                    "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
        }
        if (!force && (window < 7 || window > 30)) {
            throw new Failure("InvalidParameterException", "RecoveryWindowInDays must be between 7 and 30");
        }
        double deletion = now() + (force ? 0 : window * 86_400.0);
        if (force) {
            secrets.remove(secret.get("Name").asText());
        } else if (secret.has("DeletedDate")) {
            throw new Failure("InvalidRequestException", "the secret is already scheduled for deletion");
        } else {
            secret.put("DeletedDate", now());
        }
        save();
        return JSON.createObjectNode().put("ARN", secret.get("ARN").asText()).put("Name", secret.get("Name").asText())
                .put("DeletionDate", deletion);
    }

    private ObjectNode list(JsonNode request) {
        int max = request.path("MaxResults").asInt(100);
        if (max < 1 || max > 100) {
            throw new Failure("InvalidParameterException", "MaxResults must be between 1 and 100");
        }
        int start = 0;
        if (request.hasNonNull("NextToken")) {
            try {
                start = Integer.parseInt(request.get("NextToken").asText());
            } catch (NumberFormatException e) {
                throw new Failure("InvalidNextTokenException", "The NextToken value is not valid.");
            }
        }
        List<String> namePrefixes = new ArrayList<>();
        for (JsonNode filter : request.path("Filters")) {
            String key = filter.path("Key").asText();
            if (!"name".equals(key)) {
                throw new Failure("InvalidParameterException", "only the name filter is emulated, not " + key);
            }
            filter.path("Values").forEach(v -> namePrefixes.add(v.asText()));
        }
        boolean includeDeleted = request.path("IncludePlannedDeletion").asBoolean(false);
        List<ObjectNode> matching = secrets.values().stream()
                .filter(s -> includeDeleted || !s.has("DeletedDate"))
                .filter(s -> namePrefixes.isEmpty()
                        || namePrefixes.stream().anyMatch(p -> s.get("Name").asText().startsWith(p)))
                .toList();
        ObjectNode result = JSON.createObjectNode();
        ArrayNode list = result.putArray("SecretList");
        for (int i = start; i < Math.min(matching.size(), start + max); i++) {
            list.add(summary(matching.get(i)));
        }
        if (start + max < matching.size()) {
            result.put("NextToken", Integer.toString(start + max));
        }
        return result;
    }

    private ObjectNode summary(ObjectNode secret) {
        ObjectNode result = JSON.createObjectNode();
        for (String field : List.of("ARN", "Name", "Description", "CreatedDate", "LastChangedDate", "DeletedDate",
                "Tags")) {
            if (secret.has(field)) {
                result.set(field, secret.get(field));
            }
        }
        return result;
    }

    /**
     * Adds a version and moves the stages: the new one becomes {@code AWSCURRENT} (unless other stages are asked
     * for), the one that was current becomes {@code AWSPREVIOUS}. A repeated {@code ClientRequestToken} with the
     * same value returns the version it made; with another value it is refused, as by AWS.
     */
    private String addVersion(ObjectNode secret, JsonNode request, List<String> stages) {
        ObjectNode versions = (ObjectNode) secret.get("Versions");
        String token = text(request, "ClientRequestToken");
        ObjectNode version = JSON.createObjectNode();
        if (request.hasNonNull("SecretString")) {
            version.put("SecretString", request.get("SecretString").asText());
        } else {
            version.put("SecretBinary", request.get("SecretBinary").asText());
        }
        if (token != null && versions.has(token)) {
            JsonNode existing = versions.get(token);
            if (existing.path("SecretString").equals(version.path("SecretString"))
                    && existing.path("SecretBinary").equals(version.path("SecretBinary"))) {
                return token;
            }
            throw new Failure("ResourceExistsException",
                    "You can't modify an existing version, you can only create a new version.");
        }
        String id = token != null ? token : UUID.randomUUID().toString();
        List<String> newStages = stages == null ? List.of(AWSCURRENT) : stages;
        if (newStages.contains(AWSCURRENT)) {
            String current = versionWithStage(versions, AWSCURRENT);
            String previous = versionWithStage(versions, AWSPREVIOUS);
            if (previous != null) {
                removeStage(versions.get(previous), AWSPREVIOUS);
            }
            if (current != null) {
                removeStage(versions.get(current), AWSCURRENT);
                ((ArrayNode) versions.get(current).get("VersionStages")).add(AWSPREVIOUS);
            }
        }
        for (String stage : newStages) {
            if (!AWSCURRENT.equals(stage)) {
                String holder = versionWithStage(versions, stage);
                if (holder != null) {
                    removeStage(versions.get(holder), stage);
                }
            }
        }
        ArrayNode stageNodes = version.putArray("VersionStages");
        newStages.forEach(stageNodes::add);
        double now = now();
        version.put("CreatedDate", now);
        versions.set(id, version);
        secret.put("LastChangedDate", now);
        dropUnlabelled(versions);
        return id;
    }

    /** AWS keeps about 100 versions without a label; here, one is enough. */
    private static void dropUnlabelled(ObjectNode versions) {
        List<String> unlabelled = new ArrayList<>();
        versions.properties().forEach(v -> {
            if (v.getValue().get("VersionStages").isEmpty()) {
                unlabelled.add(v.getKey());
            }
        });
        for (int i = 0; i < unlabelled.size() - 1; i++) {
            versions.remove(unlabelled.get(i));
        }
    }

    private static void removeStage(JsonNode version, String stage) {
        Iterator<JsonNode> stages = version.get("VersionStages").iterator();
        while (stages.hasNext()) {
            if (stage.equals(stages.next().asText())) {
                stages.remove();
            }
        }
    }

    private static String versionWithStage(ObjectNode versions, String stage) {
        for (var version : versions.properties()) {
            if (stagesOf(version.getValue()).contains(stage)) {
                return version.getKey();
            }
        }
        return null;
    }

    private static List<String> stagesOf(JsonNode version) {
        List<String> stages = new ArrayList<>();
        version.get("VersionStages").forEach(s -> stages.add(s.asText()));
        return stages;
    }

    /**
     * The secret named by {@code SecretId}, deleted or not: a name, a full ARN, or a partial ARN (without the dash
     * and six random characters), which AWS accepts too.
     */
    private ObjectNode find(JsonNode request) {
        String id = required(request, "SecretId");
        ObjectNode byName = secrets.get(id);
        if (byName != null) {
            return byName;
        }
        for (ObjectNode secret : secrets.values()) {
            String arn = secret.get("ARN").asText();
            if (arn.equals(id) || arn.length() == id.length() + 7 && arn.startsWith(id + "-")) {
                return secret;
            }
        }
        throw new Failure("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
    }

    /** As {@link #find}, refusing a secret that is scheduled for deletion, as AWS does for reads and writes. */
    private ObjectNode live(JsonNode request) {
        ObjectNode secret = find(request);
        if (secret.has("DeletedDate")) {
            throw new Failure("InvalidRequestException",
                    "You can't perform this operation on the secret because it was marked for deletion.");
        }
        return secret;
    }

    private static boolean hasValue(JsonNode request) {
        boolean string = request.hasNonNull("SecretString");
        boolean binary = request.hasNonNull("SecretBinary");
        if (string && binary) {
            throw new Failure("InvalidParameterException", "You can't specify both a binary secret value and a string "
                    + "secret value in the same secret.");
        }
        return string || binary;
    }

    private static String required(JsonNode request, String field) {
        String value = text(request, field);
        if (value == null || value.isEmpty()) {
            throw new Failure("InvalidParameterException", field + " is required");
        }
        return value;
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private double now() {
        return clock.millis() / 1000.0;
    }

    private String suffix() {
        StringBuilder suffix = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            suffix.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return suffix.toString();
    }

    private void load() throws IOException {
        if (dataFile == null || !Files.exists(dataFile)) {
            return;
        }
        JsonNode stored = JSON.readTree(dataFile.toFile());
        stored.properties().forEach(e -> secrets.put(e.getKey(), (ObjectNode) e.getValue()));
    }

    private void save() {
        if (dataFile == null) {
            return;
        }
        try {
            Files.createDirectories(dataFile.toAbsolutePath().getParent());
            Path temporary = dataFile.resolveSibling(dataFile.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), secrets);
            Files.move(temporary, dataFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + dataFile.getFileName(), e);
        }
    }

    /** An AWS error: its type goes to {@code __type}, which the SDK turns into the exception of that name. */
    private static final class Failure extends RuntimeException {
        private final String type;

        Failure(String type, String message) {
            super(message, null, false, false);
            this.type = type;
        }
    }
}
