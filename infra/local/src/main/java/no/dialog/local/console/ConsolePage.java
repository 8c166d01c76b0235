package no.dialog.local.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import no.dialog.local.bus.LocalEventBus;
import no.dialog.local.clock.LocalClock;
import no.dialog.local.readiness.Readiness;
import no.dialog.local.readiness.StackReadiness;
import no.dialog.local.sandbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /local/}: one server-rendered page (no JavaScript) with the stack's readiness (a progress
 * bar while the demo organisation is imported) and long work in progress, contacts per tenant, queue
 * depths and dead letters with their reasons, recent bus events and the provider outbox.
 * Pebble escapes every value for HTML.
 */
public final class ConsolePage implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ConsolePage.class);

    private final PebbleTemplate template = new PebbleEngine.Builder().build().getTemplate("console/console.peb");
    private final StackStatus status;
    private final LocalEventBus bus;
    private final LocalClock clock;
    private final Supplier<Map<String, Integer>> functions;
    private final Outbox outbox;
    private final StackReadiness readiness;
    private Supplier<java.util.List<no.dialog.local.lambda.runtime.JarFunction.Stats>> jarFunctions = java.util.List::of;

    public ConsolePage(StackStatus status, LocalEventBus bus, LocalClock clock, Supplier<Map<String, Integer>> functions,
                       Outbox outbox) {
        this(status, bus, clock, functions, outbox, null);
    }

    /**
     * Shows the functions that run from their jars: environments, cold starts with init ms, invocations,
     * errors, and the last error with the function's recent log lines.
     */
    public ConsolePage withJarFunctions(Supplier<java.util.List<no.dialog.local.lambda.runtime.JarFunction.Stats>> stats) {
        this.jarFunctions = stats;
        return this;
    }

    /** @param readiness the stack's readiness and long work; null shows none */
    public ConsolePage(StackStatus status, LocalEventBus bus, LocalClock clock, Supplier<Map<String, Integer>> functions,
                       Outbox outbox, StackReadiness readiness) {
        this.readiness = readiness;
        this.outbox = outbox;
        this.status = status;
        this.bus = bus;
        this.clock = clock;
        this.functions = functions;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.equals("/local/") && !path.equals("/local")) {
            HttpExchanges.error(exchange, 404, "no such local endpoint");
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("now", clock.instant().toString());
        model.put("offset", clock.offset().toString());
        if (readiness != null) {
            Readiness.State state = readiness.readiness().state();
            model.put("readiness", state);
            model.put("status", state.status().name().toLowerCase(java.util.Locale.ROOT));
            model.put("imported", String.format(java.util.Locale.ROOT, "%,d", state.imported()));
            model.put("of", String.format(java.util.Locale.ROOT, "%,d", state.of()));
            model.put("work", readiness.work());
        }
        model.put("tenants", status.tenants());
        model.put("queues", status.queues());
        model.put("events", bus.recentEvents(null, 50));
        model.put("functions", functions.get());
        model.put("jarFunctions", jarFunctions.get());
        model.put("outbox", outbox.newest(null, null, 50));
        StringWriter html = new StringWriter();
        try {
            template.evaluate(html, model);
        } catch (RuntimeException e) {
            LOG.error("the console page failed to render", e);
            HttpExchanges.send(exchange, 500, "text/plain; charset=utf-8", "The console failed to render; see the log.");
            return;
        }
        HttpExchanges.send(exchange, 200, "text/html; charset=utf-8", html.toString());
    }
}
