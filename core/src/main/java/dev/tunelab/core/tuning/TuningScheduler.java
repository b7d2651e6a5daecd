package dev.tunelab.core.tuning;

import dev.tunelab.core.job.JobContext;
import dev.tunelab.core.job.PreparedTrainingJob;
import dev.tunelab.core.job.TrainingJobRunner;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import dev.tunelab.core.train.TrainingListener;
import dev.tunelab.optimizer.Direction;
import dev.tunelab.optimizer.History;
import dev.tunelab.optimizer.Observation;
import dev.tunelab.optimizer.Strategies;
import dev.tunelab.optimizer.Strategy;
import dev.tunelab.optimizer.space.Configuration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one tuning job to its end: keeps at most MaxParallelTrainingJobs training jobs running,
 * starts a new one as soon as a slot frees (asking the strategy on this thread, with the running
 * jobs as pending observations), records every state change in the store, and ends on the job
 * budget, an exhausted grid, a stop request (from any process, or Ctrl-C), or
 * ResourceLimits.MaxRuntimeInSeconds.
 *
 * <p>Counting follows SageMaker: every launched training job counts toward
 * MaxNumberOfTrainingJobs, except those that failed because the tuning process itself died
 * (marked retryable by the store, reason {@value #RETRYABLE_PREFIX}...), which are replaced, as SageMaker replaces jobs that hit
 * a retryable error.
 */
final class TuningScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(TuningScheduler.class);
  /** Failure reasons with this prefix do not count toward the job budget. */
  static final String RETRYABLE_PREFIX = "RetryableError";
  private static final long POLL_MS = 50;

  private final JobStore store;
  private final PreparedTuningJob job;
  private final TuningJobSpec spec;
  private final Strategy strategy;
  private final TuningObserver observer;
  private final AtomicBoolean interrupt;
  private final AtomicBoolean stopJobs = new AtomicBoolean();
  private final List<Observation> finishedObservations = new ArrayList<>();
  private final Map<String, Configuration> running = new LinkedHashMap<>();
  private final int threadsPerJob;
  private int counted;
  private int completed;
  private int failed;
  private String bestJob;
  private double bestObjective = Double.NaN;
  private final AtomicInteger nextSequence;
  private final long startNanos = System.nanoTime();

  TuningScheduler(JobStore store, PreparedTuningJob job, TuningObserver observer, AtomicBoolean interrupt,
      List<TrainingJobRecord> earlierJobs, int nextSequence) {
    this.store = store;
    this.job = job;
    this.spec = job.spec();
    this.observer = observer;
    this.interrupt = interrupt;
    this.strategy = Strategies.create(spec.strategy(), spec.space(), spec.direction(), spec.randomSeed());
    this.threadsPerJob = Math.max(1, Runtime.getRuntime().availableProcessors() / spec.maxParallelJobs());
    this.nextSequence = new AtomicInteger(nextSequence);
    for (TrainingJobRecord r : earlierJobs) {
      account(r);
    }
  }

  /** Runs until the tuning job ends; returns its final record. */
  TuningJobRecord run(TrainingJobRunner runner) {
    ExecutorService pool = Executors.newFixedThreadPool(spec.maxParallelJobs(), r -> {
      Thread t = new Thread(r, "tunelab-training");
      t.setDaemon(true);
      return t;
    });
    CompletionService<TrainingJobRecord> done = new ExecutorCompletionService<>(pool);
    Instant deadline = spec.maxRuntime() == null ? null
        : store.tuningJob(spec.name()).orElseThrow().creationTime().plus(spec.maxRuntime());
    boolean stopping = false;
    boolean exhausted = false;
    String endReason = null;
    try {
      while (true) {
        if (!stopping) {
          String why = stopReason(deadline);
          if (why != null) {
            stopping = true;
            endReason = why;
            stopJobs.set(true);
            if (!why.startsWith("MaxRuntime")) {
              store.updateTuningJobStatus(spec.name(), TuningJobStatus.Stopping, null, null);
            }
            observer.notice(why + (running.isEmpty() ? "" : "; stopping " + running.size() + " running training job(s)"));
          }
        }
        if (!stopping && !exhausted) {
          exhausted = launchWhatFits(runner, done);
        }
        if (running.isEmpty()) {
          break;
        }
        Future<TrainingJobRecord> f = done.poll(POLL_MS, TimeUnit.MILLISECONDS);
        while (f != null) {
          TrainingJobRecord r = f.get();
          running.remove(r.name());
          account(r);
          observer.jobFinished(r, progress());
          f = done.poll();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopJobs.set(true);
      endReason = "interrupted";
    } catch (ExecutionException e) {
      throw new IllegalStateException("training job task failed unexpectedly", e.getCause());
    } finally {
      pool.shutdown();
    }
    return finish(stopping, endReason);
  }

  private String stopReason(Instant deadline) {
    if (interrupt.get()) {
      return "Stop requested (interrupt)";
    }
    if (store.stopRequested(spec.name())) {
      return "Stop requested (stop-hyper-parameter-tuning-job)";
    }
    if (deadline != null && Instant.now().isAfter(deadline)) {
      return "MaxRuntimeInSeconds (" + spec.maxRuntime().toSeconds() + " s) reached";
    }
    return null;
  }

  /** Launches as many jobs as slots and budget allow; returns true when the strategy is exhausted. */
  private boolean launchWhatFits(TrainingJobRunner runner, CompletionService<TrainingJobRecord> done) {
    int free = Math.min(spec.maxParallelJobs() - running.size(), spec.maxTrainingJobs() - counted - running.size());
    if (free <= 0) {
      return false;
    }
    List<Observation> history = new ArrayList<>(finishedObservations);
    running.values().forEach(c -> history.add(Observation.pending(c)));
    List<Configuration> proposals = strategy.suggest(new History(history), free);
    for (Configuration c : proposals) {
      launch(runner, done, c);
    }
    return proposals.isEmpty();
  }

  private void launch(TrainingJobRunner runner, CompletionService<TrainingJobRecord> done, Configuration c) {
    int seq = nextSequence.getAndIncrement();
    String name = trainingJobName(spec.name(), spec.randomSeed(), seq);
    Map<String, String> tuned = c.asStrings();
    Map<String, String> hps = new LinkedHashMap<>(spec.staticHyperParameters());
    hps.putAll(tuned);
    PreparedTrainingJob prepared = TrainingJobRunner.derive(job.template(), name, hps);
    TrainingListener listener = new TrainingListener() {
      @Override public void log(String line) {
        observer.trainingLog(name, line);
      }
      @Override public boolean metric(String metric, int iteration, double value) {
        return true;
      }
    };
    JobContext ctx = new JobContext(spec.name(), seq, tuned, spec.objectiveMetric(), listener, stopJobs::get,
        threadsPerJob);
    running.put(name, c);
    observer.jobStarted(name, tuned, progress());
    done.submit(() -> runner.run(prepared, ctx));
  }

  /** SageMaker's training job name: {@code <tuning-job>-<NNN>-<8 hex>}, the hex drawn from the seed. */
  static String trainingJobName(String tuningJob, long seed, int sequence) {
    long bits = new SplittableRandom(seed * 1_000_003L + sequence).nextLong();
    return String.format(Locale.ROOT, "%s-%03d-%08x", tuningJob, sequence, bits & 0xffffffffL);
  }

  private void account(TrainingJobRecord r) {
    Configuration c = Configurations.fromStrings(spec.space(), r.tunedHyperParameters());
    boolean retryable = r.status() == TrainingJobStatus.Failed && r.retryableFailure();
    if (!retryable) {
      counted++;
    }
    Double v = r.objectiveValue();
    if (v != null && Double.isFinite(v)
        && (r.status() == TrainingJobStatus.Completed || r.status() == TrainingJobStatus.Stopped)) {
      finishedObservations.add(Observation.completed(c, v));
      if (bestJob == null || better(v, bestObjective)) {
        bestJob = r.name();
        bestObjective = v;
        store.setBestTrainingJob(spec.name(), r.name());
      }
    } else if (!retryable) {
      finishedObservations.add(Observation.failed(c));
    }
    if (r.status() == TrainingJobStatus.Completed) {
      completed++;
    } else if (r.status() == TrainingJobStatus.Failed) {
      failed++;
    }
  }

  private boolean better(double a, double b) {
    return spec.direction() == Direction.MINIMIZE ? a < b : a > b;
  }

  TuningProgress progress() {
    return new TuningProgress(counted, spec.maxTrainingJobs(), running.size(), completed, failed, bestJob,
        bestObjective, (System.nanoTime() - startNanos) / 1_000_000);
  }

  private TuningJobRecord finish(boolean stopped, String reason) {
    TuningJobStatus status;
    String failure = null;
    if (stopped && reason != null && !reason.startsWith("MaxRuntime")) {
      status = TuningJobStatus.Stopped;
    } else if (bestJob == null) {
      status = TuningJobStatus.Failed;
      failure = counted == 0 ? "No training job ran" + (reason == null ? "" : " (" + reason + ")")
          : "All training jobs failed: no training job emitted the objective metric " + spec.objectiveMetric();
    } else {
      status = TuningJobStatus.Completed;
    }
    if (reason != null && reason.startsWith("MaxRuntime")) {
      store.putTuningJobAttribute(spec.name(), "CompletionReason", reason);
    }
    store.updateTuningJobStatus(spec.name(), status, failure, Instant.now());
    TuningJobRecord rec = store.tuningJob(spec.name()).orElseThrow();
    LOG.debug("tuning job {} ended {}", spec.name(), status);
    observer.finished(rec, progress());
    return rec;
  }
}
