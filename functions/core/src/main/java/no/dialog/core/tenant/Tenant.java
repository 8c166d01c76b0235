package no.dialog.core.tenant;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An organisation's entry in Dialog: its id, display name, when it was set up, and its settings.
 *
 * @param settings the organisation's choices as text, by dotted key ({@code quietHours},
 *                 {@code email.from} ...); each key is documented where it is read, and a missing key
 *                 means the default there
 */
public record Tenant(TenantId id, String name, Instant createdAt, Map<String, String> settings) {

    public Tenant {
        Objects.requireNonNull(id, "id");
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** A tenant with default settings. */
    public Tenant(TenantId id, String name, Instant createdAt) {
        this(id, name, createdAt, Map.of());
    }

    /** The setting, if the organisation made one (blank counts as none). */
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key)).filter(value -> !value.isBlank());
    }
}
