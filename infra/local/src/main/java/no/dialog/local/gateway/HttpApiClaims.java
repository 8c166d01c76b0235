package no.dialog.local.gateway;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Turns JWT claims into the string map HTTP API hands a function in
 * {@code requestContext.authorizer.jwt.claims}.
 *
 * <p>HTTP API passes every claim as a string, written the way Go's {@code fmt} prints values
 * (API Gateway's authorizer is written in Go), which is observable in real events:
 * <ul>
 *   <li>strings as they are: {@code "tenant" -> "demo"};</li>
 *   <li>numbers in decimal: {@code "exp" -> "1795000000"};</li>
 *   <li>booleans: {@code "true"} / {@code "false"};</li>
 *   <li>arrays in square brackets, items separated by one space, with no quotes:
 *       {@code "roles" -> "[editor admin]"}, an empty array {@code "[]"};</li>
 *   <li>objects as {@code map[key:value ...]} with keys sorted.</li>
 * </ul>
 * So a function must parse list claims such as {@code roles}: strip the brackets and split on spaces
 * (role names therefore must not contain spaces). Null claims are left out.
 */
public final class HttpApiClaims {

  private HttpApiClaims() {}

  /** The claims as HTTP API passes them; keeps the token's claim order. */
  public static Map<String, String> stringify(Map<String, Object> claims) {
    Map<String, String> result = new LinkedHashMap<>();
    claims.forEach((name, value) -> {
      if (value != null) {
        result.put(name, format(value));
      }
    });
    return result;
  }

  static String format(Object value) {
    if (value instanceof Collection<?> items) {
      StringJoiner joined = new StringJoiner(" ", "[", "]");
      items.forEach(item -> joined.add(item == null ? "<nil>" : format(item)));
      return joined.toString();
    }
    if (value instanceof Object[] items) {
      return format(java.util.Arrays.asList(items));
    }
    if (value instanceof Map<?, ?> map) {
      StringJoiner joined = new StringJoiner(" ", "map[", "]");
      new TreeMap<>(stringKeys(map)).forEach((k, v) -> joined.add(k + ":" + (v == null ? "<nil>" : format(v))));
      return joined.toString();
    }
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      // JSON numbers without a fraction print without ".0", as Go does.
      if (number == Math.rint(number) && !Double.isInfinite(number) && Math.abs(number) < 1e15) {
        return Long.toString((long) number);
      }
    }
    return String.valueOf(value);
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> result = new LinkedHashMap<>();
    map.forEach((k, v) -> result.put(String.valueOf(k), v));
    return result;
  }
}
