package no.dialog.core.segment;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import no.dialog.core.contact.Contact;

/**
 * One field a segment can ask about, with labels for the admin UI and a way to read it from a contact.
 *
 * <p>A field yields a list of values: empty when the contact has none, several for fields over several
 * memberships or for list fields. A condition matches when ANY value matches, so
 * {@code membership.type equals student} means "has at least one student membership". Example:
 * <pre>{@code
 * SegmentField age = SegmentFields.find("age").orElseThrow();
 * List<?> values = age.values(contact, LocalDate.of(2026, 1, 1)); // [42L] or [] without birth date
 * }</pre>
 *
 * @param id            the id used in segment JSON, e.g. {@code donor.lastGiftDate}
 * @param type          decides the valid operators and value type
 * @param labelNb       Norwegian (bokmål) label
 * @param labelEn       English label
 * @param allowedValues for {@link FieldType#ENUM}: the values; otherwise empty
 * @param reader        reads the values from a contact, given "today" in Europe/Oslo
 */
public record SegmentField(
        String id, FieldType type, String labelNb, String labelEn, List<String> allowedValues, Reader reader) {

    /** Reads a field's values from a contact; {@code today} is in Europe/Oslo. Never returns null elements. */
    @FunctionalInterface
    public interface Reader {
        List<?> values(Contact contact, LocalDate today);
    }

    public SegmentField {
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
    }

    public List<?> values(Contact contact, LocalDate today) {
        return reader.values(contact, today);
    }

    public Set<Operator> operators() {
        return type.operators();
    }

    /** The field as plain data, for an API that lists what the admin UI can offer. */
    public Description describe() {
        return new Description(id, type, labelNb, labelEn, allowedValues, operators());
    }

    /** A field without its reader: safe to serialise. */
    public record Description(String id, FieldType type, String labelNb, String labelEn,
                              List<String> allowedValues, Set<Operator> operators) {}
}
