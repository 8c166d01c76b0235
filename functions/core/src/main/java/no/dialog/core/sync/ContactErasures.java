package no.dialog.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import no.dialog.core.messaging.MessageFields;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.observability.Metrics;
import no.dialog.core.privacy.Erasure;
import no.dialog.core.privacy.ErasureIds;
import no.dialog.core.privacy.ErasureRequests;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The member register's request to forget a person (GDPR art. 17), as EventBridge delivers it:
 *
 * <pre>{@code
 * {"id": "<event id>", "source": "org.system", "detail-type": "ContactErased",
 *  "detail": {"tenant": "demo", "contactId": "M-100234"}}
 * }</pre>
 *
 * It starts the same erasure as staff's {@code POST /admin/v1/contacts/{id}/erase}, with an erasure id derived
 * from the event id ({@link ErasureIds#forRegisterEvent}), so a redelivered event starts nothing twice.
 * Unlike {@code ContactDeleted} (the person left the register: the replica becomes a tombstone), it reaches
 * every store Dialog has. Malformed events and unknown tenants are {@link PermanentFailure}s.
 */
public final class ContactErasures {

    public static final String CONTACT_ERASED = "ContactErased";

    private static final Logger LOG = LoggerFactory.getLogger(ContactErasures.class);

    private final ErasureRequests requests;
    private final TenantDirectory tenants;
    private final Metrics metrics;

    public ContactErasures(ErasureRequests requests, TenantDirectory tenants, Metrics metrics) {
        this.requests = requests;
        this.tenants = tenants;
        this.metrics = metrics;
    }

    /** Whether the EventBridge envelope is a {@code ContactErased} event (the only kind this class takes). */
    public static boolean isErasure(JsonNode event) {
        return CONTACT_ERASED.equals(event.path("detail-type").asText(""));
    }

    /** Starts (or, for a redelivered event, finds again) the erasure the event asks for. */
    public Erasure apply(String eventJson) {
        JsonNode event = MessageFields.object(eventJson);
        if (!isErasure(event)) {
            throw new PermanentFailure("not a " + CONTACT_ERASED + " event");
        }
        String eventId = event.path("id").asText("");
        if (eventId.isBlank()) {
            throw new PermanentFailure("the event has no id");
        }
        JsonNode detail = event.get("detail");
        if (detail == null || !detail.isObject()) {
            throw new PermanentFailure("the event has no detail object");
        }
        String tenantValue = detail.path("tenant").asText("");
        if (!TenantId.isValid(tenantValue)) {
            throw new PermanentFailure("detail.tenant is missing or not a valid tenant id");
        }
        TenantId tenant = TenantId.of(tenantValue);
        if (tenants.find(tenant).isEmpty()) {
            throw new PermanentFailure("no such tenant");
        }
        MDC.put("tenant", tenant.value());
        String contactId = detail.path("contactId").asText("");
        if (contactId.isBlank() || contactId.length() > 64) {
            throw new PermanentFailure("detail.contactId is required (1-64 characters)");
        }
        Erasure erasure = requests.request(tenant, ErasureIds.forRegisterEvent(tenant, eventId), contactId,
                Erasure.REGISTER);
        metrics.count(Map.of("function", "sync", "tenant", tenant.value()), Map.of("erasuresRequested", 1L));
        LOG.info("{} accepted: erasure {} is {}", CONTACT_ERASED, erasure.erasureId(), erasure.state());
        return erasure;
    }
}
