package no.dialog.local.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /local/token?tenant=demo&roles=editor,admin[&sub=kari]}: a signed dev token for the admin
 * API, answered as JSON {@code {"token":"..."}}.
 *
 * <p>{@code tenant} is required and must match {@code [a-z0-9-]{2,32}}; {@code roles} is a
 * comma-separated list (may be empty): {@code viewer}, {@code editor}, {@code admin} in that organisation and
 * {@code platform-admin} for the operator, the claims the staff user pool's trigger issues in AWS
 * ({@link LocalIdentity}, docs/adr/0023); {@code sub} defaults to {@code local-dev}. A bad input gets a
 * 400 with the reason as {@code {"message":"..."}}. Mount it on the {@link LocalHttpGateway}; it exists
 * only in the local stack.
 */
public final class DevTokenEndpoint implements HttpHandler {

  /** The subject of tokens when the request names none. */
  public static final String DEFAULT_SUBJECT = "local-dev";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DevTokenIssuer issuer;

  public DevTokenEndpoint(DevTokenIssuer issuer) {
    this.issuer = issuer;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equalsIgnoreCase("GET")) {
      exchange.getResponseHeaders().add("Allow", "GET");
      send(exchange, 405, Map.of("message", "Use GET"));
      return;
    }
    Map<String, String> query = UrlDecoding.queryParameters(exchange.getRequestURI().getRawQuery());
    String tenant = query.get("tenant");
    if (tenant == null || tenant.isEmpty()) {
      send(exchange, 400, Map.of("message", "tenant is required, e.g. ?tenant=demo&roles=editor"));
      return;
    }
    String subject = query.getOrDefault("sub", DEFAULT_SUBJECT);
    String token;
    try {
      token = issuer.issue(subject, tenant, roles(query.get("roles")));
    } catch (IllegalArgumentException badInput) {
      send(exchange, 400, Map.of("message", badInput.getMessage()));
      return;
    }
    send(exchange, 200, Map.of("token", token));
  }

  private static List<String> roles(String commaSeparated) {
    if (commaSeparated == null) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(role -> !role.isEmpty()).toList();
  }

  private static void send(HttpExchange exchange, int status, Map<String, String> body) throws IOException {
    byte[] json = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, json.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(json);
    }
  }
}
