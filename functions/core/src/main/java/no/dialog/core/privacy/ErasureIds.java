package no.dialog.core.privacy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import no.dialog.core.tenant.TenantId;

/**
 * Erasure ids: a new random one for each staff request; for the register's {@code ContactErased} one derived
 * from the event's id, so a redelivered event names the erasure it already started instead of starting
 * another. Both are UUIDs, safe in a URL path and a DynamoDB key whatever the event id holds.
 */
public final class ErasureIds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private ErasureIds() {}

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The same id for the same event of the same tenant, every time (a name-based UUID). */
    public static String forRegisterEvent(TenantId tenant, String eventId) {
        return UUID.nameUUIDFromBytes(("ContactErased:" + tenant.value() + ":" + eventId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Whether {@code id} has the shape of an erasure id (a path segment a caller sent). */
    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
