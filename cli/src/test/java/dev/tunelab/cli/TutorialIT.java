package dev.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs every command of {@code docs/tutorial.md} with the packaged {@code ./tunelab}, in order, in a
 * scratch folder, and checks that each prints what the tutorial shows (format and normalisation in
 * the document's header comment and in {@link TranscriptMatcher}).
 *
 * <p>Run by maven-failsafe-plugin in {@code integration-test}, after {@code package} has built the
 * jar. With {@code -Dtunelab.tutorial.write=true} (or {@code scripts/tutorial.sh --write}) it writes
 * the real outputs into the document instead of failing on a difference, keeping its elisions;
 * outputs that still match are left as they are.
 */
@Tag("slow")
class TutorialIT {
  private static final long TIMEOUT_S = 600;

  @Test
  void tutorialTranscriptsMatchARealRun() throws Exception {
    Path repo = CliTestSupport.repoRoot();
    Path doc = repo.resolve("docs/tutorial.md");
    Path jar = repo.resolve("cli/target/tunelab-cli.jar");
    assertTrue(Files.isRegularFile(jar), "TutorialIT needs the packaged " + jar + ": run it in `mvn verify`");
    // package has just built (or kept, as up to date) the jar: mark it fresh, as the launcher does
    // after its own build, so that ./tunelab runs it instead of building again inside this build
    Path jsa = repo.resolve("cli/target/tunelab-cli.jsa");
    boolean jsaFresh = Files.isRegularFile(jsa)
        && Files.getLastModifiedTime(jsa).compareTo(Files.getLastModifiedTime(jar)) > 0;
    Instant now = Instant.now();
    Files.setLastModifiedTime(jar, FileTime.from(now));
    if (jsaFresh) {
      // the start-up archive was recorded from this very jar: keep it newer, or the launcher records it again
      Files.setLastModifiedTime(jsa, FileTime.from(now.plusSeconds(1)));
    }
    boolean write = Boolean.getBoolean("tunelab.tutorial.write");
    String text = Files.readString(doc);
    TutorialTranscript transcript = TutorialTranscript.parse(text);
    List<TutorialTranscript.Command> commands = transcript.commands();
    assertTrue(commands.size() > 10, "docs/tutorial.md: expected its ```console transcripts, found " + commands.size()
        + " commands");

    try (TutorialRunner runner = new TutorialRunner(repo)) {
      // the first call of a fresh jar records the start-up archive: not part of any transcript
      TutorialRunner.Result warm = runner.runOne("./tunelab --version", 300);
      assertEquals(0, warm.exitCode(), "./tunelab --version: " + String.join("\n", warm.output()));
      long started = System.nanoTime();
      List<TutorialRunner.Result> results = runner.runAll(commands.stream().map(TutorialTranscript.Command::text).toList(),
          TIMEOUT_S);
      System.out.printf("TutorialIT: ran %d commands of docs/tutorial.md in %.1f s%n", commands.size(),
          (System.nanoTime() - started) / 1e9);

      List<String> failures = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      List<List<String>> regenerated = new ArrayList<>();
      for (int k = 0; k < commands.size(); k++) {
        TutorialTranscript.Command c = commands.get(k);
        TutorialRunner.Result r = results.get(k);
        String where = "docs/tutorial.md:" + c.line() + " (section \"" + c.section() + "\") " + c.shown();
        if (r.exitCode() != 0) {
          failures.add(where + "\n  exited with " + r.exitCode() + "; its output:\n"
              + indent(String.join("\n", r.output())));
        }
        if (write) {
          // an output that still matches keeps its text (no churn of scratch names and times)
          boolean same = TranscriptMatcher.compare(c.expected(), r.output(), c.unordered()) == null;
          regenerated.add(same ? c.expected()
              : TranscriptMatcher.regenerate(c.expected(), r.output(), c.unordered(), where, warnings));
        } else {
          String diff = TranscriptMatcher.compare(c.expected(), r.output(), c.unordered());
          if (diff != null && r.exitCode() == 0) {
            failures.add(where + "\n  prints other output than the tutorial shows (- shown, + real; normalised):\n"
                + indent(diff));
          }
        }
      }
      if (write) {
        String updated = transcript.render(regenerated);
        if (!updated.equals(text)) {
          Files.writeString(doc, updated);
          System.out.println("TutorialIT: wrote " + doc);
        }
        warnings.forEach(w -> System.out.println("TutorialIT: warning: " + w));
      }
      if (!failures.isEmpty()) {
        fail(failures.size() + " of " + commands.size() + " tutorial commands do not reproduce"
            + (write ? "" : " (regenerate with scripts/tutorial.sh --write once the change is meant)") + ":\n\n"
            + String.join("\n\n", failures));
      }
    }
  }

  private static String indent(String s) {
    return s.lines().map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse("");
  }
}
