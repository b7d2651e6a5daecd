package dev.tunelab.cli.progress;

import static dev.tunelab.cli.progress.ProgressFixtures.finished;
import static dev.tunelab.cli.progress.ProgressFixtures.job;
import static dev.tunelab.cli.progress.ProgressFixtures.progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.store.TrainingJobStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The terminal view, driven through a real JLine terminal (an xterm whose output is captured,
 * 60 columns wide) and a fake clock: the line is redrawn on ticks with no event, shows the
 * running jobs' current rounds and an ETA once a job finished, and never reaches the last column.
 */
class LiveProgressTest {

  /** One redraw as the xterm capabilities write it: CR, the text, clear to end of line. */
  private static final Pattern DRAW = Pattern.compile("\r([^\r\n\u001b]*)\u001b\\[K");

  private final AtomicLong now = new AtomicLong(5_000_000);
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final List<Terminal> terminals = new ArrayList<>();

  private TuningConsole console(int width, int parallelism, AtomicLong clock) throws IOException {
    Terminal t = TerminalBuilder.builder().system(false).type("xterm").encoding(StandardCharsets.UTF_8)
        .streams(new ByteArrayInputStream(new byte[0]), bytes).size(new Size(width, 24)).build();
    terminals.add(t);
    return new TuningConsole(new ProgressTracker(clock::get, parallelism), new LiveView(new LiveLine(t, clock::get)), t);
  }

  @AfterEach
  void close() throws IOException {
    for (Terminal t : terminals) {
      t.close();
    }
  }

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private List<String> draws() {
    List<String> out = new ArrayList<>();
    Matcher m = DRAW.matcher(text());
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private String lastDraw() {
    List<String> d = draws();
    return d.get(d.size() - 1);
  }

  @Test
  void theLineMovesWithTheClockShowsRoundsAndAnEtaAndFitsSixtyColumns() throws IOException {
    TuningConsole c = console(60, 2, now);
    c.jobStarted(job(1), Map.of("eta", "0.1"), progress(0, 1, 0, 0, null, Double.NaN));
    c.jobStarted(job(2), Map.of("eta", "0.2"), progress(0, 2, 0, 0, null, Double.NaN));
    assertEquals(2, draws().size(), "a redraw per event");
    assertTrue(lastDraw().contains("0/10") && lastDraw().contains("ETA -"), "no ETA before a job finished: " + lastDraw());

    for (int r = 0; r <= 56; r++) {
      c.roundReported(job(1), r);
    }
    for (int r = 0; r <= 11; r++) {
      c.roundReported(job(2), r);
    }
    assertEquals(2, draws().size(), "a round is not drawn at once (training threads stay cheap)");

    now.addAndGet(1000);
    c.tick();
    assertEquals(3, draws().size(), "a tick redraws without any event");
    assertTrue(lastDraw().contains("j1:r56") && lastDraw().contains("j2:r11"), lastDraw());
    assertTrue(lastDraw().contains(" 1s"), "elapsed time on the fake clock: " + lastDraw());
    now.addAndGet(1000);
    c.tick();
    assertTrue(lastDraw().contains(" 2s"), "the elapsed time moves: " + lastDraw());
    c.roundReported(job(1), 57);
    c.tick();
    assertTrue(lastDraw().contains("j1:r57"), "the round moves: " + lastDraw());

    // job 1 ends at 60 s: mean duration 60 s; job 2 has run 60 s, job 3 starts; 7 not started.
    // work left = 0 (job 2) + 60 (job 3) + 7 x 60 = 480 s over 2 slots = 4m00s
    now.set(5_000_000 + 60_000);
    c.jobFinished(finished(job(1), TrainingJobStatus.Completed, 3.21, null), progress(1, 1, 0, 0, job(1), 3.21));
    c.jobStarted(job(3), Map.of("eta", "0.3"), progress(1, 2, 0, 0, job(1), 3.21));
    assertTrue(lastDraw().contains("ETA 4m00s"), lastDraw());
    assertTrue(lastDraw().contains("best 3.2100"), lastDraw());
    assertFalse(lastDraw().contains("j1:"), "a finished job's round is gone: " + lastDraw());
    c.roundReported(job(3), 4);
    now.addAndGet(30_000);
    c.tick();
    // job 2: 90 s run, nothing left of the mean; job 3: 30 s left; (30 + 7 x 60) / 2 = 225 s
    assertTrue(lastDraw().contains("ETA 3m45s") && lastDraw().contains("j3:r4"), lastDraw());

    for (String d : draws()) {
      assertTrue(StatusLine.columns(d) <= 59, () -> "wider than 59 columns: '" + d + "' (" + d.length() + ")");
    }

    c.finished(null, progress(10, 0, 1, 2, job(1), 3.21));
    assertTrue(text().endsWith("\n"), "the cursor is left on a new line");
    int before = draws().size();
    c.tick();
    c.notice("late");
    assertEquals(before, draws().size(), "nothing is drawn after the end");
    assertTrue(lastDraw().contains("10/10") && lastDraw().contains("1 fail") && lastDraw().contains("2 stop")
        && lastDraw().contains("ETA 0s"), lastDraw());
  }

  @Test
  void aNarrowTerminalDropsDetailNotTheWidthAndNoticesGoAboveTheLine() throws IOException {
    TuningConsole c = console(30, 6, now);
    for (int i = 1; i <= 6; i++) {
      c.jobStarted(job(i), Map.of(), progress(0, i, 0, 0, null, Double.NaN));
      c.roundReported(job(i), 100 + i);
    }
    now.addAndGet(1500);
    c.tick();
    for (String d : draws()) {
      assertTrue(StatusLine.columns(d) <= 29, () -> "wider than 29 columns: '" + d + "'");
    }
    assertTrue(lastDraw().startsWith("0/10 6 run"), lastDraw());
    c.notice("Stop requested \u001b[2J(interrupt)");
    assertTrue(Pattern.compile("\r\u001b\\[Ktunelab: Stop requested \\\\u001b\\[2J\\(interrupt\\)\r?\n").matcher(text()).find(),
        "escaped, on a line of its own: " + text());
    assertFalse(text().contains("\u001b[2J"), "no escape sequence from a message reaches the terminal");
    assertTrue(text().endsWith("\u001b[K"), "the line is drawn again after the notice");
  }

  @Test
  void aTuningJobThatNeverStartedLeavesNoLine() throws IOException {
    TuningConsole c = console(60, 2, now);
    c.close();
    assertEquals("", text(), "nothing drawn before an error message");
  }

  @Test
  void theRefresherThreadRedrawsOnItsOwnAndStopsAtTheEnd() throws Exception {
    AtomicLong real = new AtomicLong();
    TuningConsole c = console(80, 1, real);
    c.startRefresher(Duration.ofMillis(20));
    c.jobStarted(job(1), Map.of(), progress(0, 1, 0, 0, null, Double.NaN));
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (draws().size() < 5 && System.nanoTime() < deadline) {
      real.addAndGet(1000);
      Thread.sleep(20);
    }
    assertTrue(draws().size() >= 5, "ticks redraw the line without events: " + draws().size() + " draws");
    c.finished(null, progress(1, 0, 0, 0, job(1), 1.0));
    deadline = System.nanoTime() + 5_000_000_000L;
    while (!c.refresherStopped() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(c.refresherStopped(), "the refresher thread ends with the tuning job");
    int after = draws().size();
    Thread.sleep(100);
    assertEquals(after, draws().size(), "no redraw after the end");
    assertTrue(Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.getName().equals("tunelab-progress") && t.isAlive() && !t.isDaemon()),
        "a refresher thread is a daemon");
  }
}
