package dev.tunelab.core.job;

import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.MetricPoint;
import dev.tunelab.core.store.ProgressWriter;
import dev.tunelab.core.train.TrainingListener;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapts a trainer's reports to the store and the job folder: log lines and metrics go through
 * a batching {@link ProgressWriter} (so a fast job costs few transactions while a second process
 * following the log still sees it within a fraction of a second), log lines are also appended to
 * the job's log stream file {@code jobs/<name>/training.log} (as CloudWatch shows them, a TAB as
 * {@code #011}), and everything is forwarded to an observer, whose answer to
 * {@link TrainingListener#metric} decides whether training continues. Thread-safe.
 */
public final class RecordingListener implements TrainingListener {

  /** The log stream file in a job's folder. */
  public static final String LOG_FILE = "training.log";

  private static final Logger LOG = LoggerFactory.getLogger(RecordingListener.class);

  private final ProgressWriter writer;
  private final TrainingListener observer;
  private BufferedWriter logFile;

  /**
   * @param store    where to write
   * @param jobName  the training job
   * @param jobDir   the job's folder (its log stream file goes there), or {@code null}
   * @param observer who else hears about lines and metrics (console, early-stopping rule)
   */
  public RecordingListener(JobStore store, String jobName, Path jobDir, TrainingListener observer) {
    this.writer = new ProgressWriter(store, jobName);
    this.observer = observer == null ? TrainingListener.NONE : observer;
    if (jobDir != null) {
      try {
        this.logFile = Files.newBufferedWriter(jobDir.resolve(LOG_FILE));
      } catch (IOException e) {
        LOG.warn("cannot write the log stream file of {}: {}", jobName, e.toString());
      }
    }
  }

  @Override
  public void log(String line) {
    writer.log(Instant.now(), line);
    synchronized (this) {
      if (logFile != null) {
        try {
          logFile.write(LogFormat.cloudWatch(line));
          logFile.newLine();
        } catch (IOException e) {
          LOG.warn("log stream file write failed: {}", e.toString());
          closeFile();
        }
      }
    }
    observer.log(line);
  }

  @Override
  public boolean metric(String name, int iteration, double value) {
    writer.metric(new MetricPoint(name, iteration, value, Instant.now()));
    return observer.metric(name, iteration, value);
  }

  /** Writes everything buffered and closes the writer and the log file; call before finishing the job. */
  public void flush() {
    synchronized (this) {
      closeFile();
    }
    writer.close();
  }

  private void closeFile() {
    if (logFile != null) {
      try {
        logFile.close();
      } catch (IOException e) {
        LOG.warn("log stream file close failed: {}", e.toString());
      }
      logFile = null;
    }
  }
}
