package no.dialog.core.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Pattern;
import no.dialog.core.segment.SegmentFields;

/**
 * The contact fields an update step may set. Deliberately few: Dialog replicates the member register,
 * so the only things a journey writes are the organisation's own custom attributes and tags, and each
 * write is also sent back to the org system.
 * <ul>
 *   <li>{@code attributes.<name>}: sets a custom attribute to text (up to 1000 characters), a number or
 *       true/false; {@code null} removes it. Names follow the contact format (a letter, then up to 63
 *       letters, digits or {@code _ . -}).</li>
 *   <li>{@code tags}: adds one tag, a code of 1-32 lower-case letters, digits, {@code _} or {@code -}.</li>
 * </ul>
 * <pre>{@code
 * UpdatableFields.check("attributes.stillStudent", BooleanNode.FALSE); // Optional.empty(): fine
 * UpdatableFields.attributeName("attributes.stillStudent");           // Optional.of("stillStudent")
 * }</pre>
 */
public final class UpdatableFields {

    public static final String ATTRIBUTE_PREFIX = SegmentFields.ATTRIBUTE_PREFIX;
    public static final String TAGS = "tags";

    private static final Pattern TAG = Pattern.compile("[a-z0-9_-]{1,32}");
    private static final int MAX_TEXT = 1000;

    private UpdatableFields() {}

    /** The problem with setting {@code field} to {@code value}, if any; the problem's field is "field" or "value". */
    public static Optional<FieldProblem> check(String field, JsonNode value) {
        if (TAGS.equals(field)) {
            if (value == null || !value.isTextual() || !TAG.matcher(value.asText()).matches()) {
                return Optional.of(new FieldProblem("value",
                        "a tag must be 1-32 lower-case letters, digits, _ or -"));
            }
            return Optional.empty();
        }
        if (attributeName(field).isEmpty()) {
            return Optional.of(new FieldProblem("field", "must be attributes.<name> or tags"));
        }
        if (value == null) {
            return Optional.of(new FieldProblem("value", "is required (null removes the attribute)"));
        }
        boolean fits = value.isNull() || value.isBoolean() || value.isNumber()
                || (value.isTextual() && value.asText().length() <= MAX_TEXT);
        return fits ? Optional.empty() : Optional.of(new FieldProblem("value",
                "must be text (up to 1000 characters), a number, true/false or null"));
    }

    /** The attribute name of an {@code attributes.<name>} field, or empty for any other field. */
    public static Optional<String> attributeName(String field) {
        if (field == null || !field.startsWith(ATTRIBUTE_PREFIX)) {
            return Optional.empty();
        }
        String name = field.substring(ATTRIBUTE_PREFIX.length());
        return SegmentFields.isValidAttributeName(name) ? Optional.of(name) : Optional.empty();
    }

    /** What is wrong, relative to the update step: {@code field} or {@code value}. */
    public record FieldProblem(String field, String reason) {}
}
