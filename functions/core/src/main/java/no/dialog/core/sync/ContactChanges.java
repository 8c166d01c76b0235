package no.dialog.core.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.stream.Collectors;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.contact.WriteOutcome;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.observability.Metrics;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Applies change events from the organisation's system, as EventBridge delivers them:
 *
 * <pre>{@code
 * {"source": "org.system", "detail-type": "ContactChanged",
 *  "detail": {"tenant": "demo", "contact": { ...a contact record... }}}
 * {"source": "org.system", "detail-type": "ContactDeleted",
 *  "detail": {"tenant": "demo", "contactId": "M-100234", "updatedAt": "2026-11-20T10:15:00Z"}}
 * }</pre>
 *
 * An update older than what is stored is ignored, so out-of-order delivery cannot roll data back.
 * Malformed events, unknown types and unknown tenants are {@link PermanentFailure}s: they go to the
 * dead-letter queue with the reason, and nothing is changed.
 */
public final class ContactChanges {

    public static final String CONTACT_CHANGED = "ContactChanged";
    public static final String CONTACT_DELETED = "ContactDeleted";

    private static final Logger LOG = LoggerFactory.getLogger(ContactChanges.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ContactStore contacts;
    private final TenantDirectory tenants;
    private final ChangeReplays replays;
    private final Metrics metrics;
    private final ContactJson contactJson;

    public ContactChanges(ContactStore contacts, TenantDirectory tenants, ChangeReplays replays, Metrics metrics,
            Clock clock) {
        this.contacts = contacts;
        this.tenants = tenants;
        this.replays = replays;
        this.metrics = metrics;
        this.contactJson = new ContactJson(clock);
    }

    /**
     * Applies one event.
     *
     * @param eventJson the EventBridge envelope
     * @param replay    true when this is the delayed second application (see {@link ChangeReplays})
     */
    public WriteOutcome apply(String eventJson, boolean replay) {
        JsonNode event = parse(eventJson);
        String type = event.path("detail-type").asText("");
        JsonNode detail = event.get("detail");
        if (detail == null || !detail.isObject()) {
            throw new PermanentFailure("the event has no detail object");
        }
        TenantId tenant = tenant(detail);
        MDC.put("tenant", tenant.value());
        WriteOutcome outcome = switch (type) {
            case CONTACT_CHANGED -> applyChange(tenant, detail);
            case CONTACT_DELETED -> applyDeletion(tenant, detail);
            default -> throw new PermanentFailure("unknown detail-type '" + printable(type)
                    + "'; expected " + CONTACT_CHANGED + " or " + CONTACT_DELETED);
        };
        if (!replay && (outcome == WriteOutcome.CREATED || outcome == WriteOutcome.UPDATED
                || outcome == WriteOutcome.DELETED)) {
            replays.replayLater(eventJson);
        }
        metrics.count(Map.of("function", "sync", "tenant", tenant.value()),
                Map.of(outcome == WriteOutcome.STALE || outcome == WriteOutcome.UNCHANGED
                        ? "contactEventsIgnored" : "contactEventsApplied", 1L));
        LOG.info("{} applied: {}{}", type, outcome, replay ? " (replay)" : "");
        return outcome;
    }

    private WriteOutcome applyChange(TenantId tenant, JsonNode detail) {
        ContactJson.Parsed parsed = contactJson.read(detail.get("contact"));
        if (!parsed.ok()) {
            throw new PermanentFailure("the contact is invalid: " + parsed.problems().stream()
                    .map(Object::toString).collect(Collectors.joining("; ")));
        }
        return contacts.upsert(tenant, parsed.contact());
    }

    private WriteOutcome applyDeletion(TenantId tenant, JsonNode detail) {
        String contactId = detail.path("contactId").asText("");
        if (contactId.isBlank() || contactId.length() > 64) {
            throw new PermanentFailure("detail.contactId is required");
        }
        Instant updatedAt;
        try {
            updatedAt = OffsetDateTime.parse(detail.path("updatedAt").asText("")).toInstant();
        } catch (DateTimeParseException e) {
            throw new PermanentFailure("detail.updatedAt is required as an ISO-8601 time with offset");
        }
        return contacts.delete(tenant, contactId, updatedAt);
    }

    private TenantId tenant(JsonNode detail) {
        String value = detail.path("tenant").asText("");
        if (!TenantId.isValid(value)) {
            throw new PermanentFailure("detail.tenant is missing or not a valid tenant id");
        }
        TenantId tenant = TenantId.of(value);
        if (tenants.find(tenant).isEmpty()) {
            throw new PermanentFailure("no such tenant");
        }
        return tenant;
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw new PermanentFailure("the event is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new PermanentFailure("the event is not valid JSON");
        }
    }

    /** A detail-type is not personal data, but keep what is echoed short and printable. */
    private static String printable(String text) {
        String cleaned = text.replaceAll("[^A-Za-z0-9._-]", "?");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }
}
