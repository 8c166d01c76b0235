package no.dialog.local.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Request headers the way payload format 2.0 presents them: names lower-cased, repeated headers
 * joined with commas, and cookies taken out of the {@code Cookie} header into a list of their own.
 */
final class RequestHeaders {

  private final Map<String, String> headers;
  private final List<String> cookies;

  private RequestHeaders(Map<String, String> headers, List<String> cookies) {
    this.headers = headers;
    this.cookies = cookies;
  }

  static RequestHeaders from(Map<String, List<String>> rawHeaders) {
    Map<String, String> headers = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    rawHeaders.forEach((name, values) -> {
      String lowerName = name.toLowerCase(Locale.ROOT);
      if (lowerName.equals("cookie")) {
        values.forEach(value -> splitCookies(value, cookies));
        return;
      }
      for (String value : values) {
        headers.merge(lowerName, value, (first, second) -> first + "," + second);
      }
    });
    return new RequestHeaders(headers, cookies);
  }

  private static void splitCookies(String headerValue, List<String> cookies) {
    for (String cookie : headerValue.split(";")) {
      String trimmed = cookie.trim();
      if (!trimmed.isEmpty()) {
        cookies.add(trimmed);
      }
    }
  }

  /** Lower-cased names to comma-joined values, without {@code cookie}; mutable, for the gateway's own additions. */
  Map<String, String> headers() {
    return headers;
  }

  List<String> cookies() {
    return cookies;
  }

  String get(String lowerCaseName) {
    return headers.get(lowerCaseName);
  }
}
