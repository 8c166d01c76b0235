package no.dialog.core.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A provider whose account an organisation can bring, and the credential fields Dialog keeps for it (write-only:
 * see {@link ProviderCredentials}). Each field is required unless listed as optional; no other field is taken.
 *
 * <ul>
 *   <li>{@code link} (LINK Mobility SMS): {@code username}, {@code password}; optional {@code platformId},
 *       {@code platformPartnerId} (else the deployment's)</li>
 *   <li>{@code make} (newsletters): {@code userId} (digits), {@code apiKey}</li>
 *   <li>{@code smtp} (e-mail through the organisation's server): {@code username}, {@code password}</li>
 *   <li>{@code vipps} (Vipps MobilePay): {@code clientId}, {@code clientSecret}, {@code subscriptionKey},
 *       {@code merchantSerialNumber} (digits); optional {@code webhookSecret}</li>
 * </ul>
 */
public enum CredentialProvider {
    LINK(Set.of("username", "password"), Set.of("platformId", "platformPartnerId")),
    MAKE(Set.of("userId", "apiKey"), Set.of()),
    SMTP(Set.of("username", "password"), Set.of()),
    VIPPS(Set.of("clientId", "clientSecret", "subscriptionKey", "merchantSerialNumber"), Set.of("webhookSecret"));

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");
    /** A value is printable text without line breaks, at most 4 KiB: anything else is a paste gone wrong. */
    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]{1,4096}");

    private final Set<String> required;
    private final Set<String> optional;

    CredentialProvider(Set<String> required, Set<String> optional) {
        this.required = required;
        this.optional = optional;
    }

    /** The name in URLs and secret names: {@code link}, {@code make}, {@code smtp}, {@code vipps}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CredentialProvider> fromId(String id) {
        for (CredentialProvider provider : values()) {
            if (provider.id().equals(id)) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }

    public Set<String> requiredFields() {
        return required;
    }

    public Set<String> optionalFields() {
        return optional;
    }

    /** A field that is wrong, and why (the path is the field's name, e.g. {@code password}). */
    public record FieldProblem(String path, String reason) {
    }

    /** What is wrong with these fields; empty when they can be stored. Values are never part of a reason. */
    public List<FieldProblem> problems(Map<String, String> fields) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String field : required.stream().sorted().toList()) {
            String value = fields.get(field);
            if (value == null || value.isBlank()) {
                problems.add(new FieldProblem(field, "is required"));
            }
        }
        for (var field : fields.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            String name = field.getKey();
            String value = field.getValue();
            if (!required.contains(name) && !optional.contains(name)) {
                problems.add(new FieldProblem(name, "is not a " + id() + " credential field"));
            } else if (value != null && !value.isBlank() && !PRINTABLE.matcher(value).matches()) {
                problems.add(new FieldProblem(name, "must be printable text of at most 4096 characters"));
            } else if (value != null && !value.isBlank()
                    && (name.equals("userId") || name.equals("merchantSerialNumber"))
                    && !DIGITS.matcher(value).matches()) {
                problems.add(new FieldProblem(name, "must be digits"));
            }
        }
        return problems;
    }
}
