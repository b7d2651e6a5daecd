package dev.tunelab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.LogLine;
import dev.tunelab.core.store.MetricPoint;
import dev.tunelab.core.store.NewTrainingJob;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobResult;
import dev.tunelab.core.store.TrainingJobStatus;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium, served by the real {@link DashboardServer} from a
 * store a real tuning job filled (the course spec, 6 jobs of built-in XGBoost on the Boston data)
 * and a tuning job whose values and log lines hold HTML: the pages draw every chart with as many
 * points as the API has data, the table has one row per training job, the console stays free of
 * errors, and the hostile text shows as text and runs nothing.
 *
 * <p>With {@code -Dtunelab.screenshot=docs/dashboard.png} it also writes a PNG of the tuning job page.
 */
@Tag("slow")
class DashboardBrowserTest {

  private static final String COURSE = "course-random";
  private static final int COURSE_JOBS = 6;

  @TempDir static Path home;
  private static DashboardServer server;
  private static Browser browser;
  private static int transformRuns;

  @BeforeAll
  static void startAll() throws IOException {
    Browser.assumeInstalled();
    TestStores.runCourseJob(home, COURSE, "Random", COURSE_JOBS);
    TestStores.writeHostileJob(home);
    transformRuns = TestStores.recordTransforms(home, COURSE);
    server = new DashboardServer(home, "127.0.0.1", 0);
    server.start();
    browser = Browser.start(false);
  }

  @AfterAll
  static void stopAll() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void freshConsole() {
    browser.severeConsole();   // drop what an earlier test left
  }

  private static String base() {
    return "http://127.0.0.1:" + server.port() + "/";
  }

  private static String enc(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static JsonNode api(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    return Json.mapper().readTree(r.body());
  }

  private static List<TrainingJobRecord> trainingJobsOf(String tuningJob) {
    try (JobStore store = JobStore.openSqlite(home)) {
      return store.trainingJobsOf(tuningJob);
    }
  }

  /** data-points of a chart, after checking that ECharts holds that many points and drew a canvas. */
  private static int points(String chart) {
    WebElement box = browser.one("[data-chart=\"" + chart + "\"]");
    assertEquals("true", box.getAttribute("data-rendered"), chart + " rendered");
    Number canvases = (Number) browser.script("return arguments[0].querySelectorAll('canvas').length;", box);
    assertTrue(canvases.intValue() >= 1, chart + " draws on a canvas");
    Number width = (Number) browser.script("return arguments[0].querySelector('canvas').width;", box);
    assertTrue(width.intValue() > 100, chart + " has a canvas of width " + width);
    Number held = (Number) browser.script("var o = echarts.getInstanceByDom(arguments[0]).getOption();"
        + " return o.series.reduce(function (n, s) { return s.name === 'Best so far' || s.name === 'predicted = actual'"
        + "   ? n : n + (s.data || []).length; }, 0);", box);
    int attr = Integer.parseInt(box.getAttribute("data-points"));
    assertEquals(held.intValue(), attr, chart + ": data-points matches the points ECharts holds");
    return attr;
  }

  private static void assertConsoleClean(String page) {
    assertEquals(List.of(), browser.severeConsole().stream().map(e -> e.getMessage()).toList(),
        "browser console errors on " + page);
  }

  @Test
  void theTuningJobsPageListsEveryTuningJob() {
    browser.openAndWait(base() + "#/");
    List<String> names = browser.all("table[data-table=tuning-jobs] tbody tr").stream()
        .map(tr -> tr.getAttribute("data-name")).toList();
    assertTrue(names.contains(COURSE) && names.contains(TestStores.HOSTILE), names.toString());
    assertConsoleClean("#/");
  }

  @Test
  void theTuningJobPageDrawsEveryChartWithOnePointPerScoredJob() throws Exception {
    JsonNode t = api("api/tuning-jobs/" + enc(COURSE));
    List<TrainingJobRecord> jobs = trainingJobsOf(COURSE);
    assertEquals(COURSE_JOBS, jobs.size(), "the real tuning job ran every training job");
    long scoredInStore = jobs.stream().filter(j -> j.objectiveValue() != null).count();
    int scored = 0;
    for (JsonNode j : t.get("TrainingJobs")) {
      scored += j.get("Objective").isNumber() ? 1 : 0;
    }
    assertEquals(scoredInStore, scored, "the API reports every stored objective");
    assertTrue(scored >= 5, "the course job scores its jobs: " + scored);

    browser.openAndWait(base() + "#/tuning/" + enc(COURSE));
    assertEquals(scored, points("history"));
    assertEquals(scored, points("parallel"));
    int ranges = t.get("Ranges").size();
    assertEquals(5, ranges);
    for (JsonNode r : t.get("Ranges")) {
      assertEquals(scored, points("scatter-" + r.get("Name").asText()), r.get("Name").asText());
    }
    if (t.get("Importance").isNull()) {
      assertTrue(browser.all("[data-chart=importance]").isEmpty());
      assertTrue(browser.one("[data-importance=none]").getText().contains("at least 11"));
    } else {
      assertEquals(t.get("Importance").get("Values").size(), points("importance"));
    }
    List<String> rows = browser.all("table[data-table=training-jobs] tbody tr").stream()
        .map(tr -> tr.getAttribute("data-name")).toList();
    assertEquals(jobs.stream().map(TrainingJobRecord::name).sorted().toList(), rows.stream().sorted().toList(),
        "one row per training job");
    String legend = (String) browser.script("return echarts.getInstanceByDom(document.querySelector("
        + "'[data-chart=history]')).getOption().series[0].name;");
    assertTrue(legend.startsWith("Initial random design (" + scored + ")"), legend);
    assertTrue(browser.one("section p.note").getText().contains("proposed at random"));
    assertConsoleClean("#/tuning/" + COURSE);

    String screenshot = System.getProperty("tunelab.screenshot");
    if (screenshot != null && !screenshot.isBlank()) {
      browser.screenshot(Path.of(screenshot));
    }
  }

  @Test
  void theTrainingJobPageDrawsItsCurvesWithTheBestIterationMarked() throws Exception {
    String best;
    try (JobStore store = JobStore.openSqlite(home)) {
      best = store.tuningJob(COURSE).orElseThrow().bestTrainingJob();
    }
    JsonNode job = api("api/training-jobs/" + enc(best));
    int expected = 0;
    List<String> metrics = new ArrayList<>();
    for (var m : job.get("Metrics").properties()) {
      metrics.add(m.getKey());
      expected += m.getValue().get("Values").size();
    }
    assertTrue(metrics.contains("validation:rmse") && metrics.contains("train:rmse"), metrics.toString());
    assertTrue(expected >= 20, "real rounds: " + expected);

    browser.openAndWait(base() + "#/training/" + enc(best));
    assertEquals(expected, points("curves"));
    Number marked = (Number) browser.script("var o = echarts.getInstanceByDom(document.querySelector("
        + "'[data-chart=curves]')).getOption(); var s = o.series.filter(function (x) { return x.markLine; })[0];"
        + " return s ? s.markLine.data[0].xAxis : null;");
    assertEquals(job.get("BestIteration").asInt(), marked.intValue(), "the markLine sits on BestIteration");
    assertEquals(job.get("HyperParameters").size(), browser.all("table[data-table=hyperparameters] tbody tr").size());
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .until(d -> browser.one("pre.log").getText().contains("validation-rmse"));
    assertConsoleClean("#/training/" + best);
  }

  @Test
  void htmlInValuesAndLogLinesShowsAsTextAndRunsNothing() {
    browser.openAndWait(base() + "#/tuning/" + enc(TestStores.HOSTILE));
    assertEquals(2, browser.all("table[data-table=training-jobs] tbody tr").size());
    String table = browser.one("table[data-table=training-jobs]").getText();
    assertTrue(table.contains(TestStores.HOSTILE_IMG), "the categorical value shows as text: " + table);
    assertTrue(table.contains(TestStores.HOSTILE_SCRIPT), "the failure reason shows as text: " + table);
    assertTrue(browser.one("table[data-table=ranges]").getText().contains(TestStores.HOSTILE_IMG));
    assertEquals(1, points("scatter-booster"));
    browser.script("echarts.getInstanceByDom(document.querySelector('[data-chart=scatter-booster]'))"
        + ".dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0});");
    String tooltip = new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(d -> (String) browser.script(
        "var tips = Array.prototype.filter.call(document.querySelectorAll('[data-chart=scatter-booster] div'),"
        + " function (e) { return e.querySelector('.tt-title'); });"
        + " return tips.length ? tips[0].querySelectorAll('img, script').length + '|' + tips[0].textContent : null;"));
    assertTrue(tooltip.startsWith("0|") && tooltip.contains(TestStores.HOSTILE_IMG),
        "the chart tooltip shows the value as text: " + tooltip);
    assertNothingRan();
    assertConsoleClean("#/tuning/" + TestStores.HOSTILE);

    browser.openAndWait(base() + "#/training/" + enc(TestStores.hostileTrainingJob(1)));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .until(d -> browser.one("pre.log").getText().contains(TestStores.HOSTILE_SCRIPT));
    assertTrue(browser.one("pre.log").getText().contains(TestStores.HOSTILE_IMG));
    assertTrue(browser.one("table[data-table=hyperparameters]").getText().contains(TestStores.HOSTILE_IMG));
    assertEquals(10, points("curves"));
    assertNothingRan();

    browser.openAndWait(base() + "#/training/" + enc(TestStores.hostileTrainingJob(2)));
    assertTrue(browser.one("[data-field=FailureReason]").getText().contains(TestStores.HOSTILE_SCRIPT));
    assertNothingRan();
    assertConsoleClean("the hostile training jobs");
  }

  private static void assertNothingRan() {
    assertNull(browser.script("return window.__tunelabPwned === undefined ? null : String(window.__tunelabPwned);"),
        "a payload ran");
    assertEquals(0L, browser.script("return document.querySelectorAll('main img, main script').length;"),
        "no element came from the data");
    assertFalse(browser.alertShown());
  }

  @Test
  void theTrainingJobsTableSortsAndFilters() {
    browser.openAndWait(base() + "#/tuning/" + enc(COURSE));
    browser.one("table[data-table=training-jobs] th[data-key=objective]").click();
    List<Double> objectives = objectiveColumn();
    List<Double> sorted = new ArrayList<>(objectives);
    sorted.sort(null);
    assertEquals(sorted, objectives, "ascending after one click");
    browser.one("table[data-table=training-jobs] th[data-key=objective]").click();
    List<Double> descending = objectiveColumn();
    assertEquals(sorted.get(sorted.size() - 1), descending.get(0), "descending after a second click");

    String first = browser.all("table[data-table=training-jobs] tbody tr").get(0).getAttribute("data-name");
    browser.one("input[data-filter=text]").sendKeys(first);
    new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
        .until(d -> browser.all("table[data-table=training-jobs] tbody tr").size() == 1);
    new Select(browser.one("select[data-filter=status]")).selectByValue("Completed");
    assertEquals(1, browser.all("table[data-table=training-jobs] tbody tr").size());
    browser.one("input[data-filter=text]").clear();
    browser.script("arguments[0].dispatchEvent(new Event('input'));", browser.one("input[data-filter=text]"));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
        .until(d -> browser.all("table[data-table=training-jobs] tbody tr").size() == COURSE_JOBS);

    browser.openAndWait(base() + "#/tuning/" + enc(TestStores.HOSTILE));
    new Select(browser.one("select[data-filter=status]")).selectByValue("Failed");
    assertEquals(List.of(TestStores.hostileTrainingJob(2)), browser.all("table[data-table=training-jobs] tbody tr")
        .stream().map(tr -> tr.getAttribute("data-name")).toList());
    assertConsoleClean("sorting and filtering");
  }

  private static List<Double> objectiveColumn() {
    List<Double> out = new ArrayList<>();
    for (WebElement tr : browser.all("table[data-table=training-jobs] tbody tr")) {
      String text = tr.findElements(By.tagName("td")).get(3).getText();
      if (!text.equals("—")) {
        out.add(Double.parseDouble(text));
      }
    }
    return out;
  }

  @Test
  void theTransformPageDrawsPredictedAgainstActualAndComparesTheModels() throws Exception {
    JsonNode runs = api("api/transform-runs").get("TransformRuns");
    assertEquals(transformRuns, runs.size());
    browser.openAndWait(base() + "#/transforms");
    for (JsonNode run : runs) {
      assertEquals(run.get("Actual").size(), points("transform-" + run.get("Id").asText()));
      assertTrue(run.get("Actual").size() > 50, "a whole split: " + run.get("Actual").size());
    }
    assertEquals(2, browser.all("table[data-table=transform-comparison] tr.group").size(), "validation and test");
    assertEquals(transformRuns, browser.all("table[data-table=transform-comparison] tr[data-run]").size());
    assertTrue(browser.one("table[data-table=transform-comparison]").getText().contains("best of tuning job " + COURSE));
    assertConsoleClean("#/transforms");
  }

  @Test
  void theReportRendersEveryChartFromFileWithTheNetworkOff() throws Exception {
    Path report = home.resolve("out").resolve("report.html");
    try (JobStore store = JobStore.openSqlite(home)) {
      ReportWriter.bundled().write(store, COURSE, report);
    }
    System.out.printf("report of %s (%d training jobs, %d transform runs): %d bytes%n", COURSE, COURSE_JOBS, transformRuns,
        Files.size(report));
    JsonNode t = api("api/tuning-jobs/" + enc(COURSE));
    int scored = 0;
    for (JsonNode j : t.get("TrainingJobs")) {
      scored += j.get("Objective").isNumber() ? 1 : 0;
    }
    try (Browser offline = Browser.start(true)) {
      offline.openAndWait(report.toUri().toString());
      assertTrue(offline.driver().getCurrentUrl().startsWith("file:"));
      List<WebElement> charts = offline.all("[data-chart]");
      assertEquals(2 + t.get("Ranges").size() + (t.get("Importance").isNull() ? 0 : 1), charts.size(),
          "history, parallel, one scatter per range (and importance)");
      for (WebElement c : charts) {
        assertEquals("true", c.getAttribute("data-rendered"), c.getAttribute("data-chart"));
      }
      assertEquals(String.valueOf(scored), offline.one("[data-chart=history]").getAttribute("data-points"));
      assertEquals(COURSE_JOBS, offline.all("table[data-table=training-jobs] tbody tr").size());

      WebElement link = offline.one("table[data-table=training-jobs] tbody tr a");
      String job = link.getText();
      link.click();
      offline.waitReady();
      assertTrue(offline.driver().getCurrentUrl().startsWith(report.toUri().toString() + "#/training/"),
          "the link stays in the file: " + offline.driver().getCurrentUrl());
      JsonNode tj = api("api/training-jobs/" + enc(job));
      int rounds = 0;
      for (var m : tj.get("Metrics").properties()) {
        rounds += m.getValue().get("Values").size();
      }
      assertEquals(String.valueOf(rounds), offline.one("[data-chart=curves]").getAttribute("data-points"));
      new WebDriverWait(offline.driver(), Duration.ofSeconds(10))
          .until(d -> offline.one("pre.log").getText().contains("validation-rmse"));

      offline.openAndWait(report.toUri() + "#/transforms");
      assertEquals(transformRuns, offline.all("[data-chart^=transform-][data-rendered=true]").size());
      assertEquals(List.of(), offline.severeConsole().stream().map(e -> e.getMessage()).toList(),
          "console errors in the report");
    }
  }

  @Test
  void aRunningTuningJobRefreshesItselfKeepingSortAndFilterAndStopsWhenItEnds() throws Exception {
    String live = "live-refresh";
    TestStores.createSynthetic(home, live, 10);
    TestStores.addSyntheticJobs(home, live, 1, 2, 11);
    browser.openAndWait(base() + "#/tuning/" + enc(live));
    assertEquals(2, browser.all("table[data-table=training-jobs] tbody tr").size());
    WebElement objective = browser.one("table[data-table=training-jobs] th[data-key=objective]");
    objective.click();
    objective.click();
    browser.one("input[data-filter=text]").sendKeys(live);

    TestStores.addSyntheticJobs(home, live, 3, 3, 12);
    WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(10));
    wait.until(d -> browser.all("table[data-table=training-jobs] tbody tr").size() == 5);
    wait.until(d -> "5".equals(browser.one("[data-chart=history]").getAttribute("data-points")));
    assertEquals("descending", browser.one("table[data-table=training-jobs] th[data-key=objective]").getAttribute("aria-sort"),
        "the sort survives the refresh");
    assertEquals(live, browser.one("input[data-filter=text]").getAttribute("value"), "the filter survives the refresh");
    List<Double> objectives = objectiveColumn();
    List<Double> descending = new ArrayList<>(objectives);
    descending.sort(Comparator.reverseOrder());
    assertEquals(descending, objectives, "new rows are sorted in");

    TestStores.finishSynthetic(home, live);
    wait.until(d -> browser.one("section.summary").getText().contains("Completed"));
    String count = "return performance.getEntriesByType('resource').filter(function (r) {"
        + " return r.name.indexOf('/api/tuning-jobs/') >= 0; }).length;";
    long before = (Long) browser.script(count);
    assertTrue(before >= 3, "it asked again while the job ran: " + before + " requests");
    Thread.sleep(4500);
    assertEquals(before, browser.script(count), "no request after the job ended");
    assertConsoleClean("#/tuning/" + live);
  }

  @Test
  void aRunningTrainingJobsLogAndCurvesFollowItUntilItEnds() throws Exception {
    String job = "lone-running-job";
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    try (JobStore store = JobStore.openSqlite(home)) {
      store.createTrainingJob(new NewTrainingJob(job, null, 0, Map.of("num_round", "50"),
          Map.of(), "{}", t0, home.resolve("jobs").resolve(job)));
      store.markTrainingStarted(job, t0);
      appendRounds(store, job, 0, 3);
    }
    browser.openAndWait(base() + "#/training/" + enc(job));
    WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(10));
    wait.until(d -> browser.one("pre.log").getText().contains("[2]#011train-rmse"));
    assertEquals("6", browser.one("[data-chart=curves]").getAttribute("data-points"));
    try (JobStore store = JobStore.openSqlite(home)) {
      appendRounds(store, job, 3, 4);
    }
    wait.until(d -> browser.one("pre.log").getText().contains("[6]#011train-rmse"));
    wait.until(d -> "14".equals(browser.one("[data-chart=curves]").getAttribute("data-points")));
    try (JobStore store = JobStore.openSqlite(home)) {
      appendRounds(store, job, 7, 1);
      store.finishTrainingJob(job, new TrainingJobResult(TrainingJobStatus.Completed,
          Instant.now().truncatedTo(ChronoUnit.MILLIS), Map.of("train:rmse", 1.0),
          null, null, null, 8, false));
    }
    wait.until(d -> browser.one("section.summary").getText().contains("Completed"));
    wait.until(d -> browser.one("pre.log").getText().contains("[7]#011train-rmse"));
    assertEquals(8, browser.one("pre.log").getText().lines().filter(l -> l.contains("train-rmse")).count(),
        "each line once");
    assertConsoleClean("#/training/" + job);
  }

  private static void appendRounds(JobStore store, String job, int from, int count) {
    List<LogLine> lines = new ArrayList<>();
    List<MetricPoint> points = new ArrayList<>();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    for (int r = from; r < from + count; r++) {
      lines.add(LogLine.of(now, "[" + r + "]#011train-rmse:" + (10 - r) + "#011validation-rmse:" + (11 - r)));
      points.add(new MetricPoint("train:rmse", r, 10 - r, now));
      points.add(new MetricPoint("validation:rmse", r, 11 - r, now));
    }
    store.appendProgress(job, lines, points);
  }
}
