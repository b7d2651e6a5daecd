package dev.tunelab.cli.progress;

import dev.tunelab.cli.TerminalText;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.tuning.TuningObserver;
import dev.tunelab.core.tuning.TuningProgress;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The progress of {@code tune} and {@code resume}. On a terminal (as JLine detects it on
 * standard output, TERM not dumb) one line is redrawn every {@value #TERMINAL_TICK_MILLIS} ms:
 * done/total, running, failed and stopped counts, best so far, elapsed time, an estimate of the
 * time left and each running job's current round ({@code j3:r57}), fitted to the terminal's
 * width. Otherwise one line per job event, as before, and a heartbeat line after 30 s with
 * nothing printed. Text from specs and jobs is escaped ({@link TerminalText}). Close it (or let
 * the tuning job finish) to stop the refresher thread.
 */
public final class TuningConsole implements TuningObserver, AutoCloseable {

  /** How often the terminal line is redrawn. */
  static final long TERMINAL_TICK_MILLIS = 500;
  /** How often the piped view checks whether a heartbeat is due. */
  static final long PIPED_TICK_MILLIS = 1000;

  private final ProgressTracker tracker;
  private final ProgressView view;
  private final Terminal terminal;
  private Refresher refresher;
  private boolean ended;

  /**
   * @param tracker  the state
   * @param view     where it is shown
   * @param terminal the terminal to close at the end, or {@code null}
   */
  TuningConsole(ProgressTracker tracker, ProgressView view, Terminal terminal) {
    this.tracker = tracker;
    this.view = view;
    this.terminal = terminal;
  }

  /**
   * The console for this process's standard output, its refresher started.
   *
   * @param parallelism MaxParallelTrainingJobs when known, else 0
   */
  public static TuningConsole open(int parallelism) {
    LongSupplier clock = () -> System.nanoTime() / 1_000_000;
    ProgressTracker tracker = new ProgressTracker(clock, parallelism);
    Terminal t = systemTerminal();
    TuningConsole console = t == null
        ? new TuningConsole(tracker, new LineView(System.out, clock), null)
        : new TuningConsole(tracker, new LiveView(new LiveLine(t, clock)), t);
    console.startRefresher(Duration.ofMillis(t == null ? PIPED_TICK_MILLIS : TERMINAL_TICK_MILLIS));
    return console;
  }

  /**
   * Standard output as a JLine terminal, or {@code null} when it is not a terminal (a pipe, a
   * file, TERM=dumb). JLine's own signal handling is off, so Ctrl-C still reaches the JVM's
   * shutdown hook that stops the tuning job cleanly.
   */
  private static Terminal systemTerminal() {
    try {
      Terminal t = TerminalBuilder.builder().system(true).systemOutput(TerminalBuilder.SystemOutput.SysOut)
          .nativeSignals(false).dumb(true).build();
      if (t.getType() == null || t.getType().startsWith(Terminal.TYPE_DUMB)) {
        t.close();
        return null;
      }
      return t;
    } catch (IOException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** Starts redrawing every {@code period}. */
  void startRefresher(Duration period) {
    refresher = new Refresher(this::tick, period);
  }

  /** One refresh: the refresher calls it; tests call it with their own clock. */
  synchronized void tick() {
    if (!ended) {
      view.tick(tracker.snapshot());
    }
  }

  @Override
  public void jobStarted(String name, Map<String, String> tuned, TuningProgress p) {
    tracker.started(name, p);
    synchronized (this) {
      if (!ended) {
        view.jobEvent("started  " + TerminalText.escape(name) + " " + TerminalText.escape(String.valueOf(tuned)),
            tracker.snapshot());
      }
    }
  }

  @Override
  public void jobFinished(TrainingJobRecord job, TuningProgress p) {
    tracker.finished(job.name(), p);
    synchronized (this) {
      if (!ended) {
        ProgressSnapshot s = tracker.snapshot();
        String objective = job.objectiveValue() == null ? "-" : fmt(job.objectiveValue());
        view.jobEvent(String.format(Locale.ROOT, "finished %s %s objective=%s%s | %s", TerminalText.escape(job.name()),
            job.status(), objective, job.failureReason() == null ? "" : " (" + TerminalText.escape(job.failureReason()) + ")",
            StatusLine.summary(s)), s);
      }
    }
  }

  @Override
  public void roundReported(String trainingJobName, int round) {
    tracker.round(trainingJobName, round); // cheap: the next tick shows it
  }

  @Override
  public synchronized void notice(String message) {
    if (!ended) {
      view.notice(TerminalText.escape(message), tracker.snapshot());
    }
  }

  @Override
  public void finished(TuningJobRecord job, TuningProgress p) {
    tracker.ended(p);
    end();
  }

  /** Stops the refresher, finishes the line and releases the terminal. */
  @Override
  public void close() {
    end();
    if (terminal != null) {
      try {
        terminal.close();
      } catch (IOException e) {
        // nothing to restore: the terminal's modes were never changed
      }
    }
  }

  private synchronized void end() {
    if (refresher != null) {
      refresher.close();
    }
    if (!ended) {
      ended = true;
      if (tracker.hasProgress()) {
        view.end(tracker.snapshot());
      }
    }
  }

  /** True once the refresher thread has stopped (for tests). */
  boolean refresherStopped() {
    return refresher == null || refresher.isTerminated();
  }

  /** An objective value as the CLI prints it: 5 significant digits. */
  public static String fmt(double v) {
    return String.format(Locale.ROOT, "%.5g", v);
  }

  /** For tests: a console writing plain lines to {@code out} on the given clock, no refresher. */
  static TuningConsole piped(PrintStream out, LongSupplier clock, int parallelism) {
    return new TuningConsole(new ProgressTracker(clock, parallelism), new LineView(out, clock), null);
  }
}
