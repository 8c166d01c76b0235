package no.dialog.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import no.dialog.local.lambda.LocalFunction;
import no.dialog.local.lambda.LocalLambdaContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What HTTP API does with one request: pick the route, run its authorizer, build the event, invoke
 * the function, and turn its result into the response, with API Gateway's error responses
 * (404, 401/403, 500) where a step fails.
 *
 * <p>Logs name the route key (the template), never the raw path, query, headers or body: paths such
 * as {@code /p/{token}} and bodies carry personal links and answers, and headers carry tokens.
 */
final class HttpApiRequestHandler {

  private static final Logger LOG = LoggerFactory.getLogger(HttpApiRequestHandler.class);

  private final RouteTable routes;
  private final HttpApiEventFactory events;

  HttpApiRequestHandler(RouteTable routes, HttpApiEventFactory events) {
    this.routes = routes;
    this.events = events;
  }

  GatewayResponse handle(IncomingRequest request, String requestId) {
    RouteTable.Match match = routes.select(request.method(), request.uri().getRawPath());
    if (match == null) {
      return GatewayResponse.notFound();
    }
    HttpRoute route = match.route();
    RequestHeaders headers = RequestHeaders.from(request.headers());
    AuthorizationResult.Allowed allowed = null;
    if (route.authorizer().isPresent()) {
      AuthorizationResult result = route.authorizer().get().authorize(headers.headers(), route.authorizationScopes());
      if (result instanceof AuthorizationResult.Denied denied) {
        LOG.debug("{} refused ({}): {}", route.routeKey(), denied.status(), denied.reason());
        return denied.status() == 403
            ? GatewayResponse.forbidden(denied.reason())
            : GatewayResponse.unauthorized(denied.reason());
      }
      allowed = (AuthorizationResult.Allowed) result;
    }
    APIGatewayV2HTTPEvent event = events.create(request, headers, match, allowed, requestId);
    return invoke(route, event, requestId);
  }

  private GatewayResponse invoke(HttpRoute route, APIGatewayV2HTTPEvent event, String requestId) {
    LocalFunction function = route.function();
    Object result;
    try {
      result = function.invoke(event, LocalLambdaContext.forInvocationOf(function));
    } catch (no.dialog.local.lambda.runtime.FunctionError failure) {
      // As an HTTP API answers for a Lambda integration: the handler's error is a 500; an environment that
      // could not start or died is a 502; a function that ran out of time is a 503.
      LOG.error("{} failed on {} (request {}): {}", function.name(), route.routeKey(), requestId, failure.getMessage());
      return switch (failure.kind()) {
        case HANDLER -> GatewayResponse.internalServerError();
        case INIT, CRASH -> GatewayResponse.message(502, "Bad Gateway");
        case TIMEOUT -> GatewayResponse.message(503, "Service Unavailable");
      };
    } catch (Throwable failure) {
      rethrowIfFatal(failure);
      LOG.error("{} failed on {} (request {})", function.name(), route.routeKey(), requestId, failure);
      return GatewayResponse.internalServerError();
    }
    try {
      return HttpApiResponseMapper.toResponse(result);
    } catch (HttpApiResponseMapper.InvalidResponseException invalid) {
      LOG.error("{} gave an unusable response on {} (request {}): {}",
          function.name(), route.routeKey(), requestId, invalid.getMessage());
      return GatewayResponse.internalServerError();
    }
  }

  // A handler's StackOverflowError is its own 500; running out of memory is the JVM's problem.
  private static void rethrowIfFatal(Throwable failure) {
    if (failure instanceof VirtualMachineError fatal && !(failure instanceof StackOverflowError)) {
      throw fatal;
    }
  }
}
