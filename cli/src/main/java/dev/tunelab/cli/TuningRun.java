package dev.tunelab.cli;

import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** Shared by {@code train}, {@code tune} and {@code resume}: Ctrl-C handling and the tuning summary. */
final class TuningRun {
  private TuningRun() { }

  /**
   * Runs with a shutdown hook that turns Ctrl-C (or SIGTERM) into a clean stop: the hook sets
   * the flag the body polls and waits until the body has recorded its outcome and {@code finish}
   * has printed it, so the JVM cannot exit between the two and lose the summary.
   *
   * @param body   runs the work, polling the flag
   * @param finish prints the outcome and returns the exit code
   */
  static <T> int runWithCtrlC(Function<AtomicBoolean, T> body, ToIntFunction<T> finish) {
    AtomicBoolean interrupt = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      interrupt.set(true);
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "tunelab-ctrl-c");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      int code = finish.applyAsInt(body.apply(interrupt));
      System.out.flush();
      System.err.flush();
      return code;
    } finally {
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running
      }
    }
  }

  /**
   * Prints the best job, its objective, its tuned hyperparameters (in the spec's range order, as
   * stored) and its model, and the wall time; returns the exit code.
   */
  static int summarize(JobStore store, TuningJobRecord rec, String metric, double wallSeconds) {
    System.out.println();
    System.out.printf(Locale.ROOT, "Tuning job %s: %s in %.2f s%n", TerminalText.escape(rec.name()), rec.status(), wallSeconds);
    if (rec.failureReason() != null) {
      System.out.println("FailureReason: " + TerminalText.escape(rec.failureReason()));
    }
    var jobs = store.trainingJobsOf(rec.name());
    long completed = jobs.stream().filter(j -> j.status() == TrainingJobStatus.Completed).count();
    System.out.printf("Training jobs: %d launched, %d Completed%n", jobs.size(), completed);
    if (rec.bestTrainingJob() != null) {
      TrainingJobRecord best = store.trainingJob(rec.bestTrainingJob()).orElseThrow();
      System.out.println("Best training job: " + TerminalText.escape(best.name()));
      System.out.printf(Locale.ROOT, "  %s = %s%n", TerminalText.escape(metric), best.objectiveValue());
      for (Map.Entry<String, String> e : best.tunedHyperParameters().entrySet()) {
        System.out.printf("  %s = %s%n", TerminalText.escape(e.getKey()), TerminalText.escape(e.getValue()));
      }
      // a bring-your-own job may write no model: say so instead of printing "null"
      System.out.println("  model: " + (best.modelArtifact() == null ? "none written"
          : TerminalText.escape(best.modelArtifact())));
    }
    // a stop the user asked for is not a failure
    return rec.status() == TuningJobStatus.Completed || rec.status() == TuningJobStatus.Stopped ? 0 : Main.FAILURE;
  }
}
