package no.dialog.core.contact;

/**
 * One thing wrong with an input record: the field's path ({@code memberships[0].status}) and why.
 * Reasons describe the rule, never echo the value, so they are safe in reports and logs.
 */
public record Problem(String field, String reason) {

    @Override
    public String toString() {
        return field.isEmpty() ? reason : field + ": " + reason;
    }
}
