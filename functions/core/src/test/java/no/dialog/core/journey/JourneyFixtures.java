package no.dialog.core.journey;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import no.dialog.core.contact.Contact;
import no.dialog.core.tenant.TenantId;

/** Shared test material: the shipped example read from docs/, JSON edits by pointer, contacts, versions. */
final class JourneyFixtures {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final TenantId TENANT = TenantId.of("demo");
    static final String JOURNEY_ID = "j-student";

    private JourneyFixtures() {}

    /** The repository root: the first directory up from the working directory that has docs/. */
    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docs/ directory above the working directory");
        }
        return dir;
    }

    static String exampleText() {
        try {
            return Files.readString(repoRoot().resolve("docs/examples/student-journey.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, editable copy of the shipped example. */
    static ObjectNode example() {
        return (ObjectNode) json(exampleText());
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the node at a JSON pointer ({@code /steps/1/timeout}) to the given JSON text; the parent must exist. */
    static ObjectNode with(ObjectNode root, String pointer, String valueJson) {
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = root.at(at.head());
        String last = at.last().getMatchingProperty();
        if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), json(valueJson));
        } else {
            ((ObjectNode) parent).set(last, json(valueJson));
        }
        return root;
    }

    static ObjectNode without(ObjectNode root, String pointer) {
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = root.at(at.head());
        String last = at.last().getMatchingProperty();
        if (parent.isArray()) {
            ((ArrayNode) parent).remove(Integer.parseInt(last));
        } else {
            ((ObjectNode) parent).remove(last);
        }
        return root;
    }

    static ObjectNode addStep(ObjectNode root, String stepJson) {
        ((ArrayNode) root.get("steps")).add(json(stepJson));
        return root;
    }

    static JourneyDefinition parseOk(JsonNode json) {
        JourneyDefinitions.Parsed parsed = JourneyDefinitions.parse(json);
        if (!parsed.ok()) {
            throw new AssertionError("expected a valid definition, got " + parsed.problems());
        }
        return parsed.definition();
    }

    static JourneyDefinition parseOk(String json) {
        return parseOk(json(json));
    }

    static JourneyVersion version(JourneyDefinition definition) {
        return new JourneyVersion(TENANT, JOURNEY_ID, 1, definition);
    }

    static Contact contact(String id) {
        return contact(id, Map.of());
    }

    static Contact contact(String id, Map<String, Object> attributes) {
        return new Contact(id, Instant.EPOCH, null, null, null, null, null, null, null, null, null, null, null,
                null, null, attributes);
    }

    /** Templates that exist: "id@channel" strings. */
    static JourneyValidation.Templates templates(String... idAtChannel) {
        Set<String> known = Set.of(idAtChannel);
        return (id, channel) -> known.contains(id + "@" + channel.jsonName());
    }

    static final JourneyValidation.Templates ANY_TEMPLATE = (id, channel) -> true;
}
