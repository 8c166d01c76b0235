package no.dialog.core.tenant;

import java.time.Instant;

/** An organisation's entry in Dialog: its id, display name and when it was set up. */
public record Tenant(TenantId id, String name, Instant createdAt) {}
