package no.dialog.local.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpHandler;
import java.time.Duration;
import java.util.Map;
import no.dialog.core.tenant.TenantId;
import no.dialog.local.bus.LocalEventBus;
import no.dialog.local.clock.AdvanceDuration;
import no.dialog.local.clock.LocalClock;

/**
 * The local stack's JSON endpoints (DESIGN.md, "Public surface"):
 * {@code GET /local/events?tenant=demo}, {@code GET /local/outbox?tenant=demo&channel=sms},
 * {@code POST /local/clock/advance?by=P7D}.
 */
public final class LocalEndpoints {

    private static final ObjectMapper MAPPER = new ObjectMapper();

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
     * What the provider sandboxes received, newest first. No channel sender exists yet (the channels
     * issue adds them and their sandboxes), so the list is empty; the shape is fixed here.
     */
    public static HttpHandler outbox() {
        return exchange -> {
            if (!"GET".equals(exchange.getRequestMethod())) {
                HttpExchanges.error(exchange, 405, "use GET");
                return;
            }
            HttpExchanges.json(exchange, 200, "[]");
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
