package no.dialog.webhooks;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.dialog.aws.sqs.QueueBatches;
import no.dialog.aws.sqs.SqsDeadLetters;
import no.dialog.core.contact.Channel;
import no.dialog.core.enrolment.ResponsePublisher;
import no.dialog.core.journey.ResultCounter;
import no.dialog.core.journey.Signal;
import no.dialog.core.send.SendLedger;
import no.dialog.core.messaging.DeadLetters;
import no.dialog.core.messaging.MessageFields;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.optout.OptOut;
import no.dialog.core.optout.OptOuts;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SES events (EventBridge, source {@code aws.ses}, via the SES events queue) as responses. Our message is
 * named by two tags the e-mail sender sets: {@code dialog-key} = base64url of the idempotency key without
 * padding, {@code dialog-tenant} = the tenant. Mail without them is not Dialog's and is skipped.
 * <ul>
 *   <li>Delivery → {@code delivered}; Open → {@code opened}; Click → {@code clicked} with {@code link}
 *       (scheme, host and path only: queries and landing-page tokens can name a person);</li>
 *   <li>Bounce → {@code bounced} with {@code bounceType}; a permanent bounce also records the address as
 *       undeliverable: the e-mail consent is withdrawn with reason {@code undeliverable} (ADR 0011);</li>
 *   <li>Complaint → {@code complained} and an e-mail opt-out (reason {@code complaint});</li>
 *   <li>Reject, Rendering Failure → {@code failed} (reason {@code rejected} / {@code rendering}).</li>
 * </ul>
 * Signal ids come from SES's message id, the event type and, for opens and clicks, SES's time of the
 * event, so a redelivered event is the same signal.
 */
@Singleton
class SesEvents {

    static final String KEY_TAG = "dialog-key";
    static final String TENANT_TAG = "dialog-tenant";
    private static final Logger LOG = LoggerFactory.getLogger(SesEvents.class);

    private final SentMessages sent;
    private final ResponsePublisher responses;
    private final OptOuts optOuts;
    private final DeadLetters deadLetters;
    private final int maxReceiveCount;

    SesEvents(SentMessages sent, ResponsePublisher responses, OptOuts optOuts, SqsClient sqs, Clock clock,
            @Value("${ses.events.dlq.url}") String dlqUrl, @Value("${webhooks.max-receive-count:5}") int maxReceiveCount) {
        this.sent = sent;
        this.responses = responses;
        this.optOuts = optOuts;
        this.deadLetters = new SqsDeadLetters(sqs, dlqUrl, clock);
        this.maxReceiveCount = maxReceiveCount;
    }

    SQSBatchResponse process(SQSEvent event) {
        return QueueBatches.process(event, maxReceiveCount, message -> deadLetters, message -> handle(message.getBody()));
    }

    void handle(String body) {
        JsonNode root = MessageFields.object(body);
        JsonNode detail = root.path("detail");
        if (!detail.isObject()) {
            throw new PermanentFailure("not an EventBridge event with a detail object");
        }
        String eventType = detail.path("eventType").asText("");
        JsonNode mail = detail.path("mail");
        String messageId = mail.path("messageId").asText("");
        Optional<String> encodedKey = tag(mail, KEY_TAG);
        Optional<String> tenantTag = tag(mail, TENANT_TAG);
        if (encodedKey.isEmpty() || tenantTag.isEmpty()) {
            LOG.info("SES {} event for mail without Dialog's tags: skipped", eventType);
            return;
        }
        if (messageId.isEmpty() || eventType.isEmpty()) {
            throw new PermanentFailure("detail.eventType or detail.mail.messageId is missing");
        }
        if (!TenantId.isValid(tenantTag.get())) {
            throw new PermanentFailure("tag dialog-tenant is not a tenant id");
        }
        TenantId tenant = TenantId.of(tenantTag.get());
        String key;
        try {
            key = new String(Base64.getUrlDecoder().decode(encodedKey.get()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailure("tag dialog-key is not base64url");
        }
        Optional<SentMessages.Sent> message = sent.find(tenant, key);
        if (message.isEmpty()) {
            LOG.info("SES {} event for an unknown message (SES id {})", eventType, messageId);
            return;
        }
        SentMessages.Sent m = message.get();
        Instant at = time(detail, eventType, root);
        List<Signal> signals = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("channel", "email");
        String idBase = "ses:" + messageId + ":";
        switch (eventType) {
            case "Delivery":
                sent.confirmAccepted(m, messageId, 1, at);
                sent.countFirst(m, SendLedger.Milestone.REPORTED, ResultCounter.DELIVERED, at);
                signals.add(signal(idBase + "delivered", "delivered", m, at, attributes));
                break;
            case "Open":
                sent.countFirst(m, SendLedger.Milestone.OPENED, ResultCounter.OPENED, at);
                signals.add(signal(idBase + "opened:" + at, "opened", m, at, attributes));
                break;
            case "Click":
                sent.countFirst(m, SendLedger.Milestone.CLICKED, ResultCounter.CLICKED, at);
                attributes.put("link", safeLink(detail.path("click").path("link").asText("")));
                signals.add(signal(idBase + "clicked:" + at, "clicked", m, at, attributes));
                break;
            case "Bounce":
                boolean permanent = "Permanent".equals(detail.path("bounce").path("bounceType").asText());
                attributes.put("bounceType", permanent ? "permanent" : "transient");
                if (permanent) {
                    sent.countFirst(m, SendLedger.Milestone.REPORTED, ResultCounter.FAILED_PROVIDER, at);
                }
                signals.add(signal(idBase + "bounced", "bounced", m, at, attributes));
                if (permanent) {
                    optOuts.record(tenant, new OptOut(m.contactId(), Channel.EMAIL, "email-bounce",
                            OptOut.UNDELIVERABLE, at, idBase + "bounce"));
                }
                break;
            case "Complaint":
                signals.add(signal(idBase + "complained", "complained", m, at, attributes));
                optOuts.record(tenant, new OptOut(m.contactId(), Channel.EMAIL, "email-complaint", OptOut.COMPLAINT, at,
                        idBase + "complaint"));
                break;
            case "Reject":
            case "Rendering Failure":
                attributes.put("reason", eventType.equals("Reject") ? "rejected" : "rendering");
                sent.countFirst(m, SendLedger.Milestone.REPORTED, ResultCounter.FAILED_PROVIDER, at);
                signals.add(signal(idBase + "failed", "failed", m, at, attributes));
                break;
            default:
                // Send, DeliveryDelay, Subscription: nothing a journey waits for.
                LOG.debug("SES {} event: nothing to publish", eventType);
                return;
        }
        responses.publish(tenant, signals);
    }

    private static Signal signal(String id, String type, SentMessages.Sent m, Instant at, Map<String, String> attributes) {
        return new Signal(id, type, m.contactId(), at, attributes, m.journeyId(), m.enrolmentId());
    }

    /** SES's tags are arrays of strings: {@code "tags": {"dialog-key": ["..."]}}. */
    private static Optional<String> tag(JsonNode mail, String name) {
        JsonNode values = mail.path("tags").path(name);
        if (values.isArray() && values.size() > 0 && values.get(0).isTextual() && !values.get(0).asText().isBlank()) {
            return Optional.of(values.get(0).asText());
        }
        return Optional.empty();
    }

    /** The event's own time (delivery.timestamp, open.timestamp ...), else the EventBridge event's time. */
    private static Instant time(JsonNode detail, String eventType, JsonNode root) {
        String section = eventType.isEmpty() ? "" : Character.toLowerCase(eventType.charAt(0)) + eventType.substring(1);
        String value = detail.path(section).path("timestamp").asText(root.path("time").asText(""));
        try {
            return Payloads.instant(value, "timestamp");
        } catch (BadRequest e) {
            throw new PermanentFailure("the event has no readable timestamp");
        }
    }

    /** Scheme, host and path; no query or fragment; a landing-page token ({@code /p/...}) cut off. */
    static String safeLink(String link) {
        try {
            URI uri = URI.create(link);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (path.startsWith("/p/")) {
                path = "/p/";
            }
            String safe = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + path;
            return safe.length() > 200 ? safe.substring(0, 200) : safe;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
