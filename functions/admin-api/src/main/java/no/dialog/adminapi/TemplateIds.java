package no.dialog.adminapi;

import java.util.regex.Pattern;

/**
 * The template id rule of core's {@code TemplateDefinitions} (which checks it on every body), repeated
 * here to answer a malformed id in a path with 404 before it reaches the store.
 */
final class TemplateIds {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private TemplateIds() {}

    static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
