package no.dialog.local.template;

import java.util.List;

/**
 * One entry under {@code Parameters}.
 *
 * @param name           the parameter's name
 * @param type           CloudFormation type, e.g. {@code String}, {@code Number}, {@code CommaDelimitedList}
 * @param defaultValue   the default as a string, or {@code null} if the template gives none
 * @param allowedValues  the allowed values (empty if unrestricted)
 * @param allowedPattern a regular expression the value must match, or {@code null}
 */
public record TemplateParameter(
        String name, String type, String defaultValue, List<String> allowedValues, String allowedPattern) {

    /** List-typed parameters resolve to a list of strings, split at commas, as CloudFormation does. */
    public boolean isList() {
        return type != null && (type.equals("CommaDelimitedList") || type.startsWith("List<"));
    }
}
