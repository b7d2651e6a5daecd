package dev.tunelab.cli.progress;

import dev.tunelab.core.tuning.TuningProgress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What the progress display knows about a tuning job: the scheduler's latest counts, when each
 * running job started and its current round, and how long the finished jobs took, all timed on
 * one millisecond clock. Thread-safe: the scheduler thread reports starts and ends, training
 * threads report rounds, the refresher thread takes snapshots.
 */
final class ProgressTracker {

  private final LongSupplier nowMillis;
  private final long startMillis;
  private final int parallelismHint;
  private final Map<String, Running> running = new LinkedHashMap<>();
  private TuningProgress last;
  private long finishedMillis;
  private int finishedCount;
  private int mostRunning;
  private boolean over;

  /** A running job: when it started, the last round it reported (-1 before its first). */
  private static final class Running {
    final long startMillis;
    int round = -1;

    Running(long startMillis) {
      this.startMillis = startMillis;
    }
  }

  /**
   * @param nowMillis       a monotonic clock in milliseconds
   * @param parallelismHint MaxParallelTrainingJobs when known, else 0 (the most jobs seen
   *                        running at once is used)
   */
  ProgressTracker(LongSupplier nowMillis, int parallelismHint) {
    this.nowMillis = nowMillis;
    this.startMillis = nowMillis.getAsLong();
    this.parallelismHint = parallelismHint;
  }

  /** A training job was launched. */
  synchronized void started(String name, TuningProgress p) {
    running.put(name, new Running(nowMillis.getAsLong()));
    mostRunning = Math.max(mostRunning, running.size());
    last = p;
  }

  /** A training job ended. */
  synchronized void finished(String name, TuningProgress p) {
    Running r = running.remove(name);
    if (r != null) {
      finishedMillis += nowMillis.getAsLong() - r.startMillis;
      finishedCount++;
    }
    last = p;
  }

  /** A running job reported a round; a job not (or no longer) running is ignored. */
  synchronized void round(String name, int round) {
    Running r = running.get(name);
    if (r != null && round > r.round) {
      r.round = round;
    }
  }

  /** The tuning job ended (nothing is left: the ETA is 0 even if it ended before its budget). */
  synchronized void ended(TuningProgress p) {
    running.clear();
    over = true;
    last = p;
  }

  /** True once the scheduler reported anything (a tuning job that failed to start reports nothing). */
  synchronized boolean hasProgress() {
    return last != null;
  }

  /** The state now. */
  synchronized ProgressSnapshot snapshot() {
    long now = nowMillis.getAsLong();
    List<ProgressSnapshot.JobRound> rounds = new ArrayList<>();
    List<Long> runningElapsed = new ArrayList<>();
    running.forEach((name, r) -> {
      runningElapsed.add(now - r.startMillis);
      if (r.round >= 0) {
        rounds.add(new ProgressSnapshot.JobRound(JobLabel.of(name), r.round));
      }
    });
    int done = last == null ? 0 : last.finished();
    int total = last == null ? 0 : last.total();
    long eta = over ? 0 : -1;
    if (finishedCount > 0 && !over) {
      int notStarted = Math.max(0, total - done - running.size());
      eta = Eta.estimate(finishedMillis / finishedCount, runningElapsed, notStarted,
          Math.max(parallelismHint, mostRunning));
    }
    return new ProgressSnapshot(done, total, running.size(), last == null ? 0 : last.failed(),
        last == null ? 0 : last.stopped(), last == null ? Double.NaN : last.bestObjective(),
        last == null ? null : last.bestJob(), now - startMillis, eta, rounds);
  }
}
