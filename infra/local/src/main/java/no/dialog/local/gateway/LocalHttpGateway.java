package no.dialog.local.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local API Gateway: an HTTP API (payload format 2.0) in this JVM, on the JDK's HTTP server.
 *
 * <p>Each request is matched to an {@link HttpRoute} by HTTP API's precedence rules, checked by the
 * route's {@link JwtAuthorizer}, turned into an {@code APIGatewayV2HTTPEvent} and handed to the
 * route's function; the function's response is written back. API Gateway's answers where that fails:
 * 404 {@code {"message":"Not Found"}} without a route, 401/403 from the authorizer, 500
 * {@code {"message":"Internal Server Error"}} when the function throws, 413 for a body above 10 MB.
 *
 * <p>Plain handlers can be mounted under a path prefix ({@link #mount}); they take precedence over
 * routes and see the raw {@link HttpExchange} (the console, the dev token endpoint, ...).
 *
 * <pre>{@code
 * LocalHttpGateway gateway = LocalHttpGateway.builder().port(3000).build()
 *     .addRoute(HttpRoute.forKey("GET /p/{token}", landing))
 *     .addRoute(HttpRoute.forKey("GET /admin/v1/contacts/{id}", adminApi).withAuthorizer(staffJwt))
 *     .mount("/local/token", new DevTokenEndpoint(issuer))
 *     .start();
 * URI base = gateway.baseUri(); // http://localhost:3000
 * }</pre>
 *
 * <p>Prints nothing by itself. It logs refused requests at DEBUG and failing functions at ERROR, by
 * route key only (never the raw path, query, headers, tokens or body). Not emulated: the 30 s
 * integration timeout (a slow function simply holds its request), CORS, stages other than
 * {@code $default}, and Lambda authorizers.
 */
public final class LocalHttpGateway implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalHttpGateway.class);

  static {
    // The JDK server writes the response headers and the body in two writes; with Nagle's algorithm on,
    // the second waits for the client's delayed ACK (~40 ms), capping a keep-alive connection at about
    // 25 requests per second. The server reads this setting once, when its first instance is created.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** HTTP API's payload limit. */
  public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  private final String host;
  private final int requestedPort;
  private final int threads;
  private final RouteTable routes = new RouteTable();
  private final List<Mount> mounts = new CopyOnWriteArrayList<>();
  private final Map<String, RouteInterceptor> interceptors = new java.util.concurrent.ConcurrentHashMap<>();
  private final HttpApiRequestHandler apiHandler;

  private HttpServer server;
  private ExecutorService executor;

  private LocalHttpGateway(Builder builder) {
    this.host = builder.host;
    this.requestedPort = builder.port;
    this.threads = builder.threads;
    this.apiHandler = new HttpApiRequestHandler(routes, new HttpApiEventFactory(builder.clock));
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Adds a route; allowed before and after {@link #start()}.
   *
   * @throws IllegalArgumentException for a second route with the same route key
   */
  public LocalHttpGateway addRoute(HttpRoute route) {
    routes.add(Objects.requireNonNull(route, "route"));
    return this;
  }

  /**
   * Serves every request whose path is {@code prefix} or lies below it with this handler, ahead of
   * the routes. The longest matching prefix wins, so {@code /local/token} can sit beside
   * {@code /local/}. The handler must send a response; the gateway closes the exchange after it.
   */
  public LocalHttpGateway mount(String prefix, HttpHandler handler) {
    mounts.add(new Mount(prefix, Objects.requireNonNull(handler, "handler")));
    mounts.sort(Comparator.comparingInt((Mount mount) -> mount.base().length()).reversed());
    return this;
  }

  /**
   * Puts an interceptor in front of whatever answers the exact path {@code path} (route or 404): it sees
   * each request to the path and decides whether the route is invoked. Mounts still come first.
   */
  public LocalHttpGateway intercept(String path, RouteInterceptor interceptor) {
    interceptors.put(Objects.requireNonNull(path, "path"), Objects.requireNonNull(interceptor, "interceptor"));
    return this;
  }

  /**
   * Starts listening.
   *
   * @throws UncheckedIOException when the port cannot be bound, e.g. another local stack runs
   */
  public synchronized LocalHttpGateway start() {
    if (server != null) {
      throw new IllegalStateException("The gateway is already started");
    }
    InetSocketAddress address = new InetSocketAddress(host, requestedPort);
    try {
      server = HttpServer.create(address, 1024);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not listen on " + host + ":" + requestedPort
          + " (is another local stack or program using that port?)", e);
    }
    // Functions call back into this gateway (PutEvents at /aws/events) while they hold a request thread:
    // with a fixed pool, as many callers as threads would wait for each other until they time out. So the
    // pool keeps `threads` threads and grows under such bursts, up to eight times that.
    executor = new ThreadPoolExecutor(threads, threads * 8, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
        new NamedDaemonThreads("gateway-"), new ThreadPoolExecutor.CallerRunsPolicy());
    server.setExecutor(executor);
    server.createContext("/", this::dispatch);
    server.start();
    LOG.debug("Gateway listening on {}", baseUri());
    return this;
  }

  /** The port it listens on (the real one when built with port 0). */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("The gateway is not started");
    }
    return server.getAddress().getPort();
  }

  /** {@code http://<host>:<port>}, with {@code localhost} for a loopback or wildcard host. */
  public URI baseUri() {
    String visibleHost = host.equals("127.0.0.1") || host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
    return URI.create("http://" + visibleHost + ":" + port());
  }

  /** Stops at once; requests in flight are cut off. */
  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    server.stop(0);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void dispatch(HttpExchange exchange) {
    try {
      String rawPath = exchange.getRequestURI().getRawPath();
      for (Mount mount : mounts) {
        if (mount.covers(rawPath)) {
          mount.handler().handle(exchange);
          return;
        }
      }
      serveApiRequest(exchange);
    } catch (Throwable failure) {
      if (failure instanceof VirtualMachineError fatal && !(failure instanceof StackOverflowError)) {
        throw fatal;
      }
      LOG.error("Request handling failed", failure);
      sendIfNothingSent(exchange, GatewayResponse.internalServerError());
    } finally {
      exchange.close();
    }
  }

  private void serveApiRequest(HttpExchange exchange) throws IOException {
    String requestId = HttpApiEventFactory.newRequestId();
    byte[] body = readBody(exchange);
    GatewayResponse response;
    if (body == null) {
      response = GatewayResponse.payloadTooLarge();
    } else {
      IncomingRequest request = new IncomingRequest(
          exchange.getRequestMethod().toUpperCase(Locale.ROOT),
          exchange.getRequestURI(),
          exchange.getProtocol(),
          exchange.getRequestHeaders(),
          body,
          exchange.getRemoteAddress().getAddress().getHostAddress(),
          exchange.getLocalAddress().getPort());
      RouteInterceptor interceptor = interceptors.get(exchange.getRequestURI().getRawPath());
      response = interceptor == null ? apiHandler.handle(request, requestId)
          : interceptor.intercept(request.method(), () -> apiHandler.handle(request, requestId));
    }
    exchange.getResponseHeaders().add("apigw-requestid", requestId);
    send(exchange, response);
  }

  /**
   * The body, or null when it is larger than HTTP API accepts. An oversized body is still read (up to
   * a bound) and dropped: a client that is cut off mid-upload sees a reset connection instead of the 413.
   */
  private static byte[] readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      if (declaredLength(exchange) > MAX_BODY_BYTES) {
        discard(in);
        return null;
      }
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        discard(in);
        return null;
      }
      return body;
    }
  }

  private static long declaredLength(HttpExchange exchange) {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    try {
      return declared == null ? -1 : Long.parseLong(declared.trim());
    } catch (NumberFormatException e) {
      return -1; // chunked or odd: read and measure instead
    }
  }

  private static void discard(InputStream in) throws IOException {
    long limit = 4L * MAX_BODY_BYTES;
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int read;
    while (total < limit && (read = in.read(buffer)) >= 0) {
      total += read;
    }
  }

  private static void send(HttpExchange exchange, GatewayResponse response) throws IOException {
    for (Map.Entry<String, String> header : response.headers()) {
      exchange.getResponseHeaders().add(header.getKey(), header.getValue());
    }
    boolean noBody = response.body().length == 0
        || exchange.getRequestMethod().equalsIgnoreCase("HEAD")
        || response.status() == 204 || response.status() == 304;
    exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body());
      }
    }
  }

  private static void sendIfNothingSent(HttpExchange exchange, GatewayResponse response) {
    if (exchange.getResponseCode() != -1) {
      return; // headers already went out; closing the exchange is all that is left
    }
    try {
      send(exchange, response);
    } catch (IOException | RuntimeException e) {
      LOG.debug("Could not send the error response", e);
    }
  }

  /** A mounted handler: {@code base} is the prefix without a trailing slash. */
  private record Mount(String base, HttpHandler handler) {
    Mount {
      Objects.requireNonNull(base, "prefix");
      if (!base.startsWith("/")) {
        throw new IllegalArgumentException("A mount prefix must start with '/': " + base);
      }
      while (base.length() > 1 && base.endsWith("/")) {
        base = base.substring(0, base.length() - 1);
      }
    }

    boolean covers(String path) {
      return base.equals("/") || path.equals(base) || path.startsWith(base + "/");
    }
  }

  /** Gateway settings; defaults suit the local stack (loopback, port 3000, 32 threads). */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 3000;
    private int threads = 32;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The interface to bind; loopback by default, so the local stack is not reachable from the network. */
    public Builder host(String bindHost) {
      this.host = Objects.requireNonNull(bindHost, "host");
      return this;
    }

    /** The port; 0 picks a free one (tests). */
    public Builder port(int listenPort) {
      if (listenPort < 0 || listenPort > 65535) {
        throw new IllegalArgumentException("Port must be between 0 and 65535, was " + listenPort);
      }
      this.port = listenPort;
      return this;
    }

    /**
     * Threads kept for requests; each holds one while its function runs. Bursts (a function calling back
     * into the gateway while all are busy) get up to eight times as many.
     */
    public Builder threads(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("Threads must be at least 1, was " + count);
      }
      this.threads = count;
      return this;
    }

    /** The clock for {@code requestContext.time}; the local stack may pass its advanceable clock. */
    public Builder clock(Clock requestClock) {
      this.clock = Objects.requireNonNull(requestClock, "clock");
      return this;
    }

    /** A gateway with these settings, not yet listening: add routes and mounts, then {@link #start()}. */
    public LocalHttpGateway build() {
      return new LocalHttpGateway(this);
    }
  }

  private static final class NamedDaemonThreads implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger next = new AtomicInteger(1);

    NamedDaemonThreads(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, prefix + next.getAndIncrement());
      thread.setDaemon(true);
      return thread;
    }
  }
}
