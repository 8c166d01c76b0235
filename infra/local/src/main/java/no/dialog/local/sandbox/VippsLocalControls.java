package no.dialog.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Local-only controls of the {@link VippsSandbox}, mounted at {@value #MOUNT} (Vipps has no such thing):
 * <ul>
 *   <li>{@code POST /local/vipps/app-gift} (JSON or form: {@code phone, name, amountOre, message}) adds a gift
 *       "made in the app" to the Donations report at the local clock's time; 201 with the report item.</li>
 *   <li>{@code POST /local/vipps/settle-charges} captures the charges due by the local clock now;
 *       {@code {settled: n}}.</li>
 *   <li>{@code POST /local/vipps/fail-next-charge[?count=n]} makes the next charge(s) that fall due fail
 *       ({@code recurring.charge-failed.v1}); {@code {failNext: n}}.</li>
 *   <li>{@code GET /local/vipps/webhooks} lists the webhooks sent, newest first, with status and attempts.</li>
 * </ul>
 */
public final class VippsLocalControls implements HttpHandler {

    public static final String MOUNT = "/local/vipps";

    private final VippsSandbox sandbox;

    public VippsLocalControls(VippsSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(MOUNT.length());
        String method = exchange.getRequestMethod();
        try {
            switch (path) {
                case "/app-gift" -> {
                    post(method);
                    SandboxHttp.send(exchange, 201, appGift(exchange));
                }
                case "/settle-charges" -> {
                    post(method);
                    SandboxHttp.send(exchange, 200, SandboxHttp.JSON.createObjectNode()
                            .put("settled", sandbox.settleDueCharges()));
                }
                case "/fail-next-charge" -> {
                    post(method);
                    String count = SandboxHttp.first(SandboxHttp.query(exchange), "count");
                    int n = parse(count == null ? "1" : count, "count");
                    if (n < 1 || n > 100) {
                        throw VippsProblem.badRequest("count", "must be 1-100");
                    }
                    SandboxHttp.send(exchange, 200, SandboxHttp.JSON.createObjectNode()
                            .put("failNext", sandbox.failNextCharges(n)));
                }
                case "/webhooks" -> {
                    if (!"GET".equals(method)) {
                        throw new VippsProblem(405, "use GET");
                    }
                    ArrayNode list = SandboxHttp.JSON.createArrayNode();
                    for (VippsWebhookDelivery d : sandbox.webhookDeliveries()) {
                        ObjectNode item = list.addObject();
                        item.put("id", d.id()).put("tenant", d.tenant()).put("eventType", d.eventType())
                                .put("url", d.url()).put("status", d.status()).put("attempts", d.attempts())
                                .put("lastAnswer", d.lastAnswer()).put("createdAt", d.createdAt().toString());
                        item.set("body", SandboxHttp.json(d.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    }
                    SandboxHttp.send(exchange, 200, list);
                }
                default -> throw new VippsProblem(404, "use /local/vipps/app-gift, /settle-charges, /fail-next-charge or"
                        + " /webhooks");
            }
        } catch (VippsProblem problem) {
            SandboxHttp.send(exchange, problem.status, problem.body(exchange.getRequestURI().getPath()));
        }
    }

    private ObjectNode appGift(HttpExchange exchange) throws IOException {
        byte[] body = SandboxHttp.body(exchange);
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        String phone;
        String name;
        String amount;
        String message;
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            Map<String, List<String>> form = SandboxHttp.form(body);
            phone = SandboxHttp.first(form, "phone");
            name = SandboxHttp.first(form, "name");
            amount = SandboxHttp.first(form, "amountOre");
            message = SandboxHttp.first(form, "message");
        } else {
            JsonNode json = SandboxHttp.json(body);
            if (json == null || !json.isObject()) {
                throw VippsProblem.badRequest("body", "send JSON {phone, name, amountOre, message} or a form");
            }
            phone = json.path("phone").asText(null);
            name = json.path("name").asText(null);
            amount = json.path("amountOre").asText(null);
            message = json.path("message").asText(null);
        }
        long ore = parse(amount == null ? "" : amount, "amountOre");
        return sandbox.addAppGift(phone, name, ore, message);
    }

    private static void post(String method) {
        if (!"POST".equals(method)) {
            throw new VippsProblem(405, "use POST");
        }
    }

    private static int parse(String value, String field) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw VippsProblem.badRequest(field, "must be a whole number");
        }
    }
}
