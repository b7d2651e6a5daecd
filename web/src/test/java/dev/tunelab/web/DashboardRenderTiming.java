package dev.tunelab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures the time to the first complete render of a tuning job page in headless Chromium, with
 * 20 and with 2,000 training jobs (synthetic results written through the store API): from
 * navigation start to the moment every chart has drawn and the table is filled (the page's
 * {@code data-render-ms}, read from {@code performance.now()}). One cold load, then the median of
 * five. Runs only with {@code -Dtunelab.renderTiming=true}; prints one line per size and, with
 * {@code -Dtunelab.renderTiming.out=FILE}, appends them to FILE.
 */
@Tag("slow")
@EnabledIfSystemProperty(named = "tunelab.renderTiming", matches = "true")
class DashboardRenderTiming {

  private static final int RUNS = 5;

  @TempDir Path home;

  @Test
  void timeToFirstCompleteRender() throws IOException {
    Browser.assumeInstalled();
    int[] sizes = {20, 2000};
    for (int n : sizes) {
      long t0 = System.nanoTime();
      TestStores.writeSynthetic(home, "synthetic-" + n, n, n);
      System.out.printf(Locale.ROOT, "store of %d training jobs written in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
    }
    List<String> lines = new ArrayList<>();
    try (DashboardServer server = new DashboardServer(home, "127.0.0.1", 0); Browser browser = startBrowser(server)) {
      for (int n : sizes) {
        String url = "http://127.0.0.1:" + server.port() + "/#/tuning/synthetic-" + n;
        double cold = load(browser, url, n);
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
          times.add(load(browser, url, n));
        }
        List<Double> sorted = new ArrayList<>(times);
        sorted.sort(null);
        String line = String.format(Locale.ROOT,
            "%d training jobs: median %.0f ms of %d loads %s (first load after the server started: %.0f ms)",
            n, sorted.get(RUNS / 2), RUNS, times.stream().map(t -> String.format(Locale.ROOT, "%.0f", t)).toList(), cold);
        System.out.println("RENDER " + line);
        lines.add(line);
      }
    }
    String out = System.getProperty("tunelab.renderTiming.out");
    if (out != null && !out.isBlank()) {
      Files.write(Path.of(out), lines);
    }
  }

  private static Browser startBrowser(DashboardServer server) throws IOException {
    server.start();
    return Browser.start(false);
  }

  /** One load in a fresh document: milliseconds from navigation start to the complete render. */
  private static double load(Browser browser, String url, int jobs) {
    browser.driver().get("about:blank");
    browser.openAndWait(url);
    assertEquals(String.valueOf(jobs), browser.one("[data-chart=history]").getAttribute("data-points"));
    assertEquals(jobs, ((Number) browser.script(
        "return document.querySelectorAll('table[data-table=training-jobs] tbody tr').length;")).intValue());
    assertEquals(List.of(), browser.severeConsole().stream().map(e -> e.getMessage()).toList());
    if (Boolean.getBoolean("tunelab.renderTiming.detail")) {
      System.out.println("DETAIL " + browser.script("var n = performance.getEntriesByType('navigation')[0];"
          + " return 'domContentLoaded ' + Math.round(n.domContentLoadedEventEnd) + ' ms; ' + performance.getEntriesByType('resource')"
          + ".map(function (r) { return r.name.replace(/^.*\\//, '') + ' ' + Math.round(r.startTime) + '-' + Math.round(r.responseEnd); })"
          + ".join(', ') + '; marks ' + performance.getEntriesByType('mark').map(function (m) {"
          + " return m.name + ' ' + Math.round(m.startTime); }).join(', ');"));
    }
    return Double.parseDouble(browser.one("body").getAttribute("data-render-ms"));
  }
}
