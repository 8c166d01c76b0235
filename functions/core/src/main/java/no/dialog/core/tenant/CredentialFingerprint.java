package no.dialog.core.tenant;

import java.time.Instant;

/**
 * What may be shown of a tenant's stored credentials: never a value, only a fingerprint that changes when any value
 * changes (so staff can tell that the credentials were replaced, and compare with what they hold) and when they were
 * set. The revision is what a change must name ({@code If-Match}), so two admins do not overwrite each other.
 *
 * @param provider    whose credentials
 * @param fingerprint {@code sha256:} and the first 12 hex digits of a SHA-256 over the fields (see
 *                    {@link #of(java.util.Map)}); not enough to guess a value from
 * @param setAt       when they were last set
 * @param revision    the stored version; changes with every put
 */
public record CredentialFingerprint(CredentialProvider provider, String fingerprint, Instant setAt, String revision) {

    /**
     * The fingerprint of a set of fields: SHA-256 over the fields sorted by name, each as name, NUL, value, NUL,
     * shortened to 12 hex digits (48 bits: enough to tell two sets apart, far too few to search for a password).
     */
    public static String of(java.util.Map<String, String> fields) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            fields.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(field -> {
                digest.update(field.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(field.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return "sha256:" + java.util.HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
