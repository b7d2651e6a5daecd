package dev.tunelab.core.store;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link JobStore} that takes a tuning job's per-training-job bookkeeping off its training
 * threads: recording a job that starts, its log lines and metrics, its end, and the tuning job's
 * best job are queued and written by one background thread, every write queued meanwhile in one
 * transaction ({@link JobStore#writeTogether}). The end of a job returns its finished record
 * built in memory from what was recorded, without waiting for the write.
 *
 * <p>Every other call first waits until everything queued is written, so this process always
 * reads what it wrote; other processes see each write a few milliseconds later than they would
 * have. {@link #stopRequested} reads straight through (another process writes that flag). Should a
 * queued write fail, it is retried alone; if it still fails, the failure is logged and the next
 * call that waits (and {@link #close()}) throws it, so the tuning job ends with the error rather
 * than with a store that silently lacks a job's end.
 *
 * <p>{@link #close()} writes what is queued and stops the thread; the wrapped store stays open
 * (its owner closes it). Thread-safe.
 */
public final class WriteBehindJobStore implements JobStore {

  private static final Logger LOG = LoggerFactory.getLogger(WriteBehindJobStore.class);

  private final JobStore store;
  private final Object monitor = new Object();
  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
  /** The jobs recorded through {@link #startTrainingJob}, by name, until they finish. */
  private final Map<String, NewTrainingJob> started = new ConcurrentHashMap<>();
  private final Thread writer;
  private boolean writing;
  private boolean closed;
  private RuntimeException failure;

  /** Wraps {@code store} and starts the writer thread. */
  public WriteBehindJobStore(JobStore store) {
    this.store = Checks.requireNonNull(store, "store");
    this.writer = new Thread(this::writeLoop, "tunelab-store-writer");
    writer.setDaemon(true);
    writer.start();
  }

  // ---- queued writes ---------------------------------------------------------------------

  @Override
  public void startTrainingJob(NewTrainingJob job, ProcessOwner owner) {
    Checks.requireNonNull(job, "job");
    Checks.requireNonNull(owner, "owner");
    started.put(job.name(), job);
    enqueue(() -> store.startTrainingJob(job, owner));
  }

  @Override
  public void appendProgress(String name, List<LogLine> lines, List<MetricPoint> points) {
    Checks.requireNonNull(lines, "lines");
    Checks.requireNonNull(points, "points");
    if (lines.isEmpty() && points.isEmpty()) {
      return;
    }
    List<LogLine> l = List.copyOf(lines);
    List<MetricPoint> p = List.copyOf(points);
    enqueue(() -> store.appendProgress(name, l, p));
  }

  /**
   * Queues the end of a job; for a job recorded through {@link #startTrainingJob}, returns the
   * record the store will hold (built here), else waits and returns the store's.
   */
  @Override
  public TrainingJobRecord finishTrainingJob(String name, TrainingJobResult result) {
    Checks.requireNonNull(result, "result");
    NewTrainingJob job = started.remove(name);
    if (job == null) {
      drain();
      return store.finishTrainingJob(name, result);
    }
    enqueue(() -> store.finishTrainingJob(name, result));
    return finished(job, result);
  }

  @Override
  public void setBestTrainingJob(String tuningJobName, String trainingJobName) {
    enqueue(() -> store.setBestTrainingJob(tuningJobName, trainingJobName));
  }

  /** The record of a job started at its creation time and ended with {@code result}. */
  static TrainingJobRecord finished(NewTrainingJob job, TrainingJobResult result) {
    Instant end = result.endTime();
    return new TrainingJobRecord(job.name(), job.tuningJobName(), job.sequence(), result.status(),
        job.hyperParameters(), job.tunedHyperParameters(), job.specJson(), job.creationTime(),
        job.creationTime(), end, end, result.finalMetrics(), result.objectiveValue(),
        ObjectiveStatus.of(result.status(), result.objectiveValue()), result.modelArtifact(),
        result.failureReason(), job.jobDir(), result.roundsTrained(), result.retryableFailure());
  }

  // ---- everything else waits for the queue -----------------------------------------------

  @Override
  public void createTrainingJob(NewTrainingJob job, ProcessOwner owner) {
    drain();
    store.createTrainingJob(job, owner);
  }

  @Override
  public void markTrainingStarted(String name, Instant startTime) {
    drain();
    store.markTrainingStarted(name, startTime);
  }

  @Override
  public boolean markTrainingStopping(String name) {
    drain();
    return store.markTrainingStopping(name);
  }

  @Override
  public Optional<TrainingJobRecord> trainingJob(String name) {
    drain();
    return store.trainingJob(name);
  }

  @Override
  public Optional<ProcessOwner> trainingJobOwner(String name) {
    drain();
    return store.trainingJobOwner(name);
  }

  @Override
  public List<TrainingJobRecord> trainingJobsOf(String tuningJobName) {
    drain();
    return store.trainingJobsOf(tuningJobName);
  }

  @Override
  public List<TrainingJobRecord> trainingJobs() {
    drain();
    return store.trainingJobs();
  }

  @Override
  public List<LogLine> logLines(String name, long afterSeq, int limit) {
    drain();
    return store.logLines(name, afterSeq, limit);
  }

  @Override
  public List<MetricPoint> metrics(String name) {
    drain();
    return store.metrics(name);
  }

  @Override
  public void deleteTrainingJob(String name) {
    drain();
    store.deleteTrainingJob(name);
  }

  @Override
  public void createTuningJob(NewTuningJob job) {
    drain();
    store.createTuningJob(job);
  }

  @Override
  public Optional<TuningJobRecord> tuningJob(String name) {
    drain();
    return store.tuningJob(name);
  }

  @Override
  public List<TuningJobRecord> tuningJobs() {
    drain();
    return store.tuningJobs();
  }

  @Override
  public void updateTuningJobStatus(String name, TuningJobStatus status, String failureReason, Instant endTime) {
    drain();
    store.updateTuningJobStatus(name, status, failureReason, endTime);
  }

  @Override
  public void putTuningJobAttribute(String tuningJobName, TuningJobAttribute attribute, String value) {
    drain();
    store.putTuningJobAttribute(tuningJobName, attribute, value);
  }

  @Override
  public Optional<String> tuningJobAttribute(String tuningJobName, TuningJobAttribute attribute) {
    drain();
    return store.tuningJobAttribute(tuningJobName, attribute);
  }

  @Override
  public Optional<ProcessOwner> claimTuningJob(String tuningJobName) {
    drain();
    return store.claimTuningJob(tuningJobName);
  }

  @Override
  public boolean requestStop(String tuningJobName) {
    drain();
    return store.requestStop(tuningJobName);
  }

  /** Reads straight through: the flag is another process's write, not one of this queue's. */
  @Override
  public boolean stopRequested(String tuningJobName) {
    return store.stopRequested(tuningJobName);
  }

  @Override
  public int failStaleTrainingJobs(String tuningJobName, String reason) {
    drain();
    return store.failStaleTrainingJobs(tuningJobName, reason);
  }

  @Override
  public List<TrainingJobRecord> deleteTuningJob(String tuningJobName) {
    drain();
    return store.deleteTuningJob(tuningJobName);
  }

  @Override
  public int nextTrainingJobSequence(String tuningJobName) {
    drain();
    return store.nextTrainingJobSequence(tuningJobName);
  }

  @Override
  public long recordTransformRun(NewTransformRun run) {
    drain();
    return store.recordTransformRun(run);
  }

  @Override
  public List<TransformRunRecord> transformRuns() {
    drain();
    return store.transformRuns();
  }

  @Override
  public void checkHealth() {
    drain();
    store.checkHealth();
  }

  @Override
  public void writeTogether(Runnable writes) {
    drain();
    store.writeTogether(writes);
  }

  /**
   * Writes everything queued, stops the writer thread and throws a write that failed; the
   * wrapped store stays open.
   */
  @Override
  public void close() {
    try {
      drain();
    } finally {
      synchronized (monitor) {
        closed = true;
        monitor.notifyAll();
      }
    }
  }

  @Override
  public String toString() {
    return "WriteBehindJobStore[" + store + "]";
  }

  // ---- the writer ------------------------------------------------------------------------

  private void enqueue(Runnable write) {
    synchronized (monitor) {
      if (closed) {
        throw new IllegalStateException("the store's writer is closed");
      }
      throwFailure();
      queue.add(write);
      monitor.notifyAll();
    }
  }

  /** Waits until everything queued so far is written; throws a write that failed. */
  public void drain() {
    boolean interrupted = false;
    synchronized (monitor) {
      while (!queue.isEmpty() || writing) {
        try {
          monitor.wait();
        } catch (InterruptedException e) {
          interrupted = true; // the queue is written whatever happens: a lost write is worse
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      throwFailure();
    }
  }

  private void throwFailure() {
    if (failure != null) {
      throw new JobStoreException("a queued write to the job store failed: " + failure.getMessage(), failure);
    }
  }

  private void writeLoop() {
    while (true) {
      List<Runnable> batch;
      synchronized (monitor) {
        while (queue.isEmpty() && !closed) {
          try {
            monitor.wait();
          } catch (InterruptedException e) {
            // only close() ends this thread
          }
        }
        if (queue.isEmpty()) {
          return;
        }
        batch = new ArrayList<>(queue);
        queue.clear();
        writing = true;
      }
      RuntimeException failed = write(batch);
      synchronized (monitor) {
        writing = false;
        if (failed != null && failure == null) {
          failure = failed;
        }
        monitor.notifyAll();
      }
    }
  }

  /** Writes a batch in one transaction, or one by one if that fails; returns the first failure. */
  private RuntimeException write(List<Runnable> batch) {
    try {
      store.writeTogether(() -> batch.forEach(Runnable::run));
      return null;
    } catch (RuntimeException together) {
      RuntimeException first = null;
      for (Runnable w : batch) {
        try {
          w.run();
        } catch (RuntimeException alone) {
          LOG.warn("a queued write to the job store failed: {}", alone.toString());
          first = first == null ? alone : first;
        }
      }
      return first;
    }
  }
}
