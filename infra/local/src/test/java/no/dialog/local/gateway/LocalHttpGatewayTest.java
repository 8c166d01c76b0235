package no.dialog.local.gateway;

import no.dialog.local.clock.LocalClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import no.dialog.local.lambda.FakeFunction;
import no.dialog.local.lambda.TestLogging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalHttpGatewayTest {

  private static final JwtConfiguration STAFF_JWT =
      new JwtConfiguration("https://auth.dialog.example/", List.of("dialog-admin"));
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final LocalClock clock = LocalClock.fixedAt(Instant.now());
  private final DevTokenIssuer issuer = DevTokenIssuer.inMemory(STAFF_JWT, clock);
  private final JwtAuthorizer staffJwt = new JwtAuthorizer(STAFF_JWT, issuer.publicKeys(), clock);

  /** Answers 200 with the route key as body; the event itself is kept by the fake. */
  private final FakeFunction echo = new FakeFunction("dialog-echo-local", (event, context) -> {
    APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
    response.setStatusCode(200);
    response.setHeaders(Map.of("Content-Type", "text/plain"));
    response.setBody(((APIGatewayV2HTTPEvent) event).getRouteKey());
    return response;
  });

  private LocalHttpGateway gateway;

  @BeforeAll
  static void quietLogs() {
    TestLogging.quiet();
  }

  @BeforeEach
  void startGateway() {
    gateway = LocalHttpGateway.builder().port(0).build();
  }

  @AfterEach
  void stopGateway() {
    gateway.close();
  }

  @Test
  void buildsThePayload2EventWithPathAndQueryParameters() throws Exception {
    gateway.addRoute(HttpRoute.forKey("GET /p/{token}", echo)).start();

    HttpResponse<String> response = get("/p/abc%20def?x=1&x=2&y=a+b&flag");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("GET /p/{token}");
    assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
    APIGatewayV2HTTPEvent event = lastEvent();
    assertThat(event.getVersion()).isEqualTo("2.0");
    assertThat(event.getRouteKey()).isEqualTo("GET /p/{token}");
    assertThat(event.getRawPath()).isEqualTo("/p/abc def");
    assertThat(event.getRawQueryString()).isEqualTo("x=1&x=2&y=a+b&flag");
    assertThat(event.getPathParameters()).containsExactly(Map.entry("token", "abc def"));
    assertThat(event.getQueryStringParameters())
        .containsExactly(Map.entry("x", "1,2"), Map.entry("y", "a b"), Map.entry("flag", ""));
    assertThat(event.getCookies()).isNull();
    assertThat(event.getBody()).isNull();
    assertThat(event.getIsBase64Encoded()).isFalse();
    APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
    assertThat(context.getAccountId()).isEqualTo("000000000000");
    assertThat(context.getApiId()).isEqualTo("local");
    assertThat(context.getStage()).isEqualTo("$default");
    assertThat(context.getRouteKey()).isEqualTo("GET /p/{token}");
    assertThat(context.getDomainName()).isEqualTo("localhost:" + gateway.port());
    assertThat(context.getDomainPrefix()).isEqualTo("localhost");
    assertThat(context.getRequestId()).isEqualTo(response.headers().firstValue("apigw-requestid").orElseThrow());
    assertThat(context.getTime()).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
    assertThat(context.getTimeEpoch()).isPositive();
    assertThat(context.getAuthorizer()).isNull();
    assertThat(context.getHttp().getMethod()).isEqualTo("GET");
    assertThat(context.getHttp().getPath()).isEqualTo("/p/abc def");
    assertThat(context.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
    assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
    assertThat(context.getHttp().getUserAgent()).startsWith("Java-http-client");
    assertThat(echo.contexts().get(0).getFunctionName()).isEqualTo("dialog-echo-local");
  }

  @Test
  void lowerCasesHeadersJoinsRepeatsAndSplitsCookies() throws Exception {
    gateway.addRoute(HttpRoute.forKey("GET /health", echo)).start();

    send(request("/health")
        .header("X-Dialog-Tenant", "demo")
        .header("X-Multi", "a")
        .header("X-Multi", "b")
        .header("Cookie", "session=s1; theme=dark")
        .GET().build());

    APIGatewayV2HTTPEvent event = lastEvent();
    assertThat(event.getHeaders())
        .containsEntry("x-dialog-tenant", "demo")
        .containsEntry("x-multi", "a,b")
        .containsEntry("host", "localhost:" + gateway.port())
        .containsEntry("x-forwarded-proto", "http")
        .containsKeys("x-forwarded-for", "x-forwarded-port", "x-amzn-trace-id", "user-agent")
        .doesNotContainKey("cookie");
    assertThat(event.getHeaders().keySet()).allMatch(name -> name.equals(name.toLowerCase()));
    assertThat(event.getCookies()).containsExactly("session=s1", "theme=dark");
  }

  @Test
  void passesTextBodiesAsTextAndOthersAsBase64() throws Exception {
    gateway.addRoute(HttpRoute.forKey("POST /webhooks/{provider}/{tenant}", echo)).start();
    byte[] binary = {0, 1, 2, (byte) 0xff};

    send(request("/webhooks/link-sms/demo").header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(binary)).build());
    send(request("/webhooks/link-sms/demo").header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"delivered\"}")).build());
    send(request("/webhooks/link-sms/demo").header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("answer=yes")).build());

    List<APIGatewayV2HTTPEvent> events = events();
    assertThat(events.get(0).getIsBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(events.get(0).getBody())).isEqualTo(binary);
    assertThat(events.get(1).getIsBase64Encoded()).isFalse();
    assertThat(events.get(1).getBody()).isEqualTo("{\"status\":\"delivered\"}");
    assertThat(events.get(2).getIsBase64Encoded()).isTrue(); // as in AWS: form posts arrive base64-encoded
    assertThat(new String(Base64.getDecoder().decode(events.get(2).getBody()), StandardCharsets.UTF_8))
        .isEqualTo("answer=yes");
    assertThat(events.get(0).getPathParameters())
        .containsExactly(Map.entry("provider", "link-sms"), Map.entry("tenant", "demo"));
  }

  @Test
  void picksTheMostSpecificRouteAsHttpApiDoes() throws Exception {
    for (String key : List.of("GET /pets/dog/1", "GET /pets/dog/{id}", "GET /pets/{proxy+}",
        "ANY /pets/dog/{id}", "ANY /{proxy+}")) {
      gateway.addRoute(HttpRoute.forKey(key, echo));
    }
    gateway.start();

    assertThat(get("/pets/dog/1").body()).isEqualTo("GET /pets/dog/1");
    assertThat(get("/pets/dog/2").body()).isEqualTo("GET /pets/dog/{id}");
    assertThat(get("/pets/cat/1").body()).isEqualTo("GET /pets/{proxy+}");
    assertThat(lastEvent().getPathParameters()).containsExactly(Map.entry("proxy", "cat/1"));
    assertThat(send(request("/pets/dog/1").DELETE().build()).body()).isEqualTo("ANY /pets/dog/{id}");
    assertThat(send(request("/elsewhere").DELETE().build()).body()).isEqualTo("ANY /{proxy+}");
  }

  @Test
  void answers404WithoutARouteAndUsesDefaultWhenThereIsOne() throws Exception {
    gateway.addRoute(HttpRoute.forKey("GET /health", echo)).start();

    HttpResponse<String> notFound = get("/nothing/here");
    HttpResponse<String> wrongMethod = send(request("/health").POST(HttpRequest.BodyPublishers.noBody()).build());

    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.body()).isEqualTo("{\"message\":\"Not Found\"}");
    assertThat(notFound.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(wrongMethod.statusCode()).isEqualTo(404);

    gateway.addRoute(HttpRoute.forKey("$default", echo));
    assertThat(get("/nothing/here").body()).isEqualTo("$default");
  }

  @Test
  void refusesRequestsWithoutAValidTokenWith401() throws Exception {
    gateway.addRoute(HttpRoute.forKey("GET /admin/v1/contacts/{id}", echo).withAuthorizer(staffJwt)).start();
    DevTokenIssuer wrongAudience = new DevTokenIssuer(DevSigningKey.generate(),
        new JwtConfiguration(STAFF_JWT.issuer(), List.of("someone-else")), clock);
    String soonExpired = issuer.issue("kari", "demo", List.of("editor"));
    clock.advance(Duration.ofHours(13));

    HttpResponse<String> missing = get("/admin/v1/contacts/c-1");
    HttpResponse<String> garbage = getWithToken("/admin/v1/contacts/c-1", "garbage");
    HttpResponse<String> expired = getWithToken("/admin/v1/contacts/c-1", soonExpired);
    HttpResponse<String> otherAudience = getWithToken("/admin/v1/contacts/c-1",
        wrongAudience.issue("kari", "demo", List.of("editor")));

    for (HttpResponse<String> response : List.of(missing, garbage, expired, otherAudience)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
      assertThat(response.headers().firstValue("www-authenticate")).hasValueSatisfying(
          value -> assertThat(value).startsWith("Bearer ").doesNotContain("eyJ"));
    }
    assertThat(expired.headers().firstValue("www-authenticate").orElseThrow()).contains("the token has expired");
    assertThat(echo.events()).isEmpty();
  }

  @Test
  void passesTheClaimsOfAGoodTokenToTheFunction() throws Exception {
    gateway.addRoute(HttpRoute.forKey("GET /admin/v1/contacts/{id}", echo).withAuthorizer(staffJwt)).start();

    HttpResponse<String> response = getWithToken("/admin/v1/contacts/c-1",
        issuer.issue("kari", "demo", List.of("editor", "admin")));

    assertThat(response.statusCode()).isEqualTo(200);
    APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = lastEvent().getRequestContext().getAuthorizer().getJwt();
    assertThat(jwt.getClaims())
        .containsEntry("tenant", "demo")
        .containsEntry("roles", "[editor admin]")
        .containsEntry("sub", "kari")
        .containsEntry("iss", STAFF_JWT.issuer())
        .containsKeys("exp", "iat", "aud", "jti");
    assertThat(jwt.getScopes()).isNull();
    assertThat(lastEvent().getHeaders()).containsKey("authorization");
  }

  @Test
  void answers500WhenTheFunctionFailsOrGivesNoUsableResponse() throws Exception {
    gateway.addRoute(HttpRoute.forKey("GET /boom", new FakeFunction("boom", (event, context) -> {
      throw new IllegalStateException("kaboom");
    })));
    gateway.addRoute(HttpRoute.forKey("GET /null", new FakeFunction("null", (event, context) -> null)));
    gateway.addRoute(HttpRoute.forKey("GET /no-status", new FakeFunction("no-status",
        (event, context) -> new APIGatewayV2HTTPResponse())));
    gateway.start();

    for (String path : List.of("/boom", "/null", "/no-status")) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(500);
      assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }
  }

  @Test
  void mapsTheResponseBack() throws Exception {
    byte[] pdf = {'%', 'P', 'D', 'F', 0, (byte) 0xc3};
    gateway.addRoute(HttpRoute.forKey("GET /letter", new FakeFunction("letter", (event, context) -> {
      APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
      response.setStatusCode(201);
      response.setHeaders(Map.of("Content-Type", "application/pdf", "X-Letter", "L-1"));
      response.setMultiValueHeaders(Map.of("X-Step", List.of("wait", "send")));
      response.setCookies(List.of("session=s2; Path=/; HttpOnly", "theme=light"));
      response.setBody(Base64.getEncoder().encodeToString(pdf));
      response.setIsBase64Encoded(true);
      return response;
    })));
    gateway.addRoute(HttpRoute.forKey("GET /simple", new FakeFunction("simple",
        (event, context) -> Map.of("ok", true))));
    gateway.addRoute(HttpRoute.forKey("GET /map", new FakeFunction("map",
        (event, context) -> Map.of("statusCode", 202, "body", "queued", "headers", Map.of("X-Queue", "q")))));
    gateway.start();

    HttpResponse<byte[]> letter = http.send(request("/letter").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<String> simple = get("/simple");
    HttpResponse<String> map = get("/map");

    assertThat(letter.statusCode()).isEqualTo(201);
    assertThat(letter.body()).isEqualTo(pdf);
    assertThat(letter.headers().firstValue("content-type")).hasValue("application/pdf");
    assertThat(letter.headers().firstValue("x-letter")).hasValue("L-1");
    assertThat(letter.headers().allValues("x-step")).as("format 2.0 has no multiValueHeaders: HTTP API drops them").isEmpty();
    assertThat(letter.headers().allValues("set-cookie")).containsExactly("session=s2; Path=/; HttpOnly", "theme=light");
    assertThat(simple.statusCode()).isEqualTo(200);
    assertThat(simple.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(JSON.readTree(simple.body()).get("ok").asBoolean()).isTrue();
    assertThat(map.statusCode()).isEqualTo(202);
    assertThat(map.body()).isEqualTo("queued");
    assertThat(map.headers().firstValue("x-queue")).hasValue("q");
  }

  @Test
  void refusesBodiesAboveTenMegabytes() throws Exception {
    gateway.addRoute(HttpRoute.forKey("POST /imports", echo)).start();

    HttpResponse<String> response = send(request("/imports").header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[LocalHttpGateway.MAX_BODY_BYTES + 1])).build());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(echo.events()).isEmpty();
  }

  @Test
  void functionsThatCallBackIntoTheGatewayWhileEveryThreadIsBusyAreStillServed() throws Exception {
    // As the landing function puts events at /aws/events on this gateway while holding a request thread.
    gateway = LocalHttpGateway.builder().port(0).threads(2).build();
    gateway.mount("/aws/events", exchange -> {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    FakeFunction callsBack = new FakeFunction("dialog-callback-local", (event, context) -> {
      HttpResponse<String> inner = http.send(request("/aws/events").POST(HttpRequest.BodyPublishers.noBody())
          .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
      APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
      response.setStatusCode(inner.statusCode());
      response.setBody("");
      return response;
    });
    gateway.addRoute(HttpRoute.forKey("POST /p/{token}", callsBack)).start();

    List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> posts = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      posts.add(http.sendAsync(request("/p/t" + i).POST(HttpRequest.BodyPublishers.noBody())
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    for (var post : posts) {
      assertThat(post.get().statusCode()).isEqualTo(200);
    }
  }

  @Test
  void servesMountedHandlersByLongestPrefix() throws Exception {
    gateway.mount("/local/", exchange -> {
      byte[] body = "console".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    });
    gateway.mount("/local/token", new DevTokenEndpoint(issuer));
    gateway.addRoute(HttpRoute.forKey("ANY /{proxy+}", echo)).start();

    HttpResponse<String> token = get("/local/token?tenant=demo&roles=editor,admin");
    HttpResponse<String> console = get("/local/");
    HttpResponse<String> notTheTokenEndpoint = get("/local/tokens");

    assertThat(token.statusCode()).isEqualTo(200);
    assertThat(token.headers().firstValue("content-type")).hasValue("application/json");
    String jwt = JSON.readTree(token.body()).get("token").asText();
    assertThat(staffJwt.authorize(Map.of("authorization", "Bearer " + jwt)))
        .isInstanceOfSatisfying(AuthorizationResult.Allowed.class, allowed -> assertThat(allowed.claims())
            .containsEntry("tenant", "demo")
            .containsEntry("roles", "[editor admin]")
            .containsEntry("sub", DevTokenEndpoint.DEFAULT_SUBJECT));
    assertThat(console.body()).isEqualTo("console");
    assertThat(notTheTokenEndpoint.body()).isEqualTo("console");
    assertThat(echo.events()).isEmpty();
  }

  @Test
  void theTokenEndpointExplainsBadInput() throws Exception {
    gateway.mount("/local/token", new DevTokenEndpoint(issuer)).start();

    HttpResponse<String> missing = get("/local/token");
    HttpResponse<String> badTenant = get("/local/token?tenant=Demo!");
    HttpResponse<String> badRole = get("/local/token?tenant=demo&roles=Super%20User");
    HttpResponse<String> post = send(request("/local/token?tenant=demo").POST(HttpRequest.BodyPublishers.noBody()).build());

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(message(missing)).contains("tenant is required");
    assertThat(badTenant.statusCode()).isEqualTo(400);
    assertThat(message(badTenant)).contains("[a-z0-9-]{2,32}");
    assertThat(badRole.statusCode()).isEqualTo(400);
    assertThat(message(badRole)).contains("role");
    assertThat(post.statusCode()).isEqualTo(405);
  }

  @Test
  void servesRequestsInParallel() throws Exception {
    int parallel = 8;
    CountDownLatch allArrived = new CountDownLatch(parallel);
    gateway.addRoute(HttpRoute.forKey("GET /slow", new FakeFunction("slow", (event, context) -> {
      allArrived.countDown();
      // Only returns 200 if every request is inside a function at the same time.
      boolean together = allArrived.await(20, TimeUnit.SECONDS);
      APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
      response.setStatusCode(together ? 200 : 503);
      return response;
    }))).start();

    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < parallel; i++) {
      responses.add(http.sendAsync(request("/slow").GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    for (CompletableFuture<HttpResponse<String>> response : responses) {
      assertThat(response.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(gateway.baseUri() + pathAndQuery)).timeout(Duration.ofSeconds(30));
  }

  private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return send(request(pathAndQuery).GET().build());
  }

  private HttpResponse<String> getWithToken(String path, String token) throws IOException, InterruptedException {
    return send(request(path).header("Authorization", "Bearer " + token).GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private List<APIGatewayV2HTTPEvent> events() {
    return echo.events().stream().map(APIGatewayV2HTTPEvent.class::cast).toList();
  }

  private APIGatewayV2HTTPEvent lastEvent() {
    List<APIGatewayV2HTTPEvent> events = events();
    assertThat(events).isNotEmpty();
    return events.get(events.size() - 1);
  }

  private static String message(HttpResponse<String> response) throws IOException {
    JsonNode json = JSON.readTree(response.body());
    return json.get("message").asText();
  }
}
