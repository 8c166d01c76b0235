package no.dialog.local.gateway;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP response ready to write: status, headers in order (a name may repeat) and body bytes.
 * Also makes API Gateway's own JSON error responses, such as {@code {"message":"Not Found"}}.
 * Public so that a {@link RouteInterceptor} can read and make them.
 */
public record GatewayResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

  static GatewayResponse notFound() {
    return message(404, "Not Found");
  }

  static GatewayResponse unauthorized(String reason) {
    return withAuthenticateHeader(message(401, "Unauthorized"), reason);
  }

  static GatewayResponse forbidden(String reason) {
    return withAuthenticateHeader(message(403, "Forbidden"), reason);
  }

  static GatewayResponse payloadTooLarge() {
    return message(413, "Request Entity Too Large");
  }

  static GatewayResponse internalServerError() {
    return message(500, "Internal Server Error");
  }

  /** A JSON body {@code {"message": "..."}}, the shape of every API Gateway error. */
  static GatewayResponse message(int status, String message) {
    String json = "{\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    return new GatewayResponse(status, List.of(header("Content-Type", "application/json")),
        json.getBytes(StandardCharsets.UTF_8));
  }

  /** A JSON response with the given status and body. */
  public static GatewayResponse json(int status, String json) {
    return new GatewayResponse(status, List.of(header("Content-Type", "application/json")),
        json.getBytes(StandardCharsets.UTF_8));
  }

  static Map.Entry<String, String> header(String name, String value) {
    return new AbstractMap.SimpleImmutableEntry<>(name, value);
  }

  // HTTP API explains a refused token in this header, the same way, e.g.
  // Bearer scope="" error="invalid_token" error_description="the token has expired".
  private static GatewayResponse withAuthenticateHeader(GatewayResponse response, String reason) {
    String description = reason.replace("\"", "'");
    List<Map.Entry<String, String>> headers = List.of(
        response.headers().get(0),
        header("www-authenticate", "Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + description + "\""));
    return new GatewayResponse(response.status(), headers, response.body());
  }
}
