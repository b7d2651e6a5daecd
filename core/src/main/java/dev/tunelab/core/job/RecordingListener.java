package dev.tunelab.core.job;

import dev.tunelab.core.io.OutputWriteException;
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
 *
 * <p>Log storage is bounded ({@link LogLimits#DEFAULT}): the store keeps a job's first
 * {@value LogLimits#STORED_LINES} lines or {@value LogLimits#STORED_BYTES} bytes (UTF-8),
 * whichever comes first, then one marker line saying how many lines were left out and that
 * {@code training.log} has them; {@code training.log} keeps everything up to
 * {@value LogLimits#FILE_BYTES} bytes, then ends with one marker line. A failed write of
 * {@code training.log} (a full disk, {@code ulimit -f}) closes the file with a marker where it
 * can and never stops the job; the store still gets its share.
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
  private final LogLimits limits;
  private final String jobName;
  private BufferedWriter logFile;
  private long storedLines;
  private long storedBytes;
  private long linesNotStored;
  private long fileBytes;
  private long linesNotInFile;
  private boolean fileFailed;
  private final ScheduledFuture<?> periodicFlush;

  /**
   * @param store    where to write
   * @param jobName  the training job
   * @param jobDir   the job's folder (its log stream file goes there), or {@code null}
   * @param observer who else hears about lines and metrics (console, early-stopping rule)
   */
  public RecordingListener(JobStore store, String jobName, Path jobDir, TrainingListener observer) {
    this(store, jobName, jobDir, observer, LogLimits.DEFAULT);
  }

  /**
   * As {@link #RecordingListener(JobStore, String, Path, TrainingListener)}, with other log
   * limits (small ones in tests).
   */
  public RecordingListener(JobStore store, String jobName, Path jobDir, TrainingListener observer,
      LogLimits limits) {
    this.limits = limits;
    this.jobName = jobName;
    this.writer = new ProgressWriter(store, jobName);
    this.observer = observer == null ? TrainingListener.NONE : observer;
    if (jobDir != null) {
      try {
        this.logFile = Files.newBufferedWriter(jobDir.resolve(LOG_FILE));
      } catch (IOException e) {
        LOG.warn("cannot write the log stream file of {}: {}", jobName, OutputWriteException.reason(e));
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
    long bytes = utf8Length(line) + 1;
    boolean store;
    synchronized (this) {
      store = linesNotStored == 0 && storedLines < limits.storedLines()
          && storedBytes + bytes <= limits.storedBytes();
      if (store) {
        storedLines++;
        storedBytes += bytes;
      } else {
        linesNotStored++;
      }
      if (logFile != null && fileBytes + bytes <= limits.fileBytes()) {
        try {
          logFile.write(LogFormat.cloudWatch(line));
          logFile.newLine();
          fileBytes += bytes;
        } catch (IOException e) {
          LOG.warn("{} of {} cannot be written ({}); the job goes on, its log is kept in the store"
              + " up to the store's limit", LOG_FILE, jobName, OutputWriteException.reason(e));
          fileFailed = true;
          linesNotInFile++;
          closeFile();
        }
      } else {
        linesNotInFile++;
      }
    }
    if (store) {
      writer.log(Instant.now(), line);
    }
    observer.log(line);
  }

  /** UTF-8 length of a line without encoding it. */
  private static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
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
      if (linesNotInFile > 0 && logFile != null) {
        try {
          logFile.write("[tunelab] " + LOG_FILE + " stopped at its limit of " + limits.fileBytes()
              + " bytes: " + linesNotInFile + " more lines were left out");
          logFile.newLine();
        } catch (IOException e) {
          LOG.warn("{} of {}: cannot write its final marker ({})", LOG_FILE, jobName,
              OutputWriteException.reason(e));
          fileFailed = true;
        }
      }
      closeFile();
      if (linesNotStored > 0) {
        String where = fileFailed ? LOG_FILE + " has those it could write"
            : LOG_FILE + " in the job folder has them";
        writer.log(Instant.now(), "[tunelab] " + linesNotStored + " more log lines are not stored (the store"
            + " keeps a job's first " + limits.storedLines() + " lines or " + limits.storedBytes()
            + " bytes); " + where);
      }
    }
    writer.close();
  }

  private void closeFile() {
    if (logFile != null) {
      try {
        logFile.close();
      } catch (IOException e) {
        if (!fileFailed) {
          LOG.warn("{} of {} cannot be written ({})", LOG_FILE, jobName, OutputWriteException.reason(e));
        }
        fileFailed = true;
      }
      logFile = null;
    }
  }
}
