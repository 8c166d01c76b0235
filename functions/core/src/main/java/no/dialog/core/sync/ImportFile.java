package no.dialog.core.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.dialog.core.tenant.TenantId;

/**
 * A contact file in the imports bucket, as one upload of it: {@code <tenant>/contacts/<name>.ndjson}.
 *
 * <p>The {@code sequencer} comes from the storage notification and differs for every upload, so
 * uploading the same file again is a new import (which then changes nothing), while a redelivered
 * notification of the same upload is recognised and not imported twice.
 */
public record ImportFile(String bucket, String key, String eTag, String sequencer) {

    private static final Pattern CONTACT_FILE = Pattern.compile("([^/]+)/contacts/[^/]+\\.ndjson");

    /** The tenant named by the key's first segment, if the key has the contact-file layout. */
    public Optional<TenantId> tenant() {
        Matcher m = CONTACT_FILE.matcher(key);
        if (!m.matches() || !TenantId.isValid(m.group(1))) {
            return Optional.empty();
        }
        return Optional.of(TenantId.of(m.group(1)));
    }

    /** Where the import report goes: next to the file. */
    public String reportKey() {
        return key + ".report.json";
    }

    /** A stable id for this upload of this file (no personal data: a hash of where it lies). */
    public String importId() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((bucket + "\n" + key + "\n" + eTag + "\n" + sequencer).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
