package no.dialog.vipps;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import no.dialog.aws.sqs.QueueBatches;
import no.dialog.aws.sqs.SqsDeadLetters;
import no.dialog.core.messaging.DeadLetters;
import no.dialog.core.messaging.MessageFields;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.observability.LogKeys;
import no.dialog.core.payment.vipps.VippsEventProcessor;
import no.dialog.core.payment.vipps.VippsException;
import no.dialog.core.payment.vipps.VippsWebhookEvent;
import no.dialog.core.payment.vipps.VippsWebhookEvents;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The Vipps events queue: each message is one verified webhook ({@code {"tenant":..,"event":"<raw body>"}}),
 * handled by {@link VippsEventProcessor}. A Vipps call or store that fails now is retried by SQS (partial
 * batch failure); a message that can never work (malformed, Vipps refused for good) goes to the DLQ with
 * the reason; after the queue's receive count anything else does too.
 */
@Singleton
@Requires(property = "vipps.events.dlq.url")
@Requires(beans = VippsEventProcessor.class)
class VippsEvents {

    private static final Logger LOG = LoggerFactory.getLogger(VippsEvents.class);

    private final VippsEventProcessor processor;
    private final DeadLetters deadLetters;
    private final int maxReceiveCount;

    VippsEvents(VippsEventProcessor processor, SqsClient sqs, Clock clock,
                @Value("${vipps.events.dlq.url}") String dlqUrl,
                @Value("${vipps.events.max-receive-count:5}") int maxReceiveCount) {
        this.processor = processor;
        this.deadLetters = new SqsDeadLetters(sqs, dlqUrl, clock);
        this.maxReceiveCount = maxReceiveCount;
    }

    SQSBatchResponse process(SQSEvent event) {
        return QueueBatches.process(event, maxReceiveCount, message -> deadLetters, message -> handle(message.getBody()));
    }

    void handle(String body) {
        JsonNode message = MessageFields.object(body);
        String tenantText = message.path("tenant").asText("");
        if (!TenantId.isValid(tenantText) || !message.path("event").isTextual()) {
            throw new PermanentFailure("not a Vipps event message (tenant and event are required)");
        }
        TenantId tenant = TenantId.of(tenantText);
        MDC.put(LogKeys.TENANT, tenant.value());
        VippsWebhookEvent event;
        try {
            event = VippsWebhookEvents.parse(message.get("event").asText().getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new PermanentFailure("malformed Vipps event: " + e.getMessage());
        }
        VippsEventProcessor.Result result;
        try {
            result = processor.handle(tenant, event);
        } catch (VippsException e) {
            if (e.retryable()) {
                throw e;
            }
            throw new PermanentFailure("Vipps refused a call for " + event.name() + ": " + e.getMessage());
        }
        LOG.info("Vipps event {}: {}{}", event.name(), result.outcome(),
                result.state() == null ? "" : " (" + result.state() + ")");
    }
}
