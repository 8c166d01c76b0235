package no.dialog.vipps;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.observability.Metrics;
import no.dialog.core.payment.vipps.VippsSettings;
import no.dialog.core.payment.vipps.VippsWebhookEvent;
import no.dialog.core.payment.vipps.VippsWebhookEvents;
import no.dialog.core.payment.vipps.VippsWebhookSignature;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code POST /webhooks/vipps/{tenant}}: checks Vipps' signature against the tenant's webhook secret, reads
 * the event, and puts it on the Vipps events queue, so Vipps gets its 2xx in milliseconds and the work
 * (capture, registering the gift, the thank-you) is retried by SQS, not by Vipps.
 *
 * <p>Vipps signs the host and path it posted to: the public URL ({@code PUBLIC_BASE_URL} plus the route),
 * not what the function sees behind API Gateway. Answers: 200 queued; 400 a signed body that is not a Vipps
 * event (with the field); 401 for everything refused before the signature holds (an unknown tenant, a
 * tenant without Vipps, no signature, a wrong or stale one), always with the same body, so a caller learns
 * nothing about which tenants exist (the reason is logged and counted, {@code VippsWebhooksRefused}); 413 a
 * body over 64 KB. The tenant is looked up in the tenant directory before any secret is, so made-up tenant
 * names cost no Secrets Manager call. Nothing is queued unless the answer is 200.
 */
@Singleton
@Requires(property = "vipps.events.queue.url")
@Requires(beans = VippsSettings.class)
class VippsWebhooks {

    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String ROUTE = "/webhooks/vipps/";
    private static final Logger LOG = LoggerFactory.getLogger(VippsWebhooks.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final String REFUSED_METRIC = "VippsWebhooksRefused";

    private final VippsSettings settings;
    private final TenantDirectory tenants;
    private final Metrics metrics;
    private final VippsWebhookSignature signature;
    private final SqsClient sqs;
    private final String queueUrl;
    private final String publicHost;
    private final String publicPathPrefix;

    VippsWebhooks(VippsSettings settings, TenantDirectory tenants, Metrics metrics, VippsWebhookSignature signature,
                  SqsClient sqs, @Value("${vipps.events.queue.url}") String queueUrl,
                  @Value("${public.base.url}") String publicBaseUrl) {
        this.settings = settings;
        this.tenants = tenants;
        this.metrics = metrics;
        this.signature = signature;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        URI base = URI.create(publicBaseUrl.strip());
        if (base.getRawAuthority() == null) {
            throw new IllegalArgumentException("PUBLIC_BASE_URL must be an absolute URL");
        }
        this.publicHost = base.getRawAuthority();
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        this.publicPathPrefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        String method = event.getRequestContext() == null || event.getRequestContext().getHttp() == null ? ""
                : event.getRequestContext().getHttp().getMethod();
        String path = event.getRawPath() == null ? "" : event.getRawPath();
        if (!"POST".equalsIgnoreCase(method)) {
            return reply(405, "only POST");
        }
        String tenantText = path.startsWith(ROUTE) ? path.substring(ROUTE.length()) : "";
        if (!TenantId.isValid(tenantText)) {
            return refuse("not a tenant id");
        }
        TenantId tenant = TenantId.of(tenantText);
        if (tenants.find(tenant).isEmpty()) {
            return refuse("unknown tenant");
        }
        Optional<VippsSettings.TenantVipps> vipps = settings.forTenant(tenant);
        if (vipps.isEmpty()) {
            return refuse("no Vipps set-up for the tenant");
        }
        byte[] body;
        try {
            body = body(event);
        } catch (IllegalArgumentException e) {
            return reply(400, "the body could not be read");
        }
        if (body.length > MAX_BODY_BYTES) {
            return reply(413, "body over " + MAX_BODY_BYTES + " bytes");
        }
        String query = event.getRawQueryString() == null || event.getRawQueryString().isEmpty() ? ""
                : "?" + event.getRawQueryString();
        VippsWebhookSignature.Verification verification = signature.verify(vipps.get().webhookSecret(), publicHost,
                publicPathPrefix + path + query, body, headers(event));
        if (!verification.valid()) {
            return refuse(verification.reason());
        }
        VippsWebhookEvent parsed;
        try {
            parsed = VippsWebhookEvents.parse(body);
        } catch (IllegalArgumentException e) {
            LOG.warn("Vipps webhook with a malformed body: {}", e.getMessage());
            return reply(400, e.getMessage());
        }
        ObjectNode message = MAPPER.createObjectNode().put("tenant", tenant.value())
                .put("event", new String(body, StandardCharsets.UTF_8));
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(message.toString()));
        LOG.info("Vipps webhook {} queued", parsed.name());
        return reply(200, null);
    }

    /** The one answer to every refused webhook; only the log and the metric say why. */
    private APIGatewayV2HTTPResponse refuse(String reason) {
        LOG.warn("Vipps webhook refused: {}", reason);
        metrics.count(Map.of("function", "vipps-webhook"), Map.of(REFUSED_METRIC, 1L));
        return reply(401, "not accepted");
    }

    private static byte[] body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        return event.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> headers(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        }
        return headers;
    }

    /**
     * {@code {"received": true}}, or an error as RFC 9457 problem details ({@code application/problem+json}),
     * the shape of every JSON error of Dialog's HTTP API.
     */
    private static APIGatewayV2HTTPResponse reply(int status, String error) {
        if (error == null) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(MAPPER.createObjectNode().put("received", true).toString()).build();
        }
        ObjectNode problem = MAPPER.createObjectNode().put("type", "about:blank").put("title", title(status))
                .put("status", status).put("detail", error);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/problem+json")).withBody(problem.toString()).build();
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            default -> "HTTP " + status;
        };
    }
}
