package dev.tunelab.core.job;

import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.LogLine;
import dev.tunelab.core.store.MetricPoint;
import dev.tunelab.core.train.TrainingListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a running job's log lines and metrics to the store in batches (every
 * {@value #MAX_BATCH} items or {@value #MAX_DELAY_MS} ms, and at {@link #flush()}), so that a
 * second process following the log sees it within a fraction of a second while a fast job costs
 * few transactions. Forwards everything to an observer, whose answer to
 * {@link TrainingListener#metric} decides whether training continues. Thread-safe.
 */
public final class RecordingListener implements TrainingListener {

  static final int MAX_BATCH = 512;
  static final long MAX_DELAY_MS = 250;

  private final JobStore store;
  private final String jobName;
  private final TrainingListener observer;
  private final List<LogLine> lines = new ArrayList<>();
  private final List<MetricPoint> points = new ArrayList<>();
  private long lastFlush = System.currentTimeMillis();

  /**
   * @param store    where to write
   * @param jobName  the training job
   * @param observer who else hears about lines and metrics (console, early-stopping rule)
   */
  public RecordingListener(JobStore store, String jobName, TrainingListener observer) {
    this.store = store;
    this.jobName = jobName;
    this.observer = observer == null ? TrainingListener.NONE : observer;
  }

  @Override
  public void log(String line) {
    synchronized (this) {
      lines.add(new LogLine(0, Instant.now(), line));
      maybeFlush();
    }
    observer.log(line);
  }

  @Override
  public boolean metric(String name, int iteration, double value) {
    synchronized (this) {
      points.add(new MetricPoint(name, iteration, value, Instant.now()));
      maybeFlush();
    }
    return observer.metric(name, iteration, value);
  }

  private void maybeFlush() {
    if (lines.size() + points.size() >= MAX_BATCH || System.currentTimeMillis() - lastFlush >= MAX_DELAY_MS) {
      flush();
    }
  }

  /** Writes everything buffered. */
  public synchronized void flush() {
    if (!lines.isEmpty()) {
      store.appendLogLines(jobName, List.copyOf(lines));
      lines.clear();
    }
    if (!points.isEmpty()) {
      store.appendMetrics(jobName, List.copyOf(points));
      points.clear();
    }
    lastFlush = System.currentTimeMillis();
  }
}
