package dev.tunelab.core.job;

import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.MetricPoint;
import dev.tunelab.core.store.ProgressWriter;
import dev.tunelab.core.train.TrainingListener;
import java.time.Instant;

/**
 * Adapts a trainer's reports to the store: log lines and metrics go through a batching
 * {@link ProgressWriter} (so a fast job costs few transactions while a second process following
 * the log still sees it within a fraction of a second), and everything is forwarded to an
 * observer, whose answer to {@link TrainingListener#metric} decides whether training continues.
 * Thread-safe.
 */
public final class RecordingListener implements TrainingListener {

  private final ProgressWriter writer;
  private final TrainingListener observer;

  /**
   * @param store    where to write
   * @param jobName  the training job
   * @param observer who else hears about lines and metrics (console, early-stopping rule)
   */
  public RecordingListener(JobStore store, String jobName, TrainingListener observer) {
    this.writer = new ProgressWriter(store, jobName);
    this.observer = observer == null ? TrainingListener.NONE : observer;
  }

  @Override
  public void log(String line) {
    writer.log(Instant.now(), line);
    observer.log(line);
  }

  @Override
  public boolean metric(String name, int iteration, double value) {
    writer.metric(new MetricPoint(name, iteration, value, Instant.now()));
    return observer.metric(name, iteration, value);
  }

  /** Writes everything buffered and closes the writer; call before finishing the job. */
  public void flush() {
    writer.close();
  }
}
