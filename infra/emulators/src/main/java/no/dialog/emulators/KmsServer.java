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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A KMS endpoint inside this JVM on 127.0.0.1: the AWS JSON 1.1 protocol ({@code POST /},
 * {@code X-Amz-Target: TrentService.<Operation>}) for the operations Dialog and the local stack use, so the SDK's
 * {@code KmsClient} works against it through {@code endpointOverride}. No embeddable emulator exists; this one is
 * written from the API reference, after {@link SecretsManagerServer}.
 *
 * <p>Kept: symmetric keys ({@code SYMMETRIC_DEFAULT}, {@code ENCRYPT_DECRYPT}) with ids (UUIDs), ARNs
 * ({@code arn:aws:kms:<region>:<account>:key/<id>}), aliases ({@code alias/…}) and tags; a key named by id, ARN, alias
 * name or alias ARN; {@code CreateKey}, {@code DescribeKey}, {@code ListKeys}, {@code ListResourceTags},
 * {@code CreateAlias}, {@code Encrypt}, {@code Decrypt}, {@code GenerateDataKey} and
 * {@code GenerateDataKeyWithoutPlaintext}; AWS's error types ({@code NotFoundException},
 * {@code InvalidCiphertextException}, {@code IncorrectKeyException}, {@code ValidationException},
 * {@code AlreadyExistsException}).
 *
 * <p><b>Ciphertext.</b> As in KMS, a ciphertext blob names its key and is bound to the encryption context: here it
 * is {@code 0x01 ‖ len ‖ keyId ‖ 12-byte nonce ‖ AES-256-GCM(plaintext) ‖ tag} under the key's own random 256-bit
 * secret, with the key id and the encryption context (sorted, as JSON) as associated data. A wrong or missing
 * context, another key or a changed byte fails with {@code InvalidCiphertextException}, as KMS answers. The format is
 * this emulator's own (KMS's is not public); a blob only ever goes back to the endpoint that made it.
 *
 * <p>Left out: asymmetric and HMAC keys, key policies and grants (requests are not authenticated), key states other
 * than enabled, rotation, multi-region keys, re-encryption.
 *
 * <p>With a data file, every change is written to it (JSON, written to a temporary file and moved into place) and
 * read back at start, so what was encrypted before a restart still decrypts; without one the keys live in memory.
 */
public final class KmsServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NONCE = 12;
    private static final int MAX_PLAINTEXT = 4096;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path dataFile;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Keys by id, and aliases ({@code alias/…} → key id); guarded by {@code this}. */
    private final Map<String, ObjectNode> keys = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();

    private KmsServer(HttpServer server, ExecutorService executor, Path dataFile, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.dataFile = dataFile;
        this.clock = clock;
    }

    /**
     * @param dataFile where the keys are kept between runs, or {@code null} for memory only
     * @param port     the port, or 0 for a free one
     */
    public static KmsServer start(Path dataFile, int port) {
        return start(dataFile, port, Clock.systemUTC());
    }

    static KmsServer start(Path dataFile, int port, Clock clock) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
                Thread thread = new Thread(r, "kms-emulator");
                thread.setDaemon(true);
                return thread;
            });
            http.setExecutor(executor);
            KmsServer emulator = new KmsServer(http, executor, dataFile, clock);
            emulator.load();
            http.createContext("/", emulator::handle);
            http.start();
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the KMS emulator", e);
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
            ObjectNode response;
            int status = 200;
            try {
                JsonNode request;
                try (InputStream body = exchange.getRequestBody()) {
                    byte[] bytes = body.readAllBytes();
                    request = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
                } catch (IOException e) {
                    throw new Failure("SerializationException", "the request body is not JSON");
                }
                if (!"POST".equals(exchange.getRequestMethod()) || target == null
                        || !target.startsWith("TrentService.")) {
                    throw new Failure("UnknownOperationException", "expected POST with X-Amz-Target TrentService.*");
                }
                response = operation(target.substring("TrentService.".length()), request);
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
        return switch (name) {
            case "CreateKey" -> create(request);
            case "DescribeKey" -> JSON.createObjectNode().set("KeyMetadata", metadata(find(required(request, "KeyId"))));
            case "ListKeys" -> list(request);
            case "ListResourceTags" -> tags(request);
            case "CreateAlias" -> createAlias(request);
            case "Encrypt" -> encrypt(request);
            case "Decrypt" -> decrypt(request);
            case "GenerateDataKey" -> generateDataKey(request, true);
            case "GenerateDataKeyWithoutPlaintext" -> generateDataKey(request, false);
            default -> throw new Failure("UnsupportedOperationException", "operation " + name + " is not emulated");
        };
    }

    private ObjectNode create(JsonNode request) {
        String spec = request.path("KeySpec").asText(request.path("CustomerMasterKeySpec").asText("SYMMETRIC_DEFAULT"));
        String usage = request.path("KeyUsage").asText("ENCRYPT_DECRYPT");
        if (!"SYMMETRIC_DEFAULT".equals(spec) || !"ENCRYPT_DECRYPT".equals(usage)) {
            throw new Failure("UnsupportedOperationException", "only SYMMETRIC_DEFAULT ENCRYPT_DECRYPT keys are emulated");
        }
        String id = UUID.randomUUID().toString();
        byte[] material = new byte[32];
        random.nextBytes(material);
        ObjectNode key = JSON.createObjectNode()
                .put("KeyId", id)
                .put("Arn", "arn:aws:kms:" + AwsLocal.REGION.id() + ":" + AwsLocal.ACCOUNT_ID + ":key/" + id)
                .put("CreationDate", now())
                .put("Description", request.path("Description").asText(""))
                .put("Material", Base64.getEncoder().encodeToString(material));
        ArrayNode tags = key.putArray("Tags");
        for (JsonNode tag : request.path("Tags")) {
            tags.add(JSON.createObjectNode().put("TagKey", tag.path("TagKey").asText())
                    .put("TagValue", tag.path("TagValue").asText()));
        }
        keys.put(id, key);
        save();
        return JSON.createObjectNode().set("KeyMetadata", metadata(key));
    }

    private ObjectNode metadata(ObjectNode key) {
        return JSON.createObjectNode()
                .put("AWSAccountId", AwsLocal.ACCOUNT_ID)
                .put("KeyId", key.get("KeyId").asText())
                .put("Arn", key.get("Arn").asText())
                .put("CreationDate", key.get("CreationDate").asDouble())
                .put("Enabled", true)
                .put("Description", key.get("Description").asText())
                .put("KeyUsage", "ENCRYPT_DECRYPT")
                .put("KeyState", "Enabled")
                .put("Origin", "AWS_KMS")
                .put("KeyManager", "CUSTOMER")
                .put("KeySpec", "SYMMETRIC_DEFAULT")
                .put("CustomerMasterKeySpec", "SYMMETRIC_DEFAULT")
                .put("MultiRegion", false)
                .set("EncryptionAlgorithms", JSON.createArrayNode().add("SYMMETRIC_DEFAULT"));
    }

    private ObjectNode list(JsonNode request) {
        int limit = request.path("Limit").asInt(100);
        if (limit < 1 || limit > 1000) {
            throw new Failure("ValidationException", "Limit must be between 1 and 1000");
        }
        int start = 0;
        if (request.hasNonNull("Marker")) {
            try {
                start = Integer.parseInt(request.get("Marker").asText());
            } catch (NumberFormatException e) {
                throw new Failure("InvalidMarkerException", "The marker is not valid.");
            }
        }
        List<ObjectNode> all = new ArrayList<>(keys.values());
        ObjectNode result = JSON.createObjectNode();
        ArrayNode list = result.putArray("Keys");
        for (int i = start; i < Math.min(all.size(), start + limit); i++) {
            list.add(JSON.createObjectNode().put("KeyId", all.get(i).get("KeyId").asText())
                    .put("KeyArn", all.get(i).get("Arn").asText()));
        }
        boolean truncated = start + limit < all.size();
        result.put("Truncated", truncated);
        if (truncated) {
            result.put("NextMarker", Integer.toString(start + limit));
        }
        return result;
    }

    private ObjectNode tags(JsonNode request) {
        ObjectNode key = find(required(request, "KeyId"));
        ObjectNode result = JSON.createObjectNode();
        result.set("Tags", key.get("Tags"));
        result.put("Truncated", false);
        return result;
    }

    private ObjectNode createAlias(JsonNode request) {
        String alias = required(request, "AliasName");
        if (!alias.matches("alias/[A-Za-z0-9/_-]{1,250}") || alias.startsWith("alias/aws/")) {
            throw new Failure("ValidationException", "AliasName must be alias/<letters, digits, /, _ or ->"
                    + " and not begin with alias/aws/");
        }
        if (aliases.containsKey(alias)) {
            throw new Failure("AlreadyExistsException", "An alias with the name " + alias + " already exists");
        }
        ObjectNode key = find(required(request, "TargetKeyId"));
        aliases.put(alias, key.get("KeyId").asText());
        save();
        return JSON.createObjectNode();
    }

    private ObjectNode encrypt(JsonNode request) {
        ObjectNode key = find(required(request, "KeyId"));
        byte[] plaintext = blob(request, "Plaintext");
        if (plaintext.length < 1 || plaintext.length > MAX_PLAINTEXT) {
            throw new Failure("ValidationException", "Plaintext must be 1 to " + MAX_PLAINTEXT + " bytes");
        }
        return JSON.createObjectNode()
                .put("CiphertextBlob", Base64.getEncoder().encodeToString(seal(key, plaintext, context(request))))
                .put("KeyId", key.get("Arn").asText())
                .put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
    }

    private ObjectNode generateDataKey(JsonNode request, boolean withPlaintext) {
        ObjectNode key = find(required(request, "KeyId"));
        boolean bySpec = request.hasNonNull("KeySpec");
        boolean byLength = request.hasNonNull("NumberOfBytes");
        if (bySpec == byLength) {
            throw new Failure("ValidationException", "Specify either KeySpec or NumberOfBytes, not both or neither");
        }
        int length;
        if (bySpec) {
            length = switch (request.get("KeySpec").asText()) {
                case "AES_256" -> 32;
                case "AES_128" -> 16;
                default -> throw new Failure("ValidationException", "KeySpec must be AES_256 or AES_128");
            };
        } else {
            length = request.get("NumberOfBytes").asInt();
            if (length < 1 || length > 1024) {
                throw new Failure("ValidationException", "NumberOfBytes must be between 1 and 1024");
            }
        }
        byte[] dataKey = new byte[length];
        random.nextBytes(dataKey);
        ObjectNode result = JSON.createObjectNode()
                .put("CiphertextBlob", Base64.getEncoder().encodeToString(seal(key, dataKey, context(request))))
                .put("KeyId", key.get("Arn").asText());
        if (withPlaintext) {
            result.put("Plaintext", Base64.getEncoder().encodeToString(dataKey));
        }
        return result;
    }

    private ObjectNode decrypt(JsonNode request) {
        byte[] blob = blob(request, "CiphertextBlob");
        ByteBuffer in = ByteBuffer.wrap(blob);
        if (blob.length < 2 + NONCE + 16 || in.get() != 1) {
            throw invalidCiphertext();
        }
        int idLength = in.get() & 0xff;
        if (blob.length < 2 + idLength + NONCE + 16) {
            throw invalidCiphertext();
        }
        byte[] idBytes = new byte[idLength];
        in.get(idBytes);
        String keyId = new String(idBytes, StandardCharsets.UTF_8);
        ObjectNode key = keys.get(keyId);
        if (key == null) {
            throw invalidCiphertext();
        }
        if (request.hasNonNull("KeyId")) {
            ObjectNode named = find(request.get("KeyId").asText());
            if (!named.get("KeyId").asText().equals(keyId)) {
                throw new Failure("IncorrectKeyException",
                        "The key ID in the request does not identify a KMS key that can perform this operation.");
            }
        }
        byte[] nonce = new byte[NONCE];
        in.get(nonce);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, material(key), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData(keyId, context(request)));
            byte[] plaintext = cipher.doFinal(sealed);
            return JSON.createObjectNode()
                    .put("KeyId", key.get("Arn").asText())
                    .put("Plaintext", Base64.getEncoder().encodeToString(plaintext))
                    .put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
        } catch (AEADBadTagException e) {
            throw invalidCiphertext();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private byte[] seal(ObjectNode key, byte[] plaintext, Map<String, String> context) {
        String keyId = key.get("KeyId").asText();
        byte[] idBytes = keyId.getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, material(key), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData(keyId, context));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(2 + idBytes.length + NONCE + sealed.length).put((byte) 1)
                    .put((byte) idBytes.length).put(idBytes).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static SecretKeySpec material(ObjectNode key) {
        return new SecretKeySpec(Base64.getDecoder().decode(key.get("Material").asText()), "AES");
    }

    /** The key id and the context in a fixed order: the same context in any order gives the same bytes. */
    private static byte[] associatedData(String keyId, Map<String, String> context) {
        try {
            return (keyId + "|" + JSON.writeValueAsString(context)).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> context(JsonNode request) {
        Map<String, String> context = new TreeMap<>();
        JsonNode node = request.get("EncryptionContext");
        if (node != null && !node.isNull()) {
            if (!node.isObject()) {
                throw new Failure("ValidationException", "EncryptionContext must be a map of strings");
            }
            node.properties().forEach(e -> context.put(e.getKey(), e.getValue().asText()));
        }
        return context;
    }

    private static Failure invalidCiphertext() {
        return new Failure("InvalidCiphertextException", null);
    }

    /** The key named by an id, a key ARN, an alias name or an alias ARN, as KMS accepts them. */
    private ObjectNode find(String id) {
        String name = id;
        String aliasArnPrefix = "arn:aws:kms:" + AwsLocal.REGION.id() + ":" + AwsLocal.ACCOUNT_ID + ":";
        if (name.startsWith(aliasArnPrefix + "alias/")) {
            name = name.substring(aliasArnPrefix.length());
        }
        if (name.startsWith("alias/")) {
            String target = aliases.get(name);
            if (target == null) {
                throw new Failure("NotFoundException", "Alias " + id + " is not found.");
            }
            name = target;
        }
        if (name.startsWith(aliasArnPrefix + "key/")) {
            name = name.substring((aliasArnPrefix + "key/").length());
        }
        ObjectNode key = keys.get(name);
        if (key == null) {
            throw new Failure("NotFoundException", "Key '" + id + "' does not exist");
        }
        return key;
    }

    private static byte[] blob(JsonNode request, String field) {
        String value = required(request, field);
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new Failure("SerializationException", field + " is not base64");
        }
    }

    private static String required(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            throw new Failure("ValidationException", "1 validation error detected: Value null at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value.asText();
    }

    private double now() {
        return clock.millis() / 1000.0;
    }

    private void load() throws IOException {
        if (dataFile == null || !Files.exists(dataFile)) {
            return;
        }
        JsonNode stored = JSON.readTree(dataFile.toFile());
        stored.path("keys").properties().forEach(e -> keys.put(e.getKey(), (ObjectNode) e.getValue()));
        stored.path("aliases").properties().forEach(e -> aliases.put(e.getKey(), e.getValue().asText()));
    }

    private void save() {
        if (dataFile == null) {
            return;
        }
        try {
            Files.createDirectories(dataFile.toAbsolutePath().getParent());
            Path temporary = dataFile.resolveSibling(dataFile.getFileName() + ".tmp");
            ObjectNode all = JSON.createObjectNode();
            all.set("keys", JSON.valueToTree(keys));
            all.set("aliases", JSON.valueToTree(aliases));
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), all);
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
