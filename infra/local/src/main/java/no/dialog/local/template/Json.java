package no.dialog.local.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes resolved template values (event patterns, inputs) as JSON text, the form AWS APIs take them in. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new TemplateException("Cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A value that AWS wants as JSON text: kept as is when the template already gives text (CloudFormation's
     * {@code Input} is a JSON string), written as JSON when it is a map or list.
     */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof String text ? text : write(value);
    }
}
