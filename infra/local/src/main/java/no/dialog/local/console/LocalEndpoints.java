package no.dialog.local.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpHandler;
import java.time.Duration;
import java.util.Map;
import no.dialog.core.tenant.TenantId;
import no.dialog.local.bus.LocalEventBus;
import no.dialog.local.clock.AdvanceDuration;
import no.dialog.local.clock.LocalClock;
import no.dialog.local.sandbox.Outbox;

/**
 * The local stack's JSON endpoints (DESIGN.md, "Public surface"):
 * {@code GET /local/events?tenant=demo}, {@code GET /local/outbox?tenant=demo&channel=sms},
 * {@code POST /local/clock/advance?by=P7D}.
 */
public final class LocalEndpoints {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private LocalEndpoints() {}

    /** Recent events on the bus, newest first, for one tenant (the {@code tenant} field of the detail). */
    public static HttpHandler events(LocalEventBus bus) {
        return exchange -> {
            if (!"GET".equals(exchange.getRequestMethod())) {
                HttpExchanges.error(exchange, 405, "use GET");
                return;
            }
            String tenant = HttpExchanges.query(exchange).get("tenant");
            if (tenant != null && !TenantId.isValid(tenant)) {
                HttpExchanges.error(exchange, 400, "tenant must be 2-32 lower-case letters, digits or dashes");
                return;
            }
            HttpExchanges.json(exchange, 200, bus.recentEventsJson(tenant));
        };
    }

    /**
     * What the provider sandboxes received, newest first: {@code ?tenant=demo&channel=sms&limit=100}
     * (each optional). The tenant is the prefix of the idempotency key ({@code <tenant>:...}) the sender
     * gave as LINK's {@code refId}.
     */
    public static HttpHandler outbox(Outbox outbox) {
        return exchange -> {
            if (!"GET".equals(exchange.getRequestMethod())) {
                HttpExchanges.error(exchange, 405, "use GET");
                return;
            }
            Map<String, String> query = HttpExchanges.query(exchange);
            String tenant = query.get("tenant");
            if (tenant != null && !TenantId.isValid(tenant)) {
                HttpExchanges.error(exchange, 400, "tenant must be 2-32 lower-case letters, digits or dashes");
                return;
            }
            int limit;
            try {
                limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : 100;
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > Outbox.CAPACITY) {
                HttpExchanges.error(exchange, 400, "limit must be a number from 1 to " + Outbox.CAPACITY);
                return;
            }
            HttpExchanges.json(exchange, 200, MAPPER.writeValueAsString(outbox.newest(tenant, query.get("channel"), limit)));
        };
    }

    /** Moves the local clock forward; schedules, waits and send windows follow it. */
    public static HttpHandler clockAdvance(LocalClock clock) {
        return exchange -> {
            if (!"POST".equals(exchange.getRequestMethod())) {
                HttpExchanges.error(exchange, 405, "use POST");
                return;
            }
            Duration by;
            try {
                by = AdvanceDuration.parse(HttpExchanges.query(exchange).get("by"));
            } catch (IllegalArgumentException e) {
                HttpExchanges.error(exchange, 400, e.getMessage());
                return;
            }
            clock.advance(by);
            HttpExchanges.json(exchange, 200, MAPPER.writeValueAsString(Map.of(
                    "now", clock.instant().toString(), "offset", clock.offset().toString())));
        };
    }
}
