package no.dialog.adminapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Comparator;
import java.util.List;
import no.dialog.adminapi.StaffOnly.Access;
import no.dialog.core.segment.Operator;
import no.dialog.core.segment.SegmentField;
import no.dialog.core.segment.SegmentFields;

/**
 * {@code GET /admin/v1/segment-fields}: what a segment can ask about, so the admin UI offers only
 * fields, operators and values the API will accept. The registry is Dialog's own and small, so it is
 * one answer, not paged. Written in the style every route is moving to (ADR 0025): the role on the route,
 * the caller as a parameter, the answer a typed record that micronaut-serde writes.
 */
@Controller("/admin/v1/segment-fields")
public class SegmentFieldsController {

    /** The answer: every field. */
    @Serdeable
    public record Fields(List<Field> fields) {}

    /**
     * One field: id, type, labels nb/en, enum values and operators (in a stable order). Empty lists are
     * written too (serde leaves them out by default; the contract requires {@code values}).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Field(String id, String type, Labels labels, List<String> values, List<String> operators) {

        static Field of(SegmentField.Description field) {
            return new Field(field.id(), field.type().jsonName(), new Labels(field.labelNb(), field.labelEn()),
                    List.copyOf(field.allowedValues()),
                    field.operators().stream().sorted(Comparator.comparingInt(Operator::ordinal)).map(Operator::jsonName).toList());
        }
    }

    @Serdeable
    public record Labels(String nb, String en) {}

    @Get
    @StaffOnly(value = Access.READ, what = "segment fields")
    public Fields list(StaffIdentity staff) {
        return new Fields(SegmentFields.describeAll().stream().map(Field::of).toList());
    }
}
