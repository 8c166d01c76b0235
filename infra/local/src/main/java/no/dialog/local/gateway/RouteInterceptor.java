package no.dialog.local.gateway;

import java.util.function.Supplier;

/**
 * Stands in front of the route for one exact path (see {@link LocalHttpGateway#intercept}): it may answer
 * by itself, or call {@code route} (the function behind the path, with API Gateway's rules) and return,
 * amend or replace its answer. The local stack uses it for {@code GET /health}, which answers "starting"
 * until the demo organisation is imported and adds the local readiness to the function's own answer after.
 */
@FunctionalInterface
public interface RouteInterceptor {

  /**
   * @param method the request's upper-case method
   * @param route  invokes the route (at most once is sensible: each call is a function invocation)
   */
  GatewayResponse intercept(String method, Supplier<GatewayResponse> route);
}
