package dev.tunelab.cli.progress;

import static dev.tunelab.cli.progress.ProgressFixtures.finished;
import static dev.tunelab.cli.progress.ProgressFixtures.job;
import static dev.tunelab.cli.progress.ProgressFixtures.progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.store.TrainingJobStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Piped output stays line-based: one line per job event, no carriage return or escape sequence,
 * and a heartbeat only after 30 s of the (fake) clock with nothing printed.
 */
class PipedProgressTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TuningConsole console =
      TuningConsole.piped(new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get, 2);

  private List<String> lines() {
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private void at(long seconds) {
    now.set(1_000 + seconds * 1000);
    console.tick();
  }

  @Test
  void oneLinePerEventAndAHeartbeatAfterThirtyQuietSeconds() {
    console.jobStarted(job(1), Map.of("eta", "0.1"), progress(0, 1, 0, 0, null, Double.NaN));
    console.jobStarted(job(2), Map.of("eta", "0.2"), progress(0, 2, 0, 0, null, Double.NaN));
    assertEquals(List.of("started  " + job(1) + " {eta=0.1}", "started  " + job(2) + " {eta=0.2}"), lines());
    console.roundReported(job(1), 56);
    console.roundReported(job(2), 11);

    at(29);
    assertEquals(2, lines().size(), "no heartbeat before 30 s of quiet");
    at(30);
    assertEquals(3, lines().size());
    String beat = lines().get(2);
    assertTrue(beat.startsWith("progress: 0/10 done, 2 running, 0 failed, 0 stopped, best -, 30s elapsed, ETA -"), beat);
    assertTrue(beat.endsWith("| j1:r56 j2:r11"), beat);
    at(31);
    at(59);
    assertEquals(3, lines().size(), "at most one heartbeat per 30 s");
    at(60);
    assertEquals(4, lines().size());

    now.set(1_000 + 70_000);
    console.jobFinished(finished(job(1), TrainingJobStatus.Completed, 3.5, null), progress(1, 1, 0, 0, job(1), 3.5));
    String done = lines().get(4);
    assertTrue(done.startsWith("finished " + job(1) + " Completed objective=3.5000 | 1/10 done, 1 running, 0 failed,"
        + " 0 stopped, best 3.5000 (" + job(1) + "), 1m10s elapsed, ETA "), done);
    at(99);
    assertEquals(5, lines().size(), "a job event restarts the quiet time");
    at(100);
    assertEquals(6, lines().size());
    assertTrue(lines().get(5).endsWith("| j2:r11"), lines().get(5));

    String all = bytes.toString(StandardCharsets.UTF_8);
    assertFalse(all.contains("\r"), "no carriage return when piped");
    assertFalse(all.contains("\u001b"), "no escape sequence when piped");
  }

  @Test
  void textFromSpecsAndJobsIsEscaped() {
    console.jobStarted(job(1), Map.of("booster", "gb\u001b]0;owned\u0007tree"), progress(0, 1, 0, 0, null, Double.NaN));
    console.jobFinished(finished(job(1), TrainingJobStatus.Failed, null, "AlgorithmError: \u001b[31mred\r\nfake line"),
        progress(1, 0, 1, 0, null, Double.NaN));
    console.notice("stop \u202eevil");
    String all = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(all.contains("{booster=gb\\u001b]0;owned\\u0007tree}"), all);
    assertTrue(all.contains("(AlgorithmError: \\u001b[31mred\\r\\nfake line)"), all);
    assertTrue(all.contains("tunelab: stop \\u202eevil"), all);
    assertEquals(3, lines().size(), all);
    assertFalse(all.contains("\u001b") || all.contains("\u0007") || all.contains("\u202e") || all.contains("\r"), all);
  }

  @Test
  void theEndStopsTheHeartbeat() {
    console.jobStarted(job(1), Map.of(), progress(0, 1, 0, 0, null, Double.NaN));
    console.finished(null, progress(1, 0, 0, 0, job(1), 2.0));
    at(600);
    assertEquals(1, lines().size());
  }
}
