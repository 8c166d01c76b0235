package no.dialog.local.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpHandler;
import java.util.List;
import java.util.function.Supplier;
import no.dialog.local.lambda.runtime.JarFunction;

/**
 * {@code GET /local/functions}: each function run from its jar, as the console shows it: live execution
 * environments, cold starts with their init times, invocations, errors, and the last error with the
 * function's recent log lines.
 */
public final class FunctionsEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FunctionsEndpoint() {}

    public static HttpHandler of(Supplier<List<JarFunction.Stats>> stats) {
        return exchange -> {
            if (!"GET".equals(exchange.getRequestMethod())) {
                HttpExchanges.error(exchange, 405, "use GET");
                return;
            }
            HttpExchanges.json(exchange, 200, JSON.writeValueAsString(stats.get()));
        };
    }
}
