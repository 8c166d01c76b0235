package no.dialog.local.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A route's path template, such as {@code /p/{token}} or {@code /admin/v1/{proxy+}}, and how it
 * matches a request path.
 *
 * <p>As in HTTP API: a {@code {name}} segment matches one non-empty path segment; a greedy
 * {@code {name+}} must be the last segment and matches one or more segments, slashes included.
 * Matching works on the raw (encoded) segments so an encoded slash stays inside its segment; the
 * values passed to the function are decoded.
 */
final class RoutePath {

  /** What kind of segment a template segment is; also its rank in route precedence (lower wins). */
  enum Kind { LITERAL, VARIABLE, GREEDY }

  record Segment(Kind kind, String text) {}

  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

  private final String template;
  private final List<Segment> segments;

  private RoutePath(String template, List<Segment> segments) {
    this.template = template;
    this.segments = segments;
  }

  static RoutePath parse(String template) {
    if (template == null || !template.startsWith("/")) {
      throw new IllegalArgumentException("A route path must start with '/': " + template);
    }
    List<Segment> segments = new ArrayList<>();
    List<String> parts = splitPath(template);
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      if (part.startsWith("{") && part.endsWith("}")) {
        boolean greedy = part.endsWith("+}");
        String name = part.substring(1, part.length() - (greedy ? 2 : 1));
        if (!VARIABLE_NAME.matcher(name).matches()) {
          throw new IllegalArgumentException("Bad path variable '" + part + "' in route path " + template);
        }
        if (greedy && i != parts.size() - 1) {
          throw new IllegalArgumentException("A greedy variable must be the last segment: " + template);
        }
        segments.add(new Segment(greedy ? Kind.GREEDY : Kind.VARIABLE, name));
      } else if (part.contains("{") || part.contains("}")) {
        throw new IllegalArgumentException("A path variable must fill a whole segment: " + template);
      } else {
        segments.add(new Segment(Kind.LITERAL, part));
      }
    }
    return new RoutePath(template, List.copyOf(segments));
  }

  /** Splits "/a/b" into [a, b]; "/" into []; keeps empty segments ("/a/" is [a, ""]). */
  static List<String> splitPath(String path) {
    if (path.equals("/") || path.isEmpty()) {
      return List.of();
    }
    return List.of(path.substring(1).split("/", -1));
  }

  /** The decoded path parameters when the raw segments match, else null. */
  Map<String, String> match(List<String> rawSegments) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      Segment segment = segments.get(i);
      if (segment.kind() == Kind.GREEDY) {
        if (i >= rawSegments.size()) {
          return null;
        }
        String rest = String.join("/", rawSegments.subList(i, rawSegments.size()));
        if (rest.isEmpty()) {
          return null;
        }
        parameters.put(segment.text(), decodeEachSegment(rawSegments.subList(i, rawSegments.size())));
        return parameters;
      }
      if (i >= rawSegments.size()) {
        return null;
      }
      String raw = rawSegments.get(i);
      if (segment.kind() == Kind.LITERAL) {
        if (!segment.text().equals(UrlDecoding.pathSegment(raw))) {
          return null;
        }
      } else {
        if (raw.isEmpty()) {
          return null;
        }
        parameters.put(segment.text(), UrlDecoding.pathSegment(raw));
      }
    }
    return segments.size() == rawSegments.size() ? parameters : null;
  }

  /**
   * Orders two paths that both match a request, most specific first: a path without a greedy
   * variable beats one with; then, segment by segment from the left, a literal beats a variable and
   * a variable beats a greedy one; then the longer path (more matched segments before the greedy
   * one) wins.
   */
  int compareSpecificity(RoutePath other) {
    boolean greedy = isGreedy();
    if (greedy != other.isGreedy()) {
      return greedy ? 1 : -1;
    }
    int shared = Math.min(segments.size(), other.segments.size());
    for (int i = 0; i < shared; i++) {
      int byKind = segments.get(i).kind().compareTo(other.segments.get(i).kind());
      if (byKind != 0) {
        return byKind;
      }
    }
    return Integer.compare(other.segments.size(), segments.size());
  }

  boolean isGreedy() {
    return !segments.isEmpty() && segments.get(segments.size() - 1).kind() == Kind.GREEDY;
  }

  String template() {
    return template;
  }

  private static String decodeEachSegment(List<String> rawSegments) {
    List<String> decoded = new ArrayList<>(rawSegments.size());
    rawSegments.forEach(raw -> decoded.add(UrlDecoding.pathSegment(raw)));
    return String.join("/", decoded);
  }
}
