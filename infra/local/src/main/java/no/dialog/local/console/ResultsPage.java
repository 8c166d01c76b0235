package no.dialog.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import no.dialog.core.results.charts.ResultCharts;
import no.dialog.core.tenant.TenantId;
import no.dialog.local.gateway.DevTokenIssuer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /local/results?tenant=demo} lists the tenant's journeys; {@code GET /local/results?tenant=demo&journey=student}
 * draws one journey's results: per version the funnel, conversions and revenue per day, and the experiment's
 * interval per day (SVG from {@link ResultCharts}), with links to the weekly summaries.
 *
 * <p>It reads what staff would read, the way they would: over HTTP through this gateway's admin API routes
 * ({@code /admin/v1/journeys}, {@code .../results}, {@code .../summaries}) with a viewer dev token for the
 * tenant, so the page shows what the deployed API would answer, through the same authorizer and function.
 */
public final class ResultsPage implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ResultsPage.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JOURNEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final PebbleTemplate template = new PebbleEngine.Builder().build().getTemplate("console/results.peb");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI gateway;
    private final DevTokenIssuer tokens;

    public ResultsPage(URI gateway, DevTokenIssuer tokens) {
        this.gateway = gateway;
        this.tokens = tokens;
    }

    /** An admin API answer that is not a 200: its status and message, shown on the page. */
    private static final class ApiRefused extends Exception {
        final int status;

        ApiRefused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            HttpExchanges.error(exchange, 405, "use GET");
            return;
        }
        Map<String, String> query = HttpExchanges.query(exchange);
        String tenant = query.get("tenant");
        if (tenant == null || !TenantId.isValid(tenant)) {
            HttpExchanges.error(exchange, 400, "tenant must be 2-32 lower-case letters, digits or dashes, e.g. ?tenant=demo");
            return;
        }
        String journey = query.get("journey");
        if (journey != null && !JOURNEY_ID.matcher(journey).matches()) {
            HttpExchanges.error(exchange, 400, "journey must be a journey id (letters, digits, '.', '_' or '-')");
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("tenant", tenant);
        model.put("journey", journey);
        int status = 200;
        try {
            String token = tokens.issue("local-console", tenant, List.of("viewer"));
            if (journey == null) {
                model.put("journeys", journeys(get("/admin/v1/journeys?limit=200", token)));
            } else {
                JsonNode results = get("/admin/v1/journeys/" + journey + "/results", token);
                model.put("versions", versions(results));
                model.put("currency", results.path("currency").asText("NOK"));
                model.put("summaries", summaries(get("/admin/v1/journeys/" + journey + "/summaries", token)));
            }
        } catch (ApiRefused refused) {
            status = refused.status == 404 ? 404 : 502;
            model.put("problem", "The admin API answered " + refused.status + ": " + refused.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            HttpExchanges.error(exchange, 503, "interrupted");
            return;
        }
        StringWriter html = new StringWriter();
        try {
            template.evaluate(html, model);
        } catch (RuntimeException e) {
            LOG.error("the results page failed to render", e);
            HttpExchanges.send(exchange, 500, "text/plain; charset=utf-8", "The results page failed to render; see the log.");
            return;
        }
        HttpExchanges.send(exchange, status, "text/html; charset=utf-8", html.toString());
    }

    private JsonNode get(String path, String token) throws IOException, InterruptedException, ApiRefused {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.resolve(path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            String message;
            try {
                JsonNode body = JSON.readTree(response.body());
                message = body.path("detail").asText(body.path("message").asText(body.path("title").asText("")));
            } catch (IOException notJson) {
                message = "";
            }
            throw new ApiRefused(response.statusCode(), message);
        }
        return JSON.readTree(response.body());
    }

    private static List<Map<String, Object>> journeys(JsonNode page) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode head : page.path("journeys")) {
            rows.add(Map.of("id", head.path("id").asText(), "name", head.path("name").asText(),
                    "status", head.path("status").asText(), "activeVersion", head.path("activeVersion").asInt()));
        }
        return rows;
    }

    /** Newest version first, each with its three pictures (SVG text, escaped by the chart writer). */
    private static List<Map<String, Object>> versions(JsonNode results) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode version : results.path("versions")) {
            Map<String, Object> row = new HashMap<>();
            row.put("version", version.path("version").asInt());
            row.put("goalConversionRate", version.path("goalConversionRate").isNumber()
                    ? String.format(java.util.Locale.ROOT, "%.2f %%", 100 * version.get("goalConversionRate").asDouble())
                    : "–");
            row.put("funnel", ResultCharts.funnel(version));
            row.put("perDay", ResultCharts.perDay(version));
            JsonNode experiment = version.get("experiment");
            if (experiment != null && experiment.isObject()) {
                row.put("experiment", ResultCharts.experimentInterval(experiment));
            }
            rows.add(0, row);
        }
        return rows;
    }

    private static List<Map<String, Object>> summaries(JsonNode body) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode week : body.path("summaries")) {
            List<Map<String, String>> files = new ArrayList<>();
            for (JsonNode file : week.path("files")) {
                files.add(Map.of("format", file.path("format").asText(), "link", file.path("link").asText("")));
            }
            rows.add(Map.of("week", week.path("week").asText(), "from", week.path("from").asText(),
                    "to", week.path("to").asText(), "files", files));
        }
        return rows;
    }
}
