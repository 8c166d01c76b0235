package no.dialog.core.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import no.dialog.core.contact.Problem;

/**
 * Reads a journey definition from its JSON form (see docs/journeys.md) and writes it back. Problems
 * name the offending node by path ({@code steps[2].timeout}) and never echo values.
 * <pre>{@code
 * var parsed = JourneyDefinitions.parse(mapper.readTree(body));
 * if (!parsed.ok()) return badRequest(parsed.problems());
 * JsonNode canonical = JourneyDefinitions.toJson(parsed.definition()); // parse(canonical) equals parsed
 * }</pre>
 *
 * <p>Parsing checks what can be read: shape, types, formats, step ids, unknown properties (a typo must
 * not silently vanish), and an {@code experiment} block's rules ({@link JourneyValidation#experiment}),
 * which only refer to the same body. Whether the flow can run (edges, reachability, loops, templates,
 * weights, a goal) is {@link JourneyValidation#forActivation}'s job, so drafts can be saved half-built.
 */
public final class JourneyDefinitions {

    private JourneyDefinitions() {}

    public record Parsed(JourneyDefinition definition, List<Problem> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static Parsed parse(JsonNode root) {
        return new JourneyJsonReader().read(root);
    }

    /**
     * The canonical JSON of a definition: {@code toJson(parse(json).definition())} equals {@code json}
     * when {@code json} is canonical (as the shipped examples are), and parsing it again gives an equal
     * definition.
     */
    public static JsonNode toJson(JourneyDefinition definition) {
        return JourneyJsonWriter.write(definition);
    }
}
