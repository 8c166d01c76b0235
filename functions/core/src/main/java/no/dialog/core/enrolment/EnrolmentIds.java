package no.dialog.core.enrolment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import no.dialog.core.tenant.TenantId;

/**
 * Enrolment ids: {@code <journeyId>-<entry>-<20 hex of SHA-256(tenant, contact)>}. Unique within a tenant,
 * stable (the same person's n-th entry into a journey always has the same id, so a redelivered enrolment
 * job cannot create a second one), and free of the register's contact id, because enrolment ids travel
 * on to providers inside idempotency keys.
 */
public final class EnrolmentIds {

    private EnrolmentIds() {}

    public static String of(TenantId tenant, String journeyId, int entry, String contactId) {
        return journeyId + "-" + entry + "-" + personHash(tenant, contactId);
    }

    /** The entry number inside an enrolment id (1 for the first time the person entered). */
    public static int entryOf(String enrolmentId) {
        int hashStart = enrolmentId.lastIndexOf('-');
        int entryStart = enrolmentId.lastIndexOf('-', hashStart - 1);
        if (hashStart < 0 || entryStart < 0) {
            throw new IllegalArgumentException("not an enrolment id");
        }
        return Integer.parseInt(enrolmentId.substring(entryStart + 1, hashStart));
    }

    /** A pseudonymous, tenant-scoped hash of a contact id: safe to log and to hand to providers. */
    public static String personHash(TenantId tenant, String contactId) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(tenant.value().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(contactId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
