package no.dialog.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.enrolment.ResponsePublisher;
import no.dialog.core.journey.ResultCounter;
import no.dialog.core.journey.Signal;
import no.dialog.core.send.SendLedger;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/link-sms/{tenant}}: LINK's delivery reports (one, or an array), each with our
 * idempotency key as {@code refId}. A report is validated whole first; then each known one settles the
 * send ledger (a report proves LINK took the message) and becomes {@code delivered} or {@code failed}
 * (reason {@code delivery}, with LINK's result code). Its signal id is LINK's message id plus the outcome,
 * so a repeated report is one signal to the journey engine.
 */
@Singleton
class LinkDeliveryReports {

    private static final Logger LOG = LoggerFactory.getLogger(LinkDeliveryReports.class);

    private record Report(String refId, String id, int resultCode, int segments, Instant at) {}

    private final SentMessages sent;
    private final ResponsePublisher responses;
    private final Clock clock;

    LinkDeliveryReports(SentMessages sent, ResponsePublisher responses, Clock clock) {
        this.sent = sent;
        this.responses = responses;
        this.clock = clock;
    }

    WebhookReply handle(TenantId tenant, WebhookRequest request) {
        List<Report> reports = new ArrayList<>();
        List<JsonNode> items = Payloads.objects(Payloads.json(request));
        for (int i = 0; i < items.size(); i++) {
            reports.add(read(items.get(i), items.size() == 1 ? "" : "item " + i + ": "));
        }
        List<Signal> signals = new ArrayList<>();
        int unknown = 0;
        int pending = 0;
        for (Report report : reports) {
            Optional<SentMessages.Sent> message = sent.find(tenant, report.refId());
            if (message.isEmpty()) {
                unknown++;
                LOG.info("LINK delivery report for an unknown message (LINK id {}, result {})", report.id(), report.resultCode());
                continue;
            }
            sent.confirmAccepted(message.get(), report.id(), report.segments(), report.at());
            LinkResultCodes outcome = LinkResultCodes.of(report.resultCode());
            if (outcome == LinkResultCodes.PENDING) {
                pending++;
                continue;
            }
            sent.countFirst(message.get(), SendLedger.Milestone.REPORTED, switch (outcome) {
                case DELIVERED -> ResultCounter.DELIVERED;
                case EXPIRED -> ResultCounter.FAILED_EXPIRED;
                default -> ResultCounter.FAILED_PROVIDER;
            }, report.at());
            String type = outcome == LinkResultCodes.DELIVERED ? "delivered" : "failed";
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("channel", "sms");
            attributes.put("resultCode", Integer.toString(report.resultCode()));
            if (outcome != LinkResultCodes.DELIVERED) {
                attributes.put("reason", "delivery");
            }
            SentMessages.Sent m = message.get();
            signals.add(new Signal("link-sms:" + report.id() + ":" + type, type, m.contactId(), report.at(), attributes,
                    m.journeyId(), m.enrolmentId()));
        }
        responses.publish(tenant, signals);
        return WebhookReply.json(200, WebhookReply.object().put("received", reports.size())
                .put("published", signals.size()).put("pending", pending).put("unknown", unknown));
    }

    private Report read(JsonNode item, String where) {
        String refId = Payloads.text(item, "refId", where);
        String id = Payloads.text(item, "id", where);
        int resultCode = Payloads.integer(item, "resultCode", where);
        int segments = item.hasNonNull("segments") ? Payloads.integer(item, "segments", where) : 1;
        String timestamp = Payloads.optionalText(item, "timestamp");
        Instant at = timestamp == null ? clock.instant() : Payloads.instant(timestamp, where + "timestamp");
        return new Report(refId, id, resultCode, segments, at);
    }
}
