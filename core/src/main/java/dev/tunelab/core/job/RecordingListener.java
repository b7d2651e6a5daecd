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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapts a trainer's reports to the store and the job folder: log lines and metrics go through
 * a batching {@link ProgressWriter} (so a fast job costs few transactions while a second process
 * following the log still sees it within a fraction of a second), log lines are also appended to
 * the job's log stream file {@code jobs/<name>/training.log} (as CloudWatch shows them, a TAB as
 * {@code #011}), and everything is forwarded to an observer, whose answer to
 * {@link TrainingListener#metric} decides whether training continues. A shared daemon thread
 * writes what a quiet job has buffered every {@link #FLUSH_PERIOD_MILLIS} ms, so {@code metrics}
 * and {@code logs --follow} in another process see a job's last rounds even when it then prints
 * nothing for a while. Thread-safe.
 */
public final class RecordingListener implements TrainingListener {

  /** The log stream file in a job's folder. */
  public static final String LOG_FILE = "training.log";

  /** How often buffered output of a quiet job is written, in milliseconds. */
  public static final long FLUSH_PERIOD_MILLIS = 250;

  private static final Logger LOG = LoggerFactory.getLogger(RecordingListener.class);

  private static final ScheduledExecutorService FLUSHER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "tunelab-progress-flusher");
    t.setDaemon(true);
    return t;
  });

  private final ProgressWriter writer;
  private final TrainingListener observer;
  private BufferedWriter logFile;
  private final ScheduledFuture<?> periodicFlush;

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
    this.periodicFlush = FLUSHER.scheduleWithFixedDelay(this::flushQuietOutput, FLUSH_PERIOD_MILLIS,
        FLUSH_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void flushQuietOutput() {
    try {
      writer.flushIfDue();
      synchronized (this) {
        if (logFile != null) {
          logFile.flush();
        }
      }
    } catch (IOException | RuntimeException e) {
      // the next add or the final flush retries; a scheduled task that threw would never run again
      LOG.debug("periodic flush failed: {}", e.toString());
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
    periodicFlush.cancel(false);
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
