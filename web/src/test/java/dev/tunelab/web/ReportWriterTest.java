package dev.tunelab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.NoSuchJobException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-file report, built on a test page that has the tags the real page has. */
class ReportWriterTest {

  private static final Assets PAGE = Assets.fromClassPath("dev/tunelab/web/testpage/");

  @TempDir Path dir;

  private static List<String> inline(String html, String element) {
    Matcher m = Pattern.compile("<" + element + ">(.*?)</" + element + ">", Pattern.DOTALL).matcher(html);
    List<String> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  @Test
  void inlinesEverythingEmbedsTheDataSafelyAndAllowsOnlyItsOwnBlocks() throws Exception {
    Path home = dir.resolve("home");
    Path out = dir.resolve("out/report.html");
    ObjectNode expected;
    try (JobStore store = JobStore.openSqlite(home)) {
      Stores.syntheticJob(store, "rep", "Bayesian", 14);
      new ReportWriter(PAGE).write(store, "rep", out);
      expected = new DashboardData(store).report("rep");
    }
    String html = Files.readString(out);
    Path plain = Files.createFile(out.resolveSibling("any-new-file"));
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out),
        "the report gets the permissions of any new file (the umask's), not a temporary file's 0600");
    assertFalse(html.contains("<script src="), "no external script");
    assertFalse(html.contains("href=\"assets/"), "no external style");
    // the data: parses back to the report document, holds no '<' that could end its element
    Matcher data = Pattern.compile("<script id=\"tunelab-data\" type=\"application/json\">(.*?)</script>",
        Pattern.DOTALL).matcher(html);
    assertTrue(data.find());
    String json = data.group(1);
    assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), "escaped");
    JsonNode parsed = Json.mapper().readTree(json);
    assertTrue(expected.toString().equals(parsed.toString()), "the embedded data is the report document");
    String firstJob = parsed.get("TuningJob").get("TrainingJobs").get(0).get("Name").asText();
    assertEquals(Stores.HOSTILE_LOG, parsed.get("TrainingJobs").get(firstJob).get("Logs").get(1).get("Text").asText());
    // the hostile strings appear only escaped: nothing else in the page closes a script
    assertFalse(html.contains("alert(3)</script>"));
    assertEquals(3, html.split("</script>", -1).length - 1, "data, echarts, app");
    // the CSP allows exactly the inline blocks by hash
    Matcher meta = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").matcher(html);
    assertTrue(meta.find());
    assertTrue(meta.start() < html.indexOf("<style>"), "the policy comes before any inline block");
    String csp = meta.group(1);
    List<String> scripts = inline(html, "script");
    assertEquals(2, scripts.size(), "echarts and app.js");
    assertTrue(scripts.get(0).length() > 500_000, "ECharts inline");
    assertTrue(scripts.get(1).contains("tunelab-data"), "app.js inline");
    for (String s : scripts) {
      assertTrue(csp.contains(ReportWriter.hash(s)), "script hash in " + csp);
    }
    List<String> styles = inline(html, "style");
    assertEquals(1, styles.size());
    assertTrue(csp.contains("style-src " + ReportWriter.hash(styles.get(0))), csp);
    assertTrue(csp.startsWith("default-src 'none'; script-src 'sha256-"), csp);
    assertFalse(csp.contains("'unsafe-inline'; img") && csp.contains("script-src 'unsafe-inline'"), csp);
    // a known digest: SHA-256 of "" is 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=
    assertEquals("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='", ReportWriter.hash(""));
  }

  @Test
  void aPageWithMarkersInsteadOfTagsGetsTheSameBlocks() {
    ObjectNode data = Json.object().put("Name", "</script><!--");
    String html = new ReportWriter(Assets.fromClassPath("dev/tunelab/web/markerpage/")).html(data);
    assertFalse(html.contains("<!--tunelab:"), "markers replaced");
    assertTrue(html.indexOf("<style>") < html.indexOf("</head>"));
    assertTrue(html.indexOf("id=\"tunelab-data\"") < html.indexOf("<script>"), "data before the scripts");
    assertEquals(2, inline(html, "script").size());
    assertTrue(html.contains("\\u003c/script\\u003e\\u003c!--"), "data escaped");
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
    Path home = dir.resolve("home");
    Path out = dir.resolve("report.html");
    Files.writeString(out, "previous");
    // a page without the tags the writer replaces: it fails before anything is written
    Assets broken = Assets.fromClassPath("dev/tunelab/web/brokenpage/");
    try (JobStore store = JobStore.openSqlite(home)) {
      Stores.syntheticJob(store, "rep", "Random", 3);
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> new ReportWriter(broken).write(store, "rep", out));
      assertTrue(e.getMessage().contains("assets/app.css"), e.getMessage());
      assertThrows(NoSuchJobException.class, () -> new ReportWriter(PAGE).write(store, "nope", out));
      assertEquals("previous", Files.readString(out));
      new ReportWriter(PAGE).write(store, "rep", out);
    }
    assertTrue(Files.readString(out).startsWith("<!doctype html>"));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("home", "report.html"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }
}
