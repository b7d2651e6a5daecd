package dev.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transcript format of docs/tutorial.md and the comparison that TutorialIT applies to a real run. */
class TranscriptMatcherTest {
  private static final String DOC = String.join("\n",
      "# Title",
      "## 5. Transform",
      "```",
      "$ not run: a plain block",
      "```",
      "```console",
      "$ ./tunelab transform --model base --input $LAB/data/test.csv \\",
      "    --labels $LAB/data/test-labels.csv",
      "Wrote 167 predictions to /tmp/tmp.KdKjnn8agE/p.csv with model of base",
      "RMSE: 3.77036",
      "$ ./tunelab train x.json",
      "[0]#011train-rmse:7.60241",
      "...",
      "Training seconds: 4 (3.145 s)",
      "```",
      "text",
      "");

  @Test
  void parsesCommandsContinuationsSectionsAndLines() {
    TutorialTranscript t = TutorialTranscript.parse(DOC);
    List<TutorialTranscript.Command> cs = t.commands();
    assertEquals(2, cs.size());
    assertEquals("5. Transform", cs.get(0).section());
    assertEquals(7, cs.get(0).line());
    assertTrue(cs.get(0).text().endsWith("\n    --labels $LAB/data/test-labels.csv"), cs.get(0).text());
    assertEquals(List.of("Wrote 167 predictions to /tmp/tmp.KdKjnn8agE/p.csv with model of base", "RMSE: 3.77036"),
        cs.get(0).expected());
    assertEquals(3, cs.get(1).expected().size());
  }

  @Test
  void volatilePartsDifferFreely() {
    List<String> shown = List.of("Wrote /tmp/tmp.KdKjnn8agE/r.html (1,296,979 bytes) for tuning job x",
        "  \"CreationTime\" : \"2026-11-28T11:14:02.385Z\",", "  \"TrainingTimeInSeconds\" : 2,",
        "Tuning job x: Completed in 1.22 s", "Training seconds: 4 (3.145 s)",
        "finished x-003-71e94b8d Completed objective=3.0188 | 1/20 done, 2 running, best 3.0188 (x-003-71e94b8d), 0s elapsed, ETA 1s",
        "x-004-36d90bef                 Completed         2.9847      0.17  {max_depth=7}",
        "    0.008  train:rmse       8.13008      0");
    List<String> real = List.of("Wrote /tmp/tmp.Zz9Yy8Xx7W/r.html (1,259,394 bytes) for tuning job x",
        "  \"CreationTime\" : \"2026-12-02T15:58:55.247Z\",", "  \"TrainingTimeInSeconds\" : 11,",
        "Tuning job x: Completed in 12.86 s", "Training seconds: 1 (0.2 s)",
        "finished x-003-71e94b8d Completed objective=3.0188 | 2/20 done, 1 running, best 3.0188 (x-003-71e94b8d), 1s elapsed, ETA 4s",
        "x-004-36d90bef                 Completed         2.9847     10.17  {max_depth=7}",
        "   10.108  train:rmse       8.13008      0");
    assertNull(TranscriptMatcher.compare(shown, real, false));
  }

  @Test
  void aChangedNumberNameOrObjectiveIsADifference() {
    List<String> shown = List.of("Wrote 167 predictions", "RMSE: 3.77036", "MSE: 14.21561");
    String diff = TranscriptMatcher.compare(shown, List.of("Wrote 167 predictions", "RMSE: 3.77037", "MSE: 14.21561"), false);
    assertNotNull(diff);
    assertTrue(diff.contains("- RMSE: 3.77036") && diff.contains("+ RMSE: 3.77037"), diff);
    assertNotNull(TranscriptMatcher.compare(List.of("finished x-003-71e94b8d Completed objective=3.0188 | 1/20 done"),
        List.of("finished x-003-71e94b8d Completed objective=3.0189 | 1/20 done"), false));
    assertNotNull(TranscriptMatcher.compare(List.of("Best training job: x-004-36d90bef"),
        List.of("Best training job: x-004-36d90bee"), false));
    // a missing or extra line counts too
    assertNotNull(TranscriptMatcher.compare(shown, shown.subList(0, 2), false));
  }

  @Test
  void hyperparameterMapsMustKeepTheirOrder() {
    List<String> shown = List.of("started x {max_depth=7, eta=0.1}", "max_depth,eta,TrainingJobName", "7.0,0.1,x");
    assertNull(TranscriptMatcher.compare(shown, shown, false));
    assertNotNull(TranscriptMatcher.compare(shown, List.of("started x {eta=0.1, max_depth=7}",
        "max_depth,eta,TrainingJobName", "7.0,0.1,x"), false));
    assertNotNull(TranscriptMatcher.compare(shown, List.of("started x {max_depth=7, eta=0.1}",
        "eta,max_depth,TrainingJobName", "0.1,7.0,x"), false));
  }

  @Test
  void anIndentedBlockInAListItemIsATranscriptToo() {
    String doc = "- item:\n\n  ```console\n  $ echo hi\n  hi\n  ```\n";
    TutorialTranscript t = TutorialTranscript.parse(doc);
    assertEquals(1, t.commands().size());
    assertEquals("echo hi", t.commands().get(0).text());
    assertEquals(List.of("hi"), t.commands().get(0).expected());
    assertEquals(4, t.commands().get(0).line());
    assertEquals(doc.replace("  hi\n", "  ho\n"), t.render(List.of(List.of("ho"))));
  }

  @Test
  void anEllipsisTakesAnyLinesButTheRestMustBeThere() {
    List<String> shown = List.of("[0] a", "...", "Stopping. Best iteration:", "[46] b");
    assertNull(TranscriptMatcher.compare(shown, List.of("[0] a", "[1] x", "[2] y", "Stopping. Best iteration:", "[46] b"), false));
    assertNull(TranscriptMatcher.compare(shown, List.of("[0] a", "Stopping. Best iteration:", "[46] b"), false));
    String diff = TranscriptMatcher.compare(shown, List.of("[0] a", "[1] x", "Stopping. Best iteration:", "[45] b"), false);
    assertNotNull(diff);
    assertTrue(diff.contains("- [46] b") && diff.contains("+ [45] b"), diff);
  }

  @Test
  void anUnorderedBlockComparesLinesInAnyOrder() {
    List<String> shown = List.of("finished a | x", "finished b | y", "done");
    assertNull(TranscriptMatcher.compare(shown, List.of("finished b | z", "finished a | w", "done"), true));
    String diff = TranscriptMatcher.compare(shown, List.of("finished b | z", "finished c | w", "done"), true);
    assertTrue(diff.contains("- finished a | <progress>") && diff.contains("+ finished c | <progress>"), diff);
  }

  @Test
  void regeneratingKeepsTheElisionsWithTheRealLines() {
    List<String> shown = List.of("{", "  \"Name\" : \"x-014-7e3def2c\",", "...", "  \"Value\" : 2.88955", "...", "}");
    List<String> real = List.of("{", "  \"Name\" : \"x-004-36d90bef\",", "  \"A\" : 1,", "  \"Value\" : 2.98466", "  \"B\" : 2",
        "}");
    List<String> warnings = new ArrayList<>();
    List<String> out = TranscriptMatcher.regenerate(shown, real, false, "here", warnings);
    assertEquals(List.of("{", "  \"Name\" : \"x-004-36d90bef\",", "...", "  \"Value\" : 2.98466", "...", "}"), out);
    assertEquals(1, warnings.size(), "a changed elided block is reported for review");
    // unchanged: no warning, same lines
    warnings.clear();
    assertEquals(out, TranscriptMatcher.regenerate(out, real, false, "here", warnings));
    assertTrue(warnings.isEmpty(), warnings.toString());
  }

  @Test
  void renderReplacesOnlyTheOutputs() {
    TutorialTranscript t = TutorialTranscript.parse(DOC);
    String out = t.render(List.of(List.of("new 1"), List.of("new 2", "new 3")));
    assertEquals(DOC.replace("Wrote 167 predictions to /tmp/tmp.KdKjnn8agE/p.csv with model of base\nRMSE: 3.77036", "new 1")
        .replace("[0]#011train-rmse:7.60241\n...\nTraining seconds: 4 (3.145 s)", "new 2\nnew 3"), out);
    assertEquals(DOC, t.render(t.commands().stream().map(TutorialTranscript.Command::expected).toList()));
  }

  /** The real document: it matches itself, and one digit changed in a copy is caught, naming the command. */
  @Test
  void theTutorialFailsWhenOneNumberOfACopyIsChanged() throws Exception {
    String doc = Files.readString(CliTestSupport.repoRoot().resolve("docs/tutorial.md"));
    TutorialTranscript t = TutorialTranscript.parse(doc);
    List<TutorialTranscript.Command> cs = t.commands();
    assertTrue(cs.size() > 10, "commands found: " + cs.size());
    int target = -1;
    for (int k = 0; k < cs.size() && target < 0; k++) {
      if (cs.get(k).expected().stream().anyMatch(l -> l.startsWith("RMSE: "))) {
        target = k;
      }
    }
    assertTrue(target >= 0, "the tutorial shows a transform with an RMSE");
    var m = java.util.regex.Pattern.compile("(?m)^RMSE: \\d+\\.\\d+$").matcher(doc);
    assertTrue(m.find());
    int last = m.end() - 1;
    char bumped = (char) ('0' + (doc.charAt(last) - '0' + 1) % 10);
    TutorialTranscript changed = TutorialTranscript.parse(doc.substring(0, last) + bumped + doc.substring(last + 1));
    int failures = 0;
    for (int k = 0; k < cs.size(); k++) {
      TutorialTranscript.Command real = cs.get(k);
      assertNull(TranscriptMatcher.compare(real.expected(), real.expected(), real.unordered()), real.shown());
      String diff = TranscriptMatcher.compare(changed.commands().get(k).expected(), real.expected(), real.unordered());
      if (diff != null) {
        failures++;
        assertEquals(target, k, "only the changed command differs");
        assertTrue(diff.contains("- RMSE: ") && diff.contains("+ RMSE: "), diff);
      }
    }
    assertEquals(1, failures);
  }
}
