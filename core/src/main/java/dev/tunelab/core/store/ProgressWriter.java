package dev.tunelab.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Buffers one training job's log lines and metric points and writes them to a {@link JobStore}
 * in batches: a store call costs tens of microseconds whatever its size, so one call per boosting
 * round would dominate a fast XGBoost job (4,000 calls for 20 jobs × 200 rounds), while a few
 * batched calls cost a few milliseconds in all.
 *
 * <p>A batch is written when {@code maxPending} items (lines + points) are waiting, when the
 * oldest waiting item is {@code maxDelay} old at the time of an add or {@link #flushIfDue()}, on
 * {@link #flush()} and on {@link #close()}. So {@code logs --follow} sees a line at most
 * {@code maxDelay} after the next add (or the owner's next {@code flushIfDue}). Close the writer
 * before {@link JobStore#finishTrainingJob}: a finished job accepts no more output.
 *
 * <p>Thread-safe (all methods synchronise on the writer). If a write fails, the batch stays
 * buffered and the exception propagates; the next flush retries it. Ages are measured on a
 * monotonic nanosecond clock, {@link System#nanoTime()} unless a test gives its own.
 */
public final class ProgressWriter implements AutoCloseable {
  /** Default largest number of buffered items (log lines + metric points). */
  public static final int DEFAULT_MAX_PENDING = 2000;
  /** Default longest time an item waits before the next add writes it. */
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofMillis(200);

  private final JobStore store;
  private final String trainingJobName;
  private final int maxPending;
  private final long maxDelayNanos;
  private final LongSupplier nanoClock;
  private final List<LogLine> lines = new ArrayList<>();
  private final List<MetricPoint> points = new ArrayList<>();
  private long oldestNanos;

  /** A writer with {@link #DEFAULT_MAX_PENDING} and {@link #DEFAULT_MAX_DELAY}. */
  public ProgressWriter(JobStore store, String trainingJobName) {
    this(store, trainingJobName, DEFAULT_MAX_PENDING, DEFAULT_MAX_DELAY);
  }

  /**
   * @param maxPending  items buffered before a write, {@code >= 1} (1 = write through)
   * @param maxDelay    how old the oldest buffered item may get before an add writes, {@code >= 0}
   */
  public ProgressWriter(JobStore store, String trainingJobName, int maxPending,
      Duration maxDelay) {
    this(store, trainingJobName, maxPending, maxDelay, System::nanoTime);
  }

  /**
   * @param maxPending  items buffered before a write, {@code >= 1} (1 = write through)
   * @param maxDelay    how old the oldest buffered item may get before an add writes, {@code >= 0}
   * @param nanoClock   a monotonic clock in nanoseconds (as {@link System#nanoTime()}) that
   *                    measures how long items have waited
   */
  public ProgressWriter(JobStore store, String trainingJobName, int maxPending,
      Duration maxDelay, LongSupplier nanoClock) {
    this.nanoClock = Checks.requireNonNull(nanoClock, "nanoClock");
    this.store = Checks.requireNonNull(store, "store");
    this.trainingJobName = Checks.requireName(trainingJobName, "trainingJobName");
    if (maxPending < 1) {
      throw new IllegalArgumentException("maxPending must be >= 1, got " + maxPending);
    }
    if (maxDelay == null || maxDelay.isNegative()) {
      throw new IllegalArgumentException("maxDelay must be a duration >= 0, got " + maxDelay);
    }
    this.maxPending = maxPending;
    this.maxDelayNanos = maxDelay.toNanos();
  }

  /** Buffers one log line (raw text, tabs kept). */
  public synchronized void log(Instant time, String text) {
    noteFirst();
    lines.add(LogLine.of(time, text));
    flushIfFull();
  }

  /** Buffers one metric observation. */
  public synchronized void metric(MetricPoint point) {
    Checks.requireNonNull(point, "metric point");
    noteFirst();
    points.add(point);
    flushIfFull();
  }

  /** Buffers a round's output: its log lines and metric points. */
  public synchronized void add(List<LogLine> roundLines, List<MetricPoint> roundPoints) {
    for (LogLine line : roundLines) {
      Checks.requireNonNull(line, "log line");
    }
    for (MetricPoint point : roundPoints) {
      Checks.requireNonNull(point, "metric point");
    }
    noteFirst();
    lines.addAll(roundLines);
    points.addAll(roundPoints);
    flushIfFull();
  }

  /** Writes the buffer if its oldest item has waited {@code maxDelay}; cheap otherwise. */
  public synchronized void flushIfDue() {
    if (pending() > 0 && nanoClock.getAsLong() - oldestNanos >= maxDelayNanos) {
      flush();
    }
  }

  /** Writes everything buffered now, in one transaction. */
  public synchronized void flush() {
    if (pending() == 0) {
      return;
    }
    store.appendProgress(trainingJobName, lines, points);
    lines.clear();
    points.clear();
  }

  /** Items (lines + points) buffered and not yet written. */
  public synchronized int pending() {
    return lines.size() + points.size();
  }

  /** Flushes; the store itself stays open. */
  @Override
  public synchronized void close() {
    flush();
  }

  private void noteFirst() {
    if (pending() == 0) {
      oldestNanos = nanoClock.getAsLong();
    }
  }

  private void flushIfFull() {
    if (pending() >= maxPending) {
      flush();
    } else {
      flushIfDue();
    }
  }
}
