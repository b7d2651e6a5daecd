package dev.tunelab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.store.JobStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A real server on a free port over a store written with the store API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardServerTest {

  @TempDir static Path home;
  private DashboardServer server;
  private List<String> jobs;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws IOException {
    try (JobStore store = JobStore.openSqlite(home)) {
      jobs = Stores.syntheticJob(store, "served", "Bayesian", 14);
    }
    server = new DashboardServer(home, null, 0, Assets.fromClassPath("dev/tunelab/web/testpage/"));
    server.start();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(server.url()).resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode json(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertEquals(200, r.statusCode(), r::body);
    assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("no-store", r.headers().firstValue("Cache-Control").orElseThrow());
    return Json.mapper().readTree(r.body());
  }

  /** Sends a request line as given (no client normalises it) and returns the whole response. */
  private String raw(String method, String target, String host) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write((method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
          + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      in.transferTo(buffer);
      return buffer.toString(StandardCharsets.UTF_8);
    }
  }

  private String raw(String method, String target) throws IOException {
    return raw(method, target, "127.0.0.1:" + server.port());
  }

  private static int status(String response) {
    return Integer.parseInt(response.substring(9, 12));
  }

  @Test
  void everyEndpointAnswersItsDocument() throws Exception {
    JsonNode list = json("/api/tuning-jobs");
    List<String> names = new java.util.ArrayList<>();
    list.get("TuningJobs").forEach(j -> names.add(j.get("Name").asText()));
    assertTrue(names.contains("served"), names::toString);
    JsonNode tuning = json("/api/tuning-jobs/served");
    assertEquals(14, tuning.get("TrainingJobs").size());
    assertTrue(tuning.get("Importance").isObject());
    JsonNode training = json("/api/training-jobs/" + jobs.get(0));
    assertEquals(3, training.get("BestIteration").asInt());
    JsonNode logs = json("/api/training-jobs/" + jobs.get(0) + "/logs?after=1&limit=5");
    assertEquals(1, logs.get("Lines").size());
    assertEquals(2, logs.get("Next").asInt());
    assertEquals(0, json("/api/transform-runs").get("TransformRuns").size());
  }

  @Test
  void unknownJobsAndBadParametersAreJsonErrors() throws Exception {
    HttpResponse<String> missing = get("/api/tuning-jobs/nope");
    assertEquals(404, missing.statusCode());
    JsonNode e = Json.mapper().readTree(missing.body());
    assertEquals(404, e.get("Status").asInt());
    assertTrue(e.get("Error").asText().contains("nope"));
    assertEquals(404, get("/api/training-jobs/nope").statusCode());
    assertEquals(404, get("/api/nothing-here").statusCode());
    HttpResponse<String> bad = get("/api/training-jobs/" + jobs.get(0) + "/logs?limit=999999");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("limit"), bad.body());
    assertEquals(400, get("/api/training-jobs/" + jobs.get(0) + "/logs?after=x").statusCode());
  }

  @Test
  void servesThePageItsFilesAndEchartsWithTheSecurityHeaders() throws Exception {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("assets/app.js"));
    assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'")
        && csp.contains("frame-ancestors 'none'"), csp);
    assertFalse(csp.contains("unsafe-eval") || csp.contains("script-src 'self' 'unsafe-inline'"), csp);
    assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElseThrow());
    HttpResponse<String> echarts = get("/assets/echarts.min.js");
    assertEquals(200, echarts.statusCode());
    assertTrue(echarts.body().length() > 500_000, "the whole library");
    assertEquals("text/javascript; charset=utf-8", echarts.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(200, get("/assets/app.css").statusCode());
    assertEquals(csp, get("/api/tuning-jobs").headers().firstValue("Content-Security-Policy").orElseThrow());
    assertEquals(csp, get("/nothing").headers().firstValue("Content-Security-Policy").orElseThrow());
  }

  @Test
  void aCachedAssetIsRevalidatedWithItsEtagInsteadOfSentAgain() throws Exception {
    HttpResponse<String> first = get("/assets/echarts.min.js");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertEquals("no-cache", first.headers().firstValue("Cache-Control").orElseThrow());
    HttpResponse<String> again = client.send(HttpRequest.newBuilder(URI.create(server.url()).resolve("/assets/echarts.min.js"))
        .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(304, again.statusCode());
    assertEquals("", again.body());
    HttpResponse<String> stale = client.send(HttpRequest.newBuilder(URI.create(server.url()).resolve("/assets/echarts.min.js"))
        .header("If-None-Match", "\"an-older-copy\"").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, stale.statusCode());
    assertEquals(first.body(), stale.body());
    assertNotEquals(etag, get("/assets/app.js").headers().firstValue("ETag").orElseThrow(), "one tag per content");
    assertTrue(get("/api/tuning-jobs").headers().firstValue("ETag").isEmpty(), "API answers are never cached");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/../../../../../../etc/passwd",
      "/assets/../../../../../../etc/passwd",
      "/assets/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
      "/assets/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
      "/assets/..%2f..%2f..%2f..%2fetc%2fpasswd",
      "/assets/%252e%252e/%252e%252e/etc/passwd",
      "/assets/%252e%252e%252f%252e%252e%252fetc%252fpasswd",
      "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
      "/assets/..\\..\\..\\etc\\passwd",
      "/assets/app.js/../../../../etc/passwd",
      "/assets//etc/passwd",
      "//etc/passwd",
      "/assets/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
      "/assets/echarts.min.js%00.html",
      "/assets/./app.js",
      "/assets/dev/tunelab/web/DashboardServer.class",
      "/assets/META-INF/MANIFEST.MF",
      "/assets/../../pom.xml",
      "/index.html/../../../etc/passwd",
      "/api/../../../etc/passwd",
      "/api/training-jobs/..%2f..%2f..%2fetc%2fpasswd/logs",
      "/api/tuning-jobs/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
      "/file:///etc/passwd",
  })
  void traversalNeverReachesAFileOutsideTheFixedSet(String target) throws IOException {
    String response = raw("GET", target);
    assertFalse(response.contains("root:"), target + " -> " + response);
    int status = status(response);
    assertTrue(status == 404 || status == 400, target + " -> " + status);
  }

  @Test
  void writingMethodsAre405AndChangeNothing() throws Exception {
    String before = json("/api/tuning-jobs/served").toString();
    long size = Files.size(home.resolve("tunelab.db"));
    for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"}) {
      for (String target : new String[] {"/api/tuning-jobs/served", "/api/training-jobs/" + jobs.get(0),
          "/", "/assets/app.js"}) {
        String response = raw(method, target);
        assertEquals(405, status(response), method + " " + target + " -> " + response);
        assertTrue(response.toLowerCase(java.util.Locale.ROOT).contains("allow: get, head"), response);
      }
    }
    HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(server.url() + "api/tuning-jobs/served"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"Status\":\"Stopping\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(405, post.statusCode());
    assertEquals(before, json("/api/tuning-jobs/served").toString(), "nothing changed");
    assertEquals(size, Files.size(home.resolve("tunelab.db")));
  }

  @Test
  void headAnswersHeadersWithoutBody() throws IOException {
    String response = raw("HEAD", "/api/tuning-jobs");
    assertEquals(200, status(response));
    assertTrue(response.toLowerCase(java.util.Locale.ROOT).contains("content-security-policy:"), response);
    int end = response.indexOf("\r\n\r\n");
    assertTrue(end > 0, response.replace("\r", "<CR>").replace("\n", "<LF>"));
    assertEquals("", response.substring(end + 4), "no body");
  }

  @Test
  void htmlInValuesAndLogsComesBackAsJsonStrings() throws Exception {
    JsonNode tuning = json("/api/tuning-jobs/served");
    assertEquals(Stores.HOSTILE, tuning.get("TrainingJobs").get(1).get("TunedHyperParameters").get("booster").asText());
    JsonNode logs = json("/api/training-jobs/" + jobs.get(0) + "/logs");
    assertEquals(Stores.HOSTILE_LOG, logs.get("Lines").get(1).get("Text").asText());
    // as data in a JSON document, never as a page: the type is JSON and sniffing is off
    HttpResponse<String> r = get("/api/training-jobs/" + jobs.get(0) + "/logs");
    assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
  }

  @Test
  void bindsLoopbackByDefaultAndRefusesForeignHostHeaders() throws Exception {
    InetSocketAddress bound = server.address();
    assertTrue(bound.getAddress().isLoopbackAddress(), bound.toString());
    assertEquals("127.0.0.1", bound.getAddress().getHostAddress());
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress a : Collections.list(nic.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          assertThrows(IOException.class, () -> new Socket(a, server.port()).close(),
              "not reachable on " + a);
        }
      }
    }
    assertEquals(403, status(raw("GET", "/api/tuning-jobs", "evil.example:" + server.port())));
    assertEquals(403, status(raw("GET", "/", "127.0.0.1.evil.example")));
    assertEquals(200, status(raw("GET", "/api/tuning-jobs", "localhost:" + server.port())));
  }

  @Test
  void seesJobsAnotherConnectionWritesAfterItStarted() throws Exception {
    try (JobStore writer = JobStore.openSqlite(home)) {
      Stores.syntheticJob(writer, "later", "Random", 2);
    }
    assertEquals(2, json("/api/tuning-jobs/later").get("TrainingJobs").size());
  }

  @Test
  void refusesAHomeWithoutAStoreAndCreatesNothing(@TempDir Path empty) {
    Path missing = empty.resolve("not-a-home");
    SpecException e = assertThrows(SpecException.class, () -> new DashboardServer(missing, null, 0));
    assertEquals("--home", e.field());
    assertFalse(Files.exists(missing));
  }

  @Test
  void aTakenPortIsABindException() throws IOException {
    try (DashboardServer second = new DashboardServer(home, "127.0.0.1", server.port(),
        Assets.fromClassPath("dev/tunelab/web/testpage/"))) {
      assertThrows(java.net.BindException.class, second::start);
    }
  }
}
