package dev.tunelab.core.tuning;

import dev.tunelab.core.job.JobContext;
import dev.tunelab.core.job.PreparedTrainingJob;
import dev.tunelab.core.job.TrainingJobRunner;
import dev.tunelab.core.spec.JsonSpecReader;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.MetricPoint;
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
import dev.tunelab.optimizer.stopping.AsyncHyperbandRule;
import dev.tunelab.optimizer.stopping.MedianStoppingRule;
import dev.tunelab.optimizer.stopping.StoppingRule;
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
 * jobs as pending observations and the warm-start parents' results as prior observations),
 * applies the early-stopping rule (TrainingJobEarlyStoppingType Auto: median rule; Hyperband:
 * asynchronous successive halving) to every running job after each round, records every state
 * change in the store, and ends on the job budget, an exhausted grid, a completion criterion, a
 * stop request (from any process, or Ctrl-C), or ResourceLimits.MaxRuntimeInSeconds.
 *
 * <p>Counting follows SageMaker: every launched training job counts toward
 * MaxNumberOfTrainingJobs, except those that failed because the tuning process itself died
 * (marked retryable by the store, reason {@value #RETRYABLE_PREFIX}...), which are replaced, as
 * SageMaker replaces jobs that hit a retryable error.
 *
 * <p>Completion criteria: TargetObjectiveMetricValue ends the job once the best objective reaches
 * it; BestObjectiveNotImproving once that many consecutive finished jobs did not improve the best
 * by more than 1% (relative); ConvergenceDetected (TuneLab's rule) once at least
 * {@value #CONVERGENCE_MIN_JOBS} jobs have an objective and the best improved by less than 1%
 * over the later half of them. Running jobs are then stopped and the tuning job is Completed.
 */
final class TuningScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(TuningScheduler.class);
  /** Failure reasons with this prefix do not count toward the job budget. */
  static final String RETRYABLE_PREFIX = "RetryableError";
  /** Relative improvement that counts as improving (SageMaker: 1%). */
  static final double IMPROVEMENT = 0.01;
  /** Jobs with an objective needed before convergence can be detected. */
  static final int CONVERGENCE_MIN_JOBS = 10;
  /** Attribute holding the TuningJobCompletionDetails JSON. */
  static final String COMPLETION_DETAILS = "TuningJobCompletionDetails";
  private static final long POLL_MS = 50;

  private final JobStore store;
  private final PreparedTuningJob job;
  private final TuningJobSpec spec;
  private final Strategy strategy;
  private final StoppingRule stoppingRule;
  private final TuningObserver observer;
  private final AtomicBoolean interrupt;
  private final AtomicBoolean stopJobs = new AtomicBoolean();
  private final List<Observation> finishedObservations = new ArrayList<>();
  private final List<Double> objectivesInOrder = new ArrayList<>();
  private final Map<String, Configuration> running = new LinkedHashMap<>();
  private final int threadsPerJob;
  private int counted;
  private int completed;
  private int failed;
  private int notImproving;
  private String bestJob;
  private double bestObjective = Double.NaN;
  private Instant convergenceDetected;
  private final AtomicInteger nextSequence;
  private final long startNanos = System.nanoTime();

  TuningScheduler(JobStore store, PreparedTuningJob job, TuningObserver observer, AtomicBoolean interrupt,
      List<TrainingJobRecord> earlierJobs, int nextSequence) {
    this.store = store;
    this.job = job;
    this.spec = job.spec();
    this.observer = observer;
    this.interrupt = interrupt;
    boolean hyperband = spec.strategy() == dev.tunelab.core.spec.TuningStrategy.HYPERBAND;
    this.strategy = strategyFor(spec);
    this.stoppingRule = hyperband
        ? new AsyncHyperbandRule(spec.hyperband().minResource(), spec.hyperband().maxResource(), 3.0)
        : spec.earlyStopping() == dev.tunelab.core.spec.EarlyStoppingType.AUTO ? medianRule(spec) : null;
    this.threadsPerJob = dev.tunelab.core.job.ThreadBudget.share(spec.maxParallelJobs());
    this.nextSequence = new AtomicInteger(nextSequence);
    for (TrainingJobRecord r : earlierJobs) {
      replayCurve(r);
      account(r);
    }
  }

  /**
   * The strategy that proposes configurations. Hyperband draws them at random (as
   * asynchronous Hyperband does) and decides their budgets with {@link AsyncHyperbandRule}.
   *
   * @throws IllegalArgumentException when the optimizer cannot build the strategy for the space
   */
  static Strategy strategyFor(TuningJobSpec spec) {
    String name = spec.strategy() == dev.tunelab.core.spec.TuningStrategy.HYPERBAND ? "Random" : spec.strategy().sageMakerName();
    return Strategies.create(name, spec.space(), spec.direction(), spec.randomSeed());
  }

  /**
   * SageMaker's median rule with TuneLab's grace settings: no decision before 5 earlier jobs have
   * data at a round, nor before round max(10, 10% of num_round) (see {@link MedianStoppingRule}).
   */
  private static StoppingRule medianRule(TuningJobSpec spec) {
    try {
      String rounds = spec.staticHyperParameters().get("num_round");
      return rounds == null ? new MedianStoppingRule() : MedianStoppingRule.forMaxRounds(Integer.parseInt(rounds.trim()));
    } catch (NumberFormatException e) {
      return new MedianStoppingRule();
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
    End end = completionReason() == null ? null : new End(completionReason(), TuningJobStatus.Completed);
    boolean exhausted = false;
    try {
      while (true) {
        if (end == null) {
          end = externalStop(deadline);
        }
        if (end != null && !stopJobs.get()) {
          stopJobs.set(true);
          if (end.status == TuningJobStatus.Stopped) {
            store.updateTuningJobStatus(spec.name(), TuningJobStatus.Stopping, null, null);
          }
          observer.notice(end.reason + (running.isEmpty() ? "" : "; stopping " + running.size()
              + " running training job(s)"));
        }
        if (end == null && !exhausted) {
          exhausted = launchWhatFits(runner, done);
        }
        if (running.isEmpty()) {
          break;
        }
        Future<TrainingJobRecord> f = done.poll(POLL_MS, TimeUnit.MILLISECONDS);
        while (f != null) {
          TrainingJobRecord r = f.get();
          running.remove(r.name());
          if (stoppingRule != null) {
            stoppingRule.trialEnded(r.name());
          }
          account(r);
          observer.jobFinished(r, progress());
          if (end == null && completionReason() != null) {
            end = new End(completionReason(), TuningJobStatus.Completed);
          }
          f = done.poll();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopJobs.set(true);
      end = new End("Interrupted", TuningJobStatus.Stopped);
    } catch (ExecutionException e) {
      throw new IllegalStateException("training job task failed unexpectedly", e.getCause());
    } finally {
      pool.shutdown();
    }
    return finish(end);
  }

  /** Why the tuning job ends and in which status. */
  private record End(String reason, TuningJobStatus status) { }

  private End externalStop(Instant deadline) {
    if (interrupt.get()) {
      return new End("Stop requested (interrupt)", TuningJobStatus.Stopped);
    }
    if (store.stopRequested(spec.name())) {
      return new End("Stop requested (stop-hyper-parameter-tuning-job)", TuningJobStatus.Stopped);
    }
    if (deadline != null && Instant.now().isAfter(deadline)) {
      return new End("MaxRuntimeInSeconds (" + spec.maxRuntime().toSeconds() + " s) reached",
          TuningJobStatus.Completed);
    }
    return null;
  }

  /** The completion criterion met, or {@code null}. */
  private String completionReason() {
    TuningJobSpec.CompletionCriteria c = spec.completion();
    if (c.targetObjectiveValue() != null && bestJob != null
        && (spec.direction() == Direction.MINIMIZE ? bestObjective <= c.targetObjectiveValue()
        : bestObjective >= c.targetObjectiveValue())) {
      return "TargetObjectiveMetricValue " + c.targetObjectiveValue() + " reached by " + bestJob + " ("
          + bestObjective + ")";
    }
    if (c.maxJobsNotImproving() > 0 && notImproving >= c.maxJobsNotImproving()) {
      return "BestObjectiveNotImproving: " + notImproving + " training jobs in a row did not improve the best objective by more than 1%";
    }
    if (c.completeOnConvergence() && convergenceDetected != null) {
      return "ConvergenceDetected: the best objective improved by less than 1% over the last "
          + (objectivesInOrder.size() - objectivesInOrder.size() / 2) + " of " + objectivesInOrder.size() + " training jobs";
    }
    return null;
  }

  /** Launches as many jobs as slots and budget allow; returns true when the strategy is exhausted. */
  private boolean launchWhatFits(TrainingJobRunner runner, CompletionService<TrainingJobRecord> done) {
    int free = Math.min(spec.maxParallelJobs() - running.size(), spec.maxTrainingJobs() - counted - running.size());
    if (free <= 0) {
      return false;
    }
    List<Observation> history = new ArrayList<>(job.warmStartObservations());
    history.addAll(finishedObservations);
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
    if (spec.hyperband() != null && spec.definition().algorithm().builtInXgboost()) {
      hps.put("num_round", Integer.toString(spec.hyperband().maxResource()));
    }
    PreparedTrainingJob prepared = TrainingJobRunner.derive(job.template(), name, hps);
    JobContext ctx = new JobContext(spec.name(), seq, tuned, spec.objectiveMetric(), new JobWatcher(name), stopJobs::get,
        threadsPerJob);
    running.put(name, c);
    observer.jobStarted(name, tuned, progress());
    done.submit(() -> runner.run(prepared, ctx));
  }

  /** Forwards a running job's log and feeds its objective to the early-stopping rule. */
  private final class JobWatcher implements TrainingListener {
    private final String name;
    private int lastResource;

    JobWatcher(String name) {
      this.name = name;
    }

    @Override
    public void log(String line) {
      observer.trainingLog(name, line);
    }

    @Override
    public boolean metric(String metric, int iteration, double value) {
      if (!metric.equals(spec.objectiveMetric())) {
        return true;
      }
      int resource = iteration + 1;
      if (resource <= lastResource || !Double.isFinite(value)) {
        return true; // a re-print of the best round, or nothing to judge
      }
      lastResource = resource;
      if (spec.hyperband() != null && !spec.definition().algorithm().builtInXgboost()
          && resource >= spec.hyperband().maxResource()) {
        return false; // Hyperband: a job is stopped at MaxResource (built-in XGBoost: num_round = MaxResource)
      }
      if (stoppingRule == null) {
        return true;
      }
      double smallerIsBetter = spec.direction() == Direction.MINIMIZE ? value : -value;
      return stoppingRule.report(name, resource, smallerIsBetter) == StoppingRule.Decision.CONTINUE;
    }
  }

  /** After a resume, the rule learns the curves of the jobs that ran before. */
  private void replayCurve(TrainingJobRecord r) {
    if (stoppingRule == null || r.status() == TrainingJobStatus.InProgress) {
      return;
    }
    int last = 0;
    for (MetricPoint p : store.metrics(r.name())) {
      if (p.metricName().equals(spec.objectiveMetric()) && p.iteration() + 1 > last && Double.isFinite(p.value())) {
        last = p.iteration() + 1;
        stoppingRule.report(r.name(), last, spec.direction() == Direction.MINIMIZE ? p.value() : -p.value());
      }
    }
    stoppingRule.trialEnded(r.name());
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
      boolean improves = bestJob == null || better(v, bestObjective)
          && Math.abs(v - bestObjective) > IMPROVEMENT * Math.abs(bestObjective);
      notImproving = improves ? 0 : notImproving + 1;
      if (bestJob == null || better(v, bestObjective)) {
        bestJob = r.name();
        bestObjective = v;
        store.setBestTrainingJob(spec.name(), r.name());
      }
      objectivesInOrder.add(v);
      checkConvergence();
    } else if (!retryable) {
      finishedObservations.add(Observation.failed(c));
      notImproving++;
    }
    if (r.status() == TrainingJobStatus.Completed) {
      completed++;
    } else if (r.status() == TrainingJobStatus.Failed) {
      failed++;
    }
  }

  private void checkConvergence() {
    int n = objectivesInOrder.size();
    if (convergenceDetected != null || n < CONVERGENCE_MIN_JOBS) {
      return;
    }
    double earlier = bestOf(objectivesInOrder.subList(0, n / 2));
    double now = bestOf(objectivesInOrder);
    if (Math.abs(now - earlier) <= IMPROVEMENT * Math.abs(earlier)) {
      convergenceDetected = Instant.now();
    }
  }

  private double bestOf(List<Double> values) {
    double b = values.get(0);
    for (double v : values) {
      b = better(v, b) ? v : b;
    }
    return b;
  }

  private boolean better(double a, double b) {
    return spec.direction() == Direction.MINIMIZE ? a < b : a > b;
  }

  TuningProgress progress() {
    return new TuningProgress(counted, spec.maxTrainingJobs(), running.size(), completed, failed, bestJob,
        bestObjective, (System.nanoTime() - startNanos) / 1_000_000);
  }

  private TuningJobRecord finish(End end) {
    TuningJobStatus status;
    String failure = null;
    if (end != null && end.status == TuningJobStatus.Stopped) {
      status = TuningJobStatus.Stopped;
    } else if (bestJob == null) {
      status = TuningJobStatus.Failed;
      failure = counted == 0 ? "No training job ran" + (end == null ? "" : " (" + end.reason + ")")
          : "All training jobs failed: no training job emitted the objective metric " + spec.objectiveMetric();
    } else {
      status = TuningJobStatus.Completed;
    }
    var details = JsonSpecReader.mapper().createObjectNode();
    details.put("NumberOfTrainingJobsObjectiveNotImproving", notImproving);
    if (convergenceDetected != null) {
      details.put("ConvergenceDetectedTime", convergenceDetected.toString());
    }
    if (end != null) {
      details.put("CompletionReason", end.reason);
    } else {
      details.put("CompletionReason", counted >= spec.maxTrainingJobs()
          ? "MaxNumberOfTrainingJobs (" + spec.maxTrainingJobs() + ") reached" : "The search space is exhausted");
    }
    store.putTuningJobAttribute(spec.name(), COMPLETION_DETAILS, details.toString());
    store.updateTuningJobStatus(spec.name(), status, failure, Instant.now());
    TuningJobRecord rec = store.tuningJob(spec.name()).orElseThrow();
    LOG.debug("tuning job {} ended {}", spec.name(), status);
    observer.finished(rec, progress());
    return rec;
  }
}
