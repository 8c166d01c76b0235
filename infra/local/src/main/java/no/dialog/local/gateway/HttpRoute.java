package no.dialog.local.gateway;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.dialog.local.lambda.LocalFunction;

/**
 * One HTTP API route: a route key ({@code GET /p/{token}}, {@code ANY /admin/v1/{proxy+}} or
 * {@code $default}), the function it invokes, and optionally the JWT authorizer that guards it with
 * the scopes it requires.
 *
 * <pre>{@code
 * HttpRoute.of("GET", "/admin/v1/contacts/{id}", adminApi).withAuthorizer(staffJwt)
 * }</pre>
 */
public final class HttpRoute {

  /** The route key of the catch-all route. */
  public static final String DEFAULT_ROUTE_KEY = "$default";

  /** The method that matches every method without a route of its own. */
  public static final String ANY = "ANY";

  private static final Set<String> METHODS =
      Set.of(ANY, "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  private final String method;
  private final RoutePath path;
  private final LocalFunction function;
  private final JwtAuthorizer authorizer;
  private final List<String> authorizationScopes;

  private HttpRoute(String method, RoutePath path, LocalFunction function, JwtAuthorizer authorizer,
      List<String> authorizationScopes) {
    this.method = method;
    this.path = path;
    this.function = Objects.requireNonNull(function, "function");
    this.authorizer = authorizer;
    this.authorizationScopes = List.copyOf(authorizationScopes);
  }

  /**
   * A route for one method (or {@code ANY}) and a path template.
   *
   * @throws IllegalArgumentException for an unknown method or a malformed path template
   */
  public static HttpRoute of(String method, String pathTemplate, LocalFunction function) {
    String upper = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
    if (!METHODS.contains(upper)) {
      throw new IllegalArgumentException("Unknown HTTP method '" + method + "' for route " + pathTemplate);
    }
    return new HttpRoute(upper, RoutePath.parse(pathTemplate), function, null, List.of());
  }

  /**
   * A route from its route key as the template and the event write it: {@code "GET /p/{token}"},
   * {@code "ANY /admin/v1/{proxy+}"} or {@code "$default"}.
   */
  public static HttpRoute forKey(String routeKey, LocalFunction function) {
    Objects.requireNonNull(routeKey, "routeKey");
    if (routeKey.equals(DEFAULT_ROUTE_KEY)) {
      return defaultRoute(function);
    }
    int space = routeKey.indexOf(' ');
    if (space < 0) {
      throw new IllegalArgumentException("A route key is 'METHOD /path' or $default, not '" + routeKey + "'");
    }
    return of(routeKey.substring(0, space), routeKey.substring(space + 1).trim(), function);
  }

  /** The {@code $default} route: whatever no other route matches. */
  public static HttpRoute defaultRoute(LocalFunction function) {
    return new HttpRoute(null, null, function, null, List.of());
  }

  /** The same route, guarded by a JWT authorizer. */
  public HttpRoute withAuthorizer(JwtAuthorizer jwtAuthorizer) {
    return withAuthorizer(jwtAuthorizer, List.of());
  }

  /** The same route, guarded by a JWT authorizer and requiring one of these scopes (AuthorizationScopes). */
  public HttpRoute withAuthorizer(JwtAuthorizer jwtAuthorizer, List<String> scopes) {
    return new HttpRoute(method, path, function, Objects.requireNonNull(jwtAuthorizer, "jwtAuthorizer"), scopes);
  }

  /** {@code GET /p/{token}}, {@code ANY /admin/v1/{proxy+}} or {@code $default}, as in the event's routeKey. */
  public String routeKey() {
    return isDefault() ? DEFAULT_ROUTE_KEY : method + " " + path.template();
  }

  public LocalFunction function() {
    return function;
  }

  public Optional<JwtAuthorizer> authorizer() {
    return Optional.ofNullable(authorizer);
  }

  public List<String> authorizationScopes() {
    return authorizationScopes;
  }

  boolean isDefault() {
    return path == null;
  }

  boolean isAnyMethod() {
    return ANY.equals(method);
  }

  boolean acceptsMethod(String requestMethod) {
    return isAnyMethod() || method.equals(requestMethod);
  }

  RoutePath path() {
    return path;
  }

  @Override
  public String toString() {
    return routeKey() + " -> " + function.name() + (authorizer == null ? "" : " (JWT)");
  }
}
