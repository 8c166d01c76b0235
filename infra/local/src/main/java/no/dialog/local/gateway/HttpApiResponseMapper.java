package no.dialog.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a function returned into the HTTP response HTTP API would send (payload format 2.0).
 *
 * <p>An {@link APIGatewayV2HTTPResponse} (or any object with a {@code statusCode}, such as a map) is a
 * structured response: its status, {@code headers}, each of its {@code cookies} as a {@code Set-Cookie}
 * header, and its body, base64-decoded when {@code isBase64Encoded}. Payload format 2.0 has no
 * {@code multiValueHeaders}: HTTP API ignores them, and so does this (Micronaut fills both, which once
 * answered every header twice here and only once in AWS). Anything else is HTTP API's inferred "simple response": status 200,
 * {@code Content-Type: application/json}, and the value as the body (a string as it is, other objects
 * as JSON).
 */
final class HttpApiResponseMapper {

  /** Thrown for a result HTTP API would answer with a 500. */
  static final class InvalidResponseException extends Exception {
    InvalidResponseException(String message) {
      super(message);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  // Framing headers belong to this server, not to the function.
  private static final Set<String> FRAMING_HEADERS = Set.of("content-length", "transfer-encoding", "connection");

  private HttpApiResponseMapper() {}

  static GatewayResponse toResponse(Object result) throws InvalidResponseException {
    if (result == null) {
      throw new InvalidResponseException("the function returned null");
    }
    if (result instanceof APIGatewayV2HTTPResponse structured) {
      return fromStructured(structured);
    }
    if (result instanceof String text) {
      return simple(text);
    }
    JsonNode tree;
    try {
      tree = JSON.valueToTree(result);
    } catch (IllegalArgumentException e) {
      throw new InvalidResponseException("the function's result cannot be written as JSON: " + e.getMessage());
    }
    if (tree.isObject() && tree.has("statusCode")) {
      try {
        return fromStructured(JSON.treeToValue(tree, APIGatewayV2HTTPResponse.class));
      } catch (JsonProcessingException e) {
        throw new InvalidResponseException("the function's response does not have the payload 2.0 shape");
      }
    }
    return simple(tree.toString());
  }

  private static GatewayResponse simple(String body) {
    return new GatewayResponse(200, List.of(GatewayResponse.header("Content-Type", "application/json")),
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static GatewayResponse fromStructured(APIGatewayV2HTTPResponse response) throws InvalidResponseException {
    int status = response.getStatusCode();
    if (status < 100 || status > 599) {
      throw new InvalidResponseException("the function's response has no valid statusCode (" + status + ")");
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    if (response.getHeaders() != null) {
      response.getHeaders().forEach((name, value) -> addHeader(headers, name, value));
    }
    if (response.getCookies() != null) {
      response.getCookies().forEach(cookie -> addHeader(headers, "Set-Cookie", cookie));
    }
    return new GatewayResponse(status, headers, body(response));
  }

  private static byte[] body(APIGatewayV2HTTPResponse response) throws InvalidResponseException {
    String body = response.getBody();
    if (body == null || body.isEmpty()) {
      return new byte[0];
    }
    if (!response.getIsBase64Encoded()) {
      return body.getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Base64.getMimeDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new InvalidResponseException("the function's body is marked isBase64Encoded but is not base64");
    }
  }

  private static void addHeader(List<Map.Entry<String, String>> headers, String name, String value) {
    if (name == null || value == null || FRAMING_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      return;
    }
    headers.add(GatewayResponse.header(name, value));
  }
}
