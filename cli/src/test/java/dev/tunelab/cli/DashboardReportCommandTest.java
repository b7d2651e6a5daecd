package dev.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.NewTuningJob;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tunelab dashboard} and {@code tunelab report}: their bad input, and a report written. */
class DashboardReportCommandTest {

  @TempDir Path dir;

  @Test
  void bothRefuseAHomeWithoutAStoreAndCreateNothing() {
    Path missing = dir.resolve("typo");
    CliTestSupport.Run dashboard = CliTestSupport.run(missing, "dashboard", "--port", "0");
    assertEquals(2, dashboard.exitCode(), dashboard::all);
    assertTrue(dashboard.err().contains("--home") && dashboard.err().contains("tunelab.db"), dashboard::err);
    CliTestSupport.Run report = CliTestSupport.run(missing, "report", "x", "--out", dir.resolve("r.html").toString());
    assertEquals(2, report.exitCode(), report::all);
    assertTrue(report.err().contains("--home"), report::err);
    assertFalse(Files.exists(missing));
    assertFalse(Files.exists(dir.resolve("r.html")));
  }

  @Test
  void aPortInUseIsBadInputNamingPort() throws Exception {
    Path home = dir.resolve("home");
    JobStore.openSqlite(home).close();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliTestSupport.Run r = CliTestSupport.run(home, "dashboard", "--port",
          Integer.toString(taken.getLocalPort()));
      assertEquals(2, r.exitCode(), r::all);
      assertTrue(r.err().contains("--port"), r::err);
    }
  }

  @Test
  void warnsOnlyWhenTheHostIsNotLoopback() {
    Path home = Path.of("/h");
    for (String loopback : new String[] {"127.0.0.1", "localhost", "::1", "127.0.0.2"}) {
      assertEquals(null, DashboardCommand.warning(loopback, 8080, home), loopback);
    }
    String w = DashboardCommand.warning("0.0.0.0", 8080, home);
    assertTrue(w.contains("--host 0.0.0.0") && w.contains("8080") && w.contains("/h"), w);
  }

  @Test
  void reportOfAnUnknownJobIsBadInputAndWritesNothing() {
    Path home = dir.resolve("home");
    JobStore.openSqlite(home).close();
    Path out = dir.resolve("report.html");
    CliTestSupport.Run r = CliTestSupport.run(home, "report", "nope", "--out", out.toString());
    assertEquals(2, r.exitCode(), r::all);
    assertTrue(r.err().contains("TUNING_JOB") && r.err().contains("nope"), r::err);
    assertFalse(Files.exists(out));
  }

  @Test
  void dashboardServesTheStoreOnLoopbackUntilItIsStopped() throws Exception {
    Path home = dir.resolve("home");
    String spec = Files.readString(CliTestSupport.repoRoot().resolve("examples/boston-xgboost-hpo.json"));
    try (JobStore store = JobStore.openSqlite(home)) {
      store.createTuningJob(new NewTuningJob("served-<b>x</b>", spec, Instant.parse("2026-12-02T10:00:00Z")));
    }
    Path log = dir.resolve("dashboard.log");
    Process p = TuneTestSupport.startCliProcess(log, "dashboard", "--home", home.toString(), "--port", "0");
    try {
      Matcher url = null;
      for (int i = 0; i < 300 && (url == null || !url.find(0)); i++) {
        Thread.sleep(100);
        url = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(TuneTestSupport.read(log));
        assertTrue(p.isAlive(), () -> "dashboard exited: " + TuneTestSupport.read(log));
      }
      assertTrue(url.find(0), () -> "no URL printed: " + TuneTestSupport.read(log));
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(url.group())).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("assets/app.js"), page::body);
      HttpResponse<String> jobs = client.send(HttpRequest.newBuilder(URI.create(url.group() + "api/tuning-jobs")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertTrue(jobs.body().contains("served-\\u003cb\\u003ex\\u003c/b\\u003e")
          || jobs.body().contains("served-<b>x</b>"), jobs::body);
      assertFalse(TuneTestSupport.read(log).contains("warning"), "no warning on loopback");
    } finally {
      p.destroy();
      assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the dashboard stops on SIGTERM");
    }
  }

  @Test
  void reportWritesOneSelfContainedFile() throws Exception {
    Path home = dir.resolve("home");
    String spec = Files.readString(CliTestSupport.repoRoot().resolve("examples/boston-xgboost-hpo.json"));
    try (JobStore store = JobStore.openSqlite(home)) {
      store.createTuningJob(new NewTuningJob("boston-xgboost-hpo", spec, Instant.parse("2026-12-02T10:00:00Z")));
    }
    Path out = dir.resolve("sub/report.html");
    CliTestSupport.Run r = CliTestSupport.run(home, "report", "boston-xgboost-hpo", "--out", out.toString());
    assertEquals(0, r.exitCode(), r::all);
    String html = Files.readString(out);
    assertTrue(html.contains("<script id=\"tunelab-data\" type=\"application/json\">"));
    assertFalse(html.contains("<script src="));
    assertTrue(r.out().contains("Wrote " + out.toAbsolutePath()), r::out);
  }
}
