package no.dialog.local.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LINK sandbox's delivery-report gate: what LINK's gate does for a real account, it posts a delivery
 * report for each message accepted with {@code useDeliveryReport} to Dialog's webhook
 * ({@code POST /webhooks/link-sms/<tenant>}, the tenant being the {@code refId}'s prefix), with basic auth
 * {@code link:<password>} (the route's webhook password, from the local webhook key). Reports go out in batches
 * of 50 (LINK may post an array) twice a second, each posted again up to twice if Dialog does not take it.
 *
 * <p>The outcome is the sandbox switch: a destination ending in {@code 98} expires (resultCode 1002), one
 * ending in {@code 99} is not delivered (1006), every other is delivered (1001). The demo organisation's
 * numbers are random, so about one in fifty fails; tests choose numbers to get the outcome they need.
 */
final class LinkDeliveryReportGate implements AutoCloseable {

    static final int DELIVERED = 1001;
    static final int EXPIRED = 1002;
    static final int NOT_DELIVERED = 1006;
    /** Reports per POST: small enough for the webhook to answer well within its timeout on a busy machine. */
    private static final int BATCH = 50;
    /** Like LINK's gate, a report Dialog did not take is posted again (the webhook counts each once). */
    private static final int ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(LinkDeliveryReportGate.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Report(String tenant, ObjectNode body) {}

    private final URI gatewayBase;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Report> due = new ConcurrentLinkedQueue<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService poster = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "link-sandbox-delivery-reports");
        thread.setDaemon(true);
        return thread;
    });

    LinkDeliveryReportGate(URI gatewayBase, Clock clock) {
        this.gatewayBase = gatewayBase;
        this.clock = clock;
        poster.scheduleWithFixedDelay(this::postDue, 500, 500, TimeUnit.MILLISECONDS);
    }

    /** The report LINK's operator would give this message, by the sandbox switch on its destination. */
    static int resultCodeFor(String destination) {
        if (destination.endsWith("98")) {
            return EXPIRED;
        }
        return destination.endsWith("99") ? NOT_DELIVERED : DELIVERED;
    }

    /** Queues the report of one accepted message; a message without a Dialog refId gets none (no tenant). */
    void accepted(String refId, String messageId, String destination, int segments) {
        int colon = refId == null ? -1 : refId.indexOf(':');
        if (colon <= 0) {
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("refId", refId);
        body.put("id", messageId);
        body.put("operator", "no.telenor");
        body.put("sendTimestamp", clock.instant().toString());
        body.put("timestamp", clock.instant().toString());
        body.put("resultCode", resultCodeFor(destination));
        body.put("operatorResultCode", "0");
        body.put("segments", segments);
        body.putObject("customParameters");
        due.add(new Report(refId.substring(0, colon), body));
    }

    private void postDue() {
        Map<String, List<ObjectNode>> byTenant = new LinkedHashMap<>();
        Report report;
        while ((report = due.poll()) != null) {
            byTenant.computeIfAbsent(report.tenant(), t -> new ArrayList<>()).add(report.body());
        }
        byTenant.forEach(this::post);
    }

    private void post(String tenant, List<ObjectNode> reports) {
        for (int from = 0; from < reports.size(); from += BATCH) {
            ArrayNode batch = JSON.createArrayNode().addAll(reports.subList(from, Math.min(reports.size(), from + BATCH)));
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                try {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                                    gatewayBase.resolve("/webhooks/link-sms/" + tenant))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                    ("link:" + password(tenant)).getBytes(StandardCharsets.UTF_8)))
                            .POST(HttpRequest.BodyPublishers.ofString(batch.toString())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() < 300) {
                        break;
                    }
                    LOG.warn("Dialog answered {} delivery report(s) with HTTP {} (attempt {} of {})", batch.size(),
                            answer.statusCode(), attempt, ATTEMPTS);
                } catch (java.io.IOException e) {
                    LOG.warn("{} delivery report(s) not posted (attempt {} of {}): {}", batch.size(), attempt, ATTEMPTS,
                            e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static String password(String tenant) {
        return WebhookDevSecrets.password(WebhookDevSecrets.WEBHOOK_SECRET, "link-sms", tenant);
    }

    @Override
    public void close() {
        poster.shutdownNow();
    }
}
