package no.dialog.core.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.dialog.core.messaging.MessageFields;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.tenant.TenantId;

/**
 * The erasures queue's message: {@code {"tenant": "demo", "erasureId": "..."}}. Ids only: the contact id and
 * everything else are in the erasure's record, so nothing about the person sits in a queue or a DLQ.
 */
public final class ErasureMessages {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ErasureMessages() {}

    /** One erasure to run. */
    public record Run(TenantId tenant, String erasureId) {}

    public static String run(TenantId tenant, String erasureId) {
        return MAPPER.createObjectNode().put("tenant", tenant.value()).put("erasureId", erasureId).toString();
    }

    /** @throws PermanentFailure when the body is not such a message (it goes to the DLQ with the reason) */
    public static Run parse(String body) {
        JsonNode node = MessageFields.object(body);
        String tenant = MessageFields.text(node, "tenant");
        if (!TenantId.isValid(tenant)) {
            throw new PermanentFailure("tenant is not a valid tenant id");
        }
        String erasureId = MessageFields.text(node, "erasureId");
        if (!ErasureIds.isValid(erasureId)) {
            throw new PermanentFailure("erasureId is not a valid erasure id");
        }
        return new Run(TenantId.of(tenant), erasureId);
    }
}
