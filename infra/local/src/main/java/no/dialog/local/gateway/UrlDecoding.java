package no.dialog.local.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decoding of paths and query strings, lenient as API Gateway is: a malformed escape stays as sent. */
final class UrlDecoding {

  private UrlDecoding() {}

  /** Decodes %XX escapes in a path segment; a '+' in a path is a plus, not a space. */
  static String pathSegment(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    return decode(raw.replace("+", "%2B"));
  }

  /** Decodes a query-string key or value, where '+' means a space. */
  static String queryComponent(String raw) {
    if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
      return raw;
    }
    return decode(raw);
  }

  /**
   * Parses a raw query string into decoded parameters, repeated names joined with commas as payload
   * format 2.0 does. Returns an empty map for a null or empty query.
   */
  static Map<String, String> queryParameters(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = queryComponent(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : queryComponent(pair.substring(equals + 1));
      parameters.merge(name, value, (first, second) -> first + "," + second);
    }
    return parameters;
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return raw;
    }
  }
}
