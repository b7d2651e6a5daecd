package dev.tunelab.cli;

import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.tuning.TuningObserver;
import dev.tunelab.core.tuning.TuningProgress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Shows a tuning job's progress: on a terminal one line redrawn in place (jobs done/total,
 * running, best so far); when output is piped, one plain line per event.
 */
final class TuningConsole implements TuningObserver {

  private final PrintStream out;
  private final boolean terminal;
  private boolean lineOpen;

  TuningConsole(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  static boolean stdoutIsTerminal() {
    return System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
  }

  @Override
  public synchronized void jobStarted(String name, Map<String, String> tuned, TuningProgress p) {
    if (terminal) {
      redraw(p);
    } else {
      out.println("started  " + name + " " + tuned);
    }
  }

  @Override
  public synchronized void jobFinished(TrainingJobRecord job, TuningProgress p) {
    if (terminal) {
      redraw(p);
      return;
    }
    String objective = job.objectiveValue() == null ? "-" : fmt(job.objectiveValue());
    out.printf(Locale.ROOT, "finished %s %s objective=%s%s | %d/%d done, %d running, best %s%n", job.name(),
        job.status(), objective, job.failureReason() == null ? "" : " (" + job.failureReason() + ")",
        p.finished(), p.total(), p.running(), best(p));
  }

  @Override
  public synchronized void notice(String message) {
    endLine();
    out.println("tunelab: " + message);
  }

  @Override
  public synchronized void finished(TuningJobRecord job, TuningProgress p) {
    endLine();
  }

  private void redraw(TuningProgress p) {
    int width = 24;
    int filled = p.total() == 0 ? 0 : (int) Math.round(width * (double) p.finished() / p.total());
    String bar = "#".repeat(filled) + "-".repeat(width - filled);
    out.printf(Locale.ROOT, "\r[%s] %d/%d done, %d running, best %s, %.1f s\u001b[K", bar, p.finished(), p.total(),
        p.running(), best(p), p.elapsedMillis() / 1000.0);
    out.flush();
    lineOpen = true;
  }

  private void endLine() {
    if (lineOpen) {
      out.println();
      lineOpen = false;
    }
  }

  private static String best(TuningProgress p) {
    return p.bestJob() == null ? "-" : fmt(p.bestObjective()) + " (" + p.bestJob() + ")";
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.5g", v);
  }
}
