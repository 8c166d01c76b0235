package no.dialog.local.gateway;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The gateway's routes and HTTP API's rule for picking one.
 *
 * <p>Of the routes whose method and path match, the most specific wins: literal segments beat
 * variables, variables beat greedy {@code {proxy+}} variables (see {@link RoutePath#compareSpecificity});
 * for the same path, an explicit method beats {@code ANY}. The {@code $default} route, if any, takes
 * what nothing else matches. Routes can be added while requests are served.
 */
final class RouteTable {

  /** A chosen route and the path parameters it extracted (empty for none). */
  record Match(HttpRoute route, Map<String, String> pathParameters) {}

  private final List<HttpRoute> routes = new CopyOnWriteArrayList<>();
  private volatile HttpRoute defaultRoute;

  synchronized void add(HttpRoute route) {
    if (route.isDefault()) {
      if (defaultRoute != null) {
        throw new IllegalArgumentException("There is already a $default route");
      }
      defaultRoute = route;
      return;
    }
    for (HttpRoute existing : routes) {
      if (existing.routeKey().equals(route.routeKey())) {
        throw new IllegalArgumentException("Duplicate route " + route.routeKey());
      }
    }
    routes.add(route);
  }

  /** The route for this request, or null when nothing (not even $default) matches. */
  Match select(String method, String rawPath) {
    List<String> rawSegments = RoutePath.splitPath(rawPath);
    HttpRoute best = null;
    Map<String, String> bestParameters = null;
    for (HttpRoute route : routes) {
      if (!route.acceptsMethod(method)) {
        continue;
      }
      Map<String, String> parameters = route.path().match(rawSegments);
      if (parameters != null && (best == null || moreSpecific(route, best))) {
        best = route;
        bestParameters = parameters;
      }
    }
    if (best != null) {
      return new Match(best, bestParameters);
    }
    HttpRoute fallback = defaultRoute;
    return fallback == null ? null : new Match(fallback, Map.of());
  }

  private static boolean moreSpecific(HttpRoute candidate, HttpRoute current) {
    int byPath = candidate.path().compareSpecificity(current.path());
    if (byPath != 0) {
      return byPath < 0;
    }
    return current.isAnyMethod() && !candidate.isAnyMethod();
  }
}
