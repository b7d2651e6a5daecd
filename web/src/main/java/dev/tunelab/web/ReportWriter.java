package dev.tunelab.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.io.OutputFile;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.store.JobStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tunelab report}: one self-contained HTML file for a tuning job, the dashboard's page
 * with everything inline so it renders from {@code file://} with no network.
 *
 * <p>From {@code index.html} it replaces exactly these tags (the dashboard serves the same page
 * with them as they are):
 * <ul>
 *   <li>{@code <link rel="stylesheet" href="assets/app.css">} by {@code <style>} holding app.css;</li>
 *   <li>{@code <script src="assets/echarts.min.js"></script>} by the data,
 *       {@code <script id="tunelab-data" type="application/json">…</script>}, then a
 *       {@code <script>} holding ECharts;</li>
 *   <li>{@code <script src="assets/app.js"></script>} by a {@code <script>} holding app.js;</li>
 * </ul>
 * (a page with none of these tags but the markers {@code <!--tunelab:style-->} and
 * {@code <!--tunelab:scripts-->} gets the same blocks at the markers instead),
 * and adds, first in {@code <head>}, a Content-Security-Policy {@code <meta>} that allows those
 * inline script and style blocks by their SHA-256 hashes and nothing else. In the data every
 * {@code <}, {@code >} and {@code &} is written as a JSON {@code \\u} escape, so no value can
 * close the tag or open a comment.
 */
public final class ReportWriter {

  private static final Pattern HEAD = Pattern.compile("<head(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);
  private static final Pattern CSS = tag("<link\\s+rel=\"stylesheet\"\\s+href=\"assets/app\\.css\"\\s*/?>");
  private static final Pattern ECHARTS = tag("<script\\s+src=\"assets/echarts\\.min\\.js\"\\s*>\\s*</script>");
  private static final Pattern APP = tag("<script\\s+src=\"assets/app\\.js\"\\s*>\\s*</script>");

  /** Where a page without the tags wants the style (used only when none of the tags is there). */
  static final String STYLE_MARKER = "<!--tunelab:style-->";
  /** Where such a page wants the data and the scripts. */
  static final String SCRIPTS_MARKER = "<!--tunelab:scripts-->";

  private final Assets assets;

  /** A writer using these page files. */
  public ReportWriter(Assets assets) {
    this.assets = assets;
  }

  /** A writer using the dashboard's own page. */
  public static ReportWriter bundled() {
    return new ReportWriter(Assets.bundled());
  }

  /**
   * Writes the report of a tuning job to {@code out} through {@link OutputFile}: to a temporary
   * file in the same folder, then renamed, so {@code out} is either the whole report or as it
   * was (a device or FIFO is written in place).
   *
   * @throws dev.tunelab.core.store.NoSuchJobException when there is no such tuning job
   * @throws dev.tunelab.core.spec.SpecException when {@code out} cannot be a file (a folder, say)
   * @throws dev.tunelab.core.io.OutputWriteException when the file cannot be written
   */
  public void write(JobStore store, String tuningJobName, Path out) {
    write(store, tuningJobName, OutputFile.of("out", out));
  }

  /** As {@link #write(JobStore, String, Path)}, to an output the caller has checked. */
  public void write(JobStore store, String tuningJobName, OutputFile out) {
    String html = html(new DashboardData(store).report(tuningJobName));
    out.writeText(w -> w.write(html));
  }

  /**
   * The report page holding {@code data} (the shape of {@link DashboardData#report}).
   *
   * @throws IllegalStateException when index.html lacks one of the tags it replaces
   */
  public String html(JsonNode data) {
    String page = assets.require("index.html").text();
    String css = inlineSafe(assets.require("app.css").text(), "style");
    String echarts = inlineSafe(assets.require(Assets.ECHARTS_NAME).text(), "script");
    String app = inlineSafe(assets.require("app.js").text(), "script");
    List<String> scripts = new ArrayList<>();
    String style = "<style>" + css + "</style>";
    String dataAndCharts = "<script id=\"tunelab-data\" type=\"application/json\">"
        + embeddedJson(data) + "</script>\n<script>" + echarts + "</script>";
    String appScript = "<script>" + app + "</script>";
    if (!CSS.matcher(page).find() && !ECHARTS.matcher(page).find() && !APP.matcher(page).find()
        && page.contains(STYLE_MARKER) && page.contains(SCRIPTS_MARKER)) {
      // a page written for the report alone: its markers say where the blocks go
      page = page.replace(STYLE_MARKER, style).replace(SCRIPTS_MARKER, dataAndCharts + "\n" + appScript);
    } else {
      page = replaceOnce(page, CSS, style);
      page = replaceOnce(page, ECHARTS, dataAndCharts);
      page = replaceOnce(page, APP, appScript);
    }
    scripts.add(hash(echarts));
    scripts.add(hash(app));
    String csp = "default-src 'none'; script-src " + String.join(" ", scripts)
        + "; style-src " + hash(css) + "; style-src-attr 'unsafe-inline'; img-src data:;"
        + " base-uri 'none'; form-action 'none'";
    Matcher head = HEAD.matcher(page);
    if (!head.find()) {
      throw new IllegalStateException("index.html has no <head> for the report's"
          + " Content-Security-Policy");
    }
    return page.substring(0, head.end()) + "\n<meta http-equiv=\"Content-Security-Policy\""
        + " content=\"" + csp + "\">" + page.substring(head.end());
  }

  /** JSON text safe inside a script element: no {@code <}, {@code >} or {@code &} at all. */
  static String embeddedJson(JsonNode data) {
    return Json.write(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }

  /** The CSP source for an inline block: {@code 'sha256-BASE64'} of its UTF-8 text. */
  static String hash(String inline) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(inline.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Text that cannot end its element early: {@code </script} (or {@code </style}) is written
   * {@code <\/script}, the same string in JavaScript and never met outside one in our files.
   */
  private static String inlineSafe(String text, String element) {
    Pattern end = Pattern.compile("</(" + element + ")", Pattern.CASE_INSENSITIVE);
    return end.matcher(text).replaceAll("<\\\\/$1");
  }

  private static String replaceOnce(String page, Pattern tag, String replacement) {
    Matcher m = tag.matcher(page);
    if (!m.find()) {
      throw new IllegalStateException("index.html lacks the tag the report replaces: "
          + tag.pattern().replace("\\s+", " ").replace("\\s*", "").replace("\\", "")
              .toLowerCase(Locale.ROOT));
    }
    return page.substring(0, m.start()) + replacement + page.substring(m.end());
  }

  private static Pattern tag(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
  }
}
