package no.dialog.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import no.dialog.local.lambda.LocalAws;

/**
 * Builds the {@link APIGatewayV2HTTPEvent} (payload format 2.0) for one request, field by field as
 * HTTP API does.
 *
 * <p>Worth knowing: {@code rawPath} and {@code requestContext.http.path} are the decoded path (HTTP API
 * decodes it); {@code rawQueryString} is the query as sent, while {@code queryStringParameters} are
 * decoded with repeated names joined by commas; {@code cookies}, {@code queryStringParameters} and
 * {@code pathParameters} are absent (null) when there are none; {@code domainName} is the {@code Host}
 * header including the port, so handlers can build links that work locally; HTTP API's own headers
 * ({@code x-forwarded-for}, {@code x-forwarded-port}, {@code x-forwarded-proto},
 * {@code x-amzn-trace-id}) are added.
 */
final class HttpApiEventFactory {

  /** API Gateway's request time format, e.g. {@code 23/Nov/2026:17:26:14 +0000}. */
  static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final Clock clock;

  HttpApiEventFactory(Clock clock) {
    this.clock = clock;
  }

  APIGatewayV2HTTPEvent create(IncomingRequest request, RequestHeaders headers, RouteTable.Match match,
      AuthorizationResult.Allowed authorization, String requestId) {
    Instant now = clock.instant();
    String path = decodedPath(request);
    String rawQuery = request.uri().getRawQuery();
    Map<String, String> eventHeaders = headers.headers();
    addGatewayHeaders(eventHeaders, request, now);

    APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
    http.setMethod(request.method());
    http.setPath(path);
    http.setProtocol(request.protocol());
    http.setSourceIp(request.sourceIp());
    http.setUserAgent(eventHeaders.getOrDefault("user-agent", ""));

    String domainName = eventHeaders.getOrDefault("host", "localhost");
    APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
    context.setAccountId(LocalAws.ACCOUNT_ID);
    context.setApiId("local");
    context.setDomainName(domainName);
    context.setDomainPrefix(domainPrefix(domainName));
    context.setHttp(http);
    context.setRequestId(requestId);
    context.setRouteKey(match.route().routeKey());
    context.setStage("$default");
    context.setTime(REQUEST_TIME.format(now));
    context.setTimeEpoch(now.toEpochMilli());
    if (authorization != null) {
      APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
      jwt.setClaims(authorization.claims());
      jwt.setScopes(authorization.scopes());
      APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
      authorizer.setJwt(jwt);
      context.setAuthorizer(authorizer);
    }

    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setVersion("2.0");
    event.setRouteKey(match.route().routeKey());
    event.setRawPath(path);
    event.setRawQueryString(rawQuery == null ? "" : rawQuery);
    event.setCookies(headers.cookies().isEmpty() ? null : headers.cookies());
    event.setHeaders(eventHeaders);
    Map<String, String> query = UrlDecoding.queryParameters(rawQuery);
    event.setQueryStringParameters(query.isEmpty() ? null : query);
    event.setPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters());
    event.setRequestContext(context);
    setBody(event, request.body(), eventHeaders.get("content-type"));
    return event;
  }

  private static void setBody(APIGatewayV2HTTPEvent event, byte[] body, String contentType) {
    if (body.length == 0) {
      event.setIsBase64Encoded(false);
      return;
    }
    if (BodyEncoding.isText(contentType)) {
      event.setBody(new String(body, StandardCharsets.UTF_8));
      event.setIsBase64Encoded(false);
    } else {
      event.setBody(Base64.getEncoder().encodeToString(body));
      event.setIsBase64Encoded(true);
    }
  }

  private static void addGatewayHeaders(Map<String, String> headers, IncomingRequest request, Instant now) {
    headers.merge("x-forwarded-for", request.sourceIp(), (forwarded, client) -> forwarded + ", " + client);
    headers.putIfAbsent("x-forwarded-port", Integer.toString(request.localPort()));
    headers.putIfAbsent("x-forwarded-proto", "http");
    headers.putIfAbsent("x-amzn-trace-id", traceId(now));
  }

  private static String decodedPath(IncomingRequest request) {
    String path = request.uri().getPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  private static String domainPrefix(String domainName) {
    String host = domainName;
    int colon = host.lastIndexOf(':');
    if (colon > 0 && host.indexOf(']') < colon) {
      host = host.substring(0, colon);
    }
    int dot = host.indexOf('.');
    return dot < 0 ? host : host.substring(0, dot);
  }

  /** An X-Ray style trace header: {@code Root=1-<epoch seconds, hex>-<96 random bits, hex>}. */
  private static String traceId(Instant now) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format("Root=1-%08x-%08x%016x", now.getEpochSecond(), random.nextInt(), random.nextLong());
  }

  /** A request id shaped like HTTP API's ({@code apigw-requestid}): 11 random bytes, base64. */
  static String newRequestId() {
    byte[] bytes = new byte[11];
    ThreadLocalRandom.current().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
