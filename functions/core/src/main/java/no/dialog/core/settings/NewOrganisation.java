package no.dialog.core.settings;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import no.dialog.core.contact.Problem;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;

/**
 * What the platform operator gives to set up an organisation ({@code POST /platform/v1/tenants}):
 * {@code {"id": "redcross", "name": "Røde Kors", "language": "nb", "adminEmail": "kari@redcross.no"}}.
 *
 * @param language   {@code nb} or {@code en}: the organisation's language for pages and texts that have no
 *                   language of their own (stored as the {@value #LANGUAGE} setting)
 * @param adminEmail the first admin, who is invited to sign in and adds everyone else
 */
public record NewOrganisation(TenantId id, String name, String language, String adminEmail) {

    public static final String LANGUAGE = "language";
    public static final Set<String> LANGUAGES = Set.of("nb", "en");
    private static final Set<String> FIELDS = Set.of("id", "name", "language", "adminEmail");
    // Deliberately loose: the identity provider sends the invitation, which is the real check.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    /** The organisation, or every problem by field. */
    public record Parsed(NewOrganisation organisation, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Reads and checks the request; reasons never echo a value. */
    public static Parsed parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            return new Parsed(null, List.of(new Problem("", "the organisation must be a JSON object")));
        }
        List<Problem> problems = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                problems.add(new Problem(name, "is not a field (fields: adminEmail, id, language, name)"));
            }
        });
        String id = text(body, "id", problems);
        if (id != null && !TenantId.isValid(id)) {
            problems.add(new Problem("id", "must be 2-32 lower-case letters, digits or dashes, not starting or"
                    + " ending with a dash"));
        }
        String name = text(body, "name", problems);
        if (name != null && (name.isBlank() || name.length() > 80)) {
            problems.add(new Problem("name", "must be 1-80 characters"));
        }
        String language = text(body, "language", problems);
        if (language != null && !LANGUAGES.contains(language)) {
            problems.add(new Problem("language", "must be nb or en"));
        }
        String email = text(body, "adminEmail", problems);
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            problems.add(new Problem("adminEmail", "must be an e-mail address"));
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, List.copyOf(problems));
        }
        return new Parsed(new NewOrganisation(TenantId.of(id), name.strip(), language, email.strip()), List.of());
    }

    /** The tenant to create, with the language as its one setting. */
    public Tenant tenant(Instant createdAt) {
        return new Tenant(id, name, createdAt, Map.of(LANGUAGE, language));
    }

    private static String text(JsonNode body, String field, List<Problem> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            problems.add(new Problem(field, "is required"));
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new Problem(field, "must be text"));
            return null;
        }
        return node.textValue();
    }
}
