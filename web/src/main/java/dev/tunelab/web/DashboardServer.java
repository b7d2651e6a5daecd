package dev.tunelab.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.NoSuchJobException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tunelab dashboard}: a read-only HTTP server (the JDK's {@code com.sun.net.httpserver})
 * for one TuneLab home. It serves the JSON API of {@code docs/dashboard-api.md} from one read
 * connection to the store (SQLite in WAL mode, so it sees what a running tuning job in another
 * process commits) and a fixed set of static files ({@link Assets}).
 *
 * <p>Security: it binds 127.0.0.1 unless told otherwise; it answers GET and HEAD only (405
 * otherwise) and no route writes; static files are looked up by exact name in a fixed set, never
 * by building a path from the URL; every response carries a Content-Security-Policy that allows
 * only its own scripts; when bound to loopback it also refuses requests whose {@code Host} is
 * not a loopback name (DNS rebinding).
 */
public final class DashboardServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);

  /** The Content-Security-Policy of every response. */
  public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self';"
      + " style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self';"
      + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  /** Threads answering requests. */
  static final int THREADS = 4;

  private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

  private final Path home;
  private final String host;
  private final int requestedPort;
  private final Assets assets;
  private final Map<String, String> etags = new ConcurrentHashMap<>();
  private HttpServer server;
  private ExecutorService pool;
  private JobStore store;
  private DashboardData data;
  /** Set once by {@link #start}; read by request threads without the lock. */
  private volatile boolean loopback;
  private volatile int boundPort;

  /** A server for the home's store with the bundled page. See {@link #DashboardServer(Path, String, int, Assets)}. */
  public DashboardServer(Path home, String host, int port) {
    this(home, host, port, Assets.bundled());
  }

  /**
   * @param home   the TuneLab home; its {@code tunelab.db} must exist (a dashboard never creates
   *               a store)
   * @param host   the address to bind, {@code null} for 127.0.0.1
   * @param port   the TCP port, 0 for any free one
   * @param assets the static files to serve
   * @throws SpecException naming {@code --home} when the home holds no store, {@code --port}
   *     when the port is out of range
   */
  public DashboardServer(Path home, String host, int port, Assets assets) {
    if (!Files.isRegularFile(home.resolve("tunelab.db"))) {
      throw new SpecException("--home", home.toString(), "a TuneLab home holding tunelab.db"
          + " (run a job first, or pass the home the jobs were run in with --home or TUNELAB_HOME)");
    }
    if (port < 0 || port > 65_535) {
      throw new SpecException("--port", port, "a TCP port from 0 to 65535 (0: any free port)");
    }
    this.home = home;
    this.host = host == null ? "127.0.0.1" : host;
    this.requestedPort = port;
    this.assets = assets;
  }

  /** Whether the host names a loopback address (then nothing else on the network can connect). */
  public static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * Opens the store and starts listening.
   *
   * @throws java.net.BindException when the port is in use or the address is not this machine's
   * @throws IOException when the server cannot start otherwise
   */
  public synchronized void start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("dashboard already started");
    }
    InetAddress address = InetAddress.getByName(host);
    loopback = address.isLoopbackAddress();
    HttpServer s = HttpServer.create(new InetSocketAddress(address, requestedPort), 50);
    store = JobStore.openSqliteReadOnly(home);
    data = new DashboardData(store);
    AtomicInteger n = new AtomicInteger();
    pool = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, "tunelab-dashboard-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    s.setExecutor(pool);
    s.createContext("/", this::handle);
    boundPort = s.getAddress().getPort();
    s.start();
    server = s;
    LOG.debug("dashboard on {}", url());
  }

  /** The port it listens on (the chosen one when started with 0). */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("dashboard not started");
    }
    return server.getAddress().getPort();
  }

  /** The address and port it is bound to. */
  public synchronized InetSocketAddress address() {
    if (server == null) {
      throw new IllegalStateException("dashboard not started");
    }
    return server.getAddress();
  }

  /** The address to open in a browser, e.g. {@code http://127.0.0.1:8080/}. */
  public String url() {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return "http://" + h + ":" + port() + "/";
  }

  /** Stops listening (requests in progress get a second), then closes the store. */
  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    server.stop(1);
    pool.shutdownNow();
    store.close();
    server = null;
  }

  // ---- requests --------------------------------------------------------------------------

  /** A response: status, media type, body. */
  private record Reply(int status, String contentType, byte[] body, boolean api, String etag) {
    Reply(int status, String contentType, byte[] body, boolean api) {
      this(status, contentType, body, api, null);
    }

    static Reply json(int status, ObjectNode doc) {
      return new Reply(status, "application/json; charset=utf-8",
          Json.write(doc).getBytes(StandardCharsets.UTF_8), true);
    }

    static Reply error(int status, String message) {
      ObjectNode o = Json.object();
      o.put("Error", message);
      o.put("Status", status);
      return json(status, o);
    }
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      String method = exchange.getRequestMethod();
      boolean head = "HEAD".equals(method);
      Reply reply;
      try {
        reply = route(exchange, method);
      } catch (NoSuchJobException e) {
        reply = Reply.error(404, e.getMessage());
      } catch (IllegalArgumentException e) {
        reply = Reply.error(400, e.getMessage());
      } catch (RuntimeException e) {
        LOG.warn("dashboard request {} failed", exchange.getRequestURI(), e);
        reply = Reply.error(500, "internal error: " + e);
      }
      send(exchange, reply, head);
    } catch (IOException e) {
      LOG.debug("dashboard client went away: {}", e.toString());
    }
  }

  private Reply route(HttpExchange exchange, String method) {
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      return Reply.error(405, "method " + method + " is not allowed: the dashboard is read-only"
          + " (GET and HEAD only)");
    }
    if (loopback && !loopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
      return Reply.error(403, "Host header must name this machine (127.0.0.1, localhost or"
          + " [::1]) for a dashboard bound to loopback");
    }
    URI uri = exchange.getRequestURI();
    String path = uri.getRawPath();
    if (path == null) {
      return Reply.error(404, "not found");
    }
    if (path.startsWith("/api/")) {
      return api(path, uri.getRawQuery());
    }
    return file(exchange, path);
  }

  private boolean loopbackHost(String hostHeader) {
    if (hostHeader == null) {
      return false;
    }
    String h = hostHeader.toLowerCase(Locale.ROOT);
    int colon = h.lastIndexOf(':');
    if (colon > h.lastIndexOf(']')) {
      if (!h.substring(colon + 1).equals(Integer.toString(boundPort))) {
        return false;
      }
      h = h.substring(0, colon);
    }
    return LOOPBACK_NAMES.contains(h);
  }

  /** {@code /} and {@code /assets/NAME} for NAME in the fixed set; nothing else. */
  private Reply file(HttpExchange exchange, String rawPath) {
    String name = null;
    if (rawPath.equals("/")) {
      name = "index.html";
    } else if (rawPath.startsWith("/assets/")) {
      String rest = rawPath.substring("/assets/".length());
      if (!rest.equals("index.html")) {
        name = rest;
      }
    }
    Assets.Asset asset = name == null ? null : assets.get(name).orElse(null);
    if (asset == null) {
      return new Reply(404, "text/plain; charset=utf-8",
          "not found\n".getBytes(StandardCharsets.UTF_8), false);
    }
    String etag = etags.computeIfAbsent(asset.name(), n -> asset.etag());
    String cached = exchange.getRequestHeaders().getFirst("If-None-Match");
    if (cached != null && cached.equals(etag)) {
      return new Reply(304, asset.contentType(), new byte[0], false, etag);
    }
    return new Reply(200, asset.contentType(), asset.bytes(), false, etag);
  }

  private Reply api(String rawPath, String rawQuery) {
    String[] parts = rawPath.substring("/api/".length()).split("/", -1);
    if (parts.length == 1 && parts[0].equals("tuning-jobs")) {
      return Reply.json(200, data.tuningJobs());
    }
    if (parts.length == 1 && parts[0].equals("transform-runs")) {
      return Reply.json(200, data.transformRuns());
    }
    if (parts.length == 2 && parts[0].equals("tuning-jobs")) {
      return Reply.json(200, data.tuningJob(name(parts[1])));
    }
    if (parts.length == 2 && parts[0].equals("training-jobs")) {
      return Reply.json(200, data.trainingJob(name(parts[1])));
    }
    if (parts.length == 3 && parts[0].equals("training-jobs") && parts[2].equals("logs")) {
      Query q = Query.parse(rawQuery);
      long after = q.longValue("after", 0);
      long limit = q.longValue("limit", DashboardData.DEFAULT_LOG_LIMIT);
      if (limit < 1 || limit > DashboardData.MAX_LOG_LIMIT) {
        throw new IllegalArgumentException("limit must be 1 to " + DashboardData.MAX_LOG_LIMIT
            + ", got " + limit);
      }
      return Reply.json(200, data.logs(name(parts[1]), after, (int) limit));
    }
    return Reply.error(404, "no such API endpoint; see docs/dashboard-api.md");
  }

  private static String name(String rawSegment) {
    String name = PercentDecoding.decode(rawSegment);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("job name is empty");
    }
    return name;
  }

  private static void send(HttpExchange exchange, Reply reply, boolean head) throws IOException {
    Headers h = exchange.getResponseHeaders();
    h.set("Content-Type", reply.contentType());
    h.set("Content-Security-Policy", CSP);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "no-referrer");
    h.set("X-Frame-Options", "DENY");
    h.set("Cache-Control", reply.api() ? "no-store" : "no-cache");
    if (reply.etag() != null) {
      h.set("ETag", reply.etag());
    }
    if (head || reply.status() == 304) {
      exchange.sendResponseHeaders(reply.status(), -1);
      return;
    }
    exchange.sendResponseHeaders(reply.status(), reply.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(reply.body());
    }
  }

  /** Query parameters by name (the last of a repeated one wins). */
  private record Query(java.util.Map<String, String> values) {
    static Query parse(String rawQuery) {
      java.util.Map<String, String> m = new java.util.HashMap<>();
      if (rawQuery != null && !rawQuery.isEmpty()) {
        for (String pair : rawQuery.split("&")) {
          int eq = pair.indexOf('=');
          String k = PercentDecoding.decode(eq < 0 ? pair : pair.substring(0, eq));
          String v = eq < 0 ? "" : PercentDecoding.decode(pair.substring(eq + 1));
          m.put(k, v);
        }
      }
      return new Query(m);
    }

    long longValue(String name, long fallback) {
      String v = values.get(name);
      if (v == null) {
        return fallback;
      }
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
      }
    }
  }
}
