package dev.tunelab.cli;

import static dev.tunelab.cli.TuneTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, fault 16: text from a job (its log, its {@code output/failure}) and from a spec (a
 * categorical value with a newline or an escape sequence) reaches the terminal escaped, in every
 * command that prints it: the piped progress lines and the summary of {@code tune}, {@code logs},
 * {@code describe-training-job}, the list table and JSON, {@code analytics}, and error messages.
 * The job is a real bring-your-own command ({@code byo/hostile-output.sh}).
 */
@Tag("slow")
class TerminalEscapingTest {

  @TempDir Path dir;

  /** A character a terminal acts on: ESC, BEL, CR, or a line break inside a printed value. */
  private static void assertNoControlCodes(String what, String text) {
    assertNoRawControls(what, text);
    for (String line : text.split("\n")) {
      assertFalse(line.startsWith("finished fake-job"), what + " printed a forged line:\n" + text);
    }
  }

  /**
   * No ESC, BEL or CR. (In {@code logs} a line of the job's own may read like anything: the line
   * pump splits the job's output at CR and LF, so each is a log line of its own, shown as such.)
   */
  private static void assertNoRawControls(String what, String text) {
    assertFalse(text.contains("\u001b"), what + " printed a raw ESC:\n" + text);
    assertFalse(text.contains("\u0007"), what + " printed a raw BEL:\n" + text);
    assertFalse(text.contains("\r"), what + " printed a raw CR:\n" + text);
  }

  @Test
  void jobAndSpecTextIsEscapedEverywhereItIsPrinted() throws Exception {
    Path home = dir.resolve("home");
    ObjectNode ranges = Json.object();
    ranges.putArray("CategoricalParameterRanges").addObject().put("Name", "mode").putArray("Values")
        .add("ok\nfinished fake-job Completed objective=0").add("fail\u001b[2J");
    ObjectNode s = ByoTuningTest.spec(dir, ByoTuningTest.script("/byo/hostile-output.sh"), "hostile", "Grid",
        ranges, Map.of(), "loss=([0-9.]+)", null);
    CliTestSupport.Run tune = CliTestSupport.run(home, "tune", TuneTestSupport.write(dir, "hostile.json", s).toString());
    assertEquals(0, tune.exitCode(), tune.all());
    assertNoControlCodes("tune", tune.all());
    assertTrue(tune.all().contains("ok\\nfinished fake-job Completed objective=0"), tune.all());
    assertTrue(tune.all().contains("\\u001b[2J"), tune.all());

    List<TrainingJobRecord> jobs;
    try (JobStore store = JobStore.openSqlite(home)) {
      jobs = store.trainingJobsOf("hostile");
    }
    assertEquals(2, jobs.size());
    TrainingJobRecord failed = jobs.stream().filter(j -> j.failureReason() != null).findFirst().orElseThrow();
    assertTrue(failed.failureReason().contains("\u001b[2J"), "the store keeps the text as the job wrote it");

    for (TrainingJobRecord j : jobs) {
      CliTestSupport.Run logs = ok(home, "logs", j.name());
      assertNoRawControls("logs", logs.all());
      assertTrue(logs.out().contains("log \\u001b[2J cleared \\u001b]0;owned\\u0007 title"), logs.out());
      assertNoRawControls("logs --raw", ok(home, "logs", j.name(), "--raw").all());
      assertNoControlCodes("describe-training-job", ok(home, "describe-training-job", j.name()).all());
      for (String format : List.of("text", "table")) {
        // text keeps its column TABs; every TAB inside a value is written \t
        assertNoRawControls("describe-training-job --output " + format,
            ok(home, "describe-training-job", j.name(), "--output", format).all());
        assertNoRawControls("logs --output " + format, ok(home, "logs", j.name(), "--output", format).all());
        assertNoRawControls("metrics --output " + format, ok(home, "metrics", j.name(), "--output", format).all());
      }
    }
    for (String format : List.of("text", "table")) {
      for (String verb : List.of("list-training-jobs-for-hyper-parameter-tuning-job", "describe-hyper-parameter-tuning-job",
          "analytics")) {
        assertNoRawControls(verb + " --output " + format, ok(home, verb, "hostile", "--output", format).all());
        assertNoRawControls(verb + " --query", ok(home, verb, "hostile", "--output", format, "--query", "@").all());
      }
    }
    CliTestSupport.Run option = CliTestSupport.run(home, "logs", "--no\u001b[2Jsuch");
    assertEquals(2, option.exitCode(), option.all());
    assertNoControlCodes("an unknown option", option.all());
    assertNoControlCodes("list table",
        ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", "hostile").all());
    assertNoControlCodes("list json",
        ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", "hostile", "--output", "json").all());
    assertNoControlCodes("list-hyper-parameter-tuning-jobs", ok(home, "list-hyper-parameter-tuning-jobs").all());
    assertNoControlCodes("describe tuning job", ok(home, "describe-hyper-parameter-tuning-job", "hostile").all());
    assertNoControlCodes("analytics", ok(home, "analytics", "hostile").all());
    CliTestSupport.Run missing = CliTestSupport.run(home, "logs", "no\u001b[2Jsuch");
    assertEquals(2, missing.exitCode(), missing.all());
    assertNoControlCodes("an error naming a bad argument", missing.all());
  }
}
