package dev.tunelab.core.tuning;

import dev.tunelab.core.gpu.GpuRequest;
import dev.tunelab.core.gpu.GpuSlots;
import dev.tunelab.core.spec.TuningStrategy;
import dev.tunelab.core.job.JobContext;
import dev.tunelab.core.job.PreparedTrainingJob;
import dev.tunelab.core.job.ThreadBudget;
import dev.tunelab.core.job.TrainingJobRunner;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobAttribute;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import dev.tunelab.optimizer.History;
import dev.tunelab.optimizer.Observation;
import dev.tunelab.optimizer.Strategies;
import dev.tunelab.optimizer.Strategy;
import dev.tunelab.optimizer.space.Configuration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionService;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one tuning job to its end: keeps at most MaxParallelTrainingJobs training jobs running,
 * starts a new one as soon as a slot frees (asking the strategy on this thread, with the running
 * jobs as pending observations and the warm-start parents' results as prior observations),
 * records every state change in the store, and ends on the job budget, an exhausted grid, a
 * completion criterion ({@link CompletionRules}), a stop request, Ctrl-C or
 * MaxRuntimeInSeconds ({@link StopConditions}). Finished jobs are counted by a {@link JobTally};
 * every round of a running job is judged by {@link EarlyStopping}. When it ends early, running
 * jobs are asked to stop and the tuning job ends once they have.
 *
 * <p><b>In order</b> (the default, {@link Scheduling#IN_ORDER}): training job {@code k} is proposed
 * only once jobs {@code 1 .. k - MaxParallelTrainingJobs} have finished, and the strategy sees
 * exactly those as results (in sequence order) and jobs {@code k - MaxParallel + 1 .. k - 1} as
 * pending, whichever of them happen to have finished already. Each proposal therefore depends on
 * the seed and on the objectives alone, not on which job finished first: with the same
 * RandomSeed every run launches the same configurations in the same order. A slot may wait for
 * an older job to finish (the cost), unless the strategy's proposals ignore results (Random,
 * Grid: {@link Strategy#learnsFromResults()}), which never wait. {@link Scheduling#ASYNCHRONOUS} proposes as soon as a slot
 * frees, with everything finished so far.
 */
final class TuningScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(TuningScheduler.class);
  /** Failure reasons with this prefix do not count toward the job budget. */
  static final String RETRYABLE_PREFIX = "RetryableError";
  /** How long the loop waits for a job to finish before it checks the stop conditions again. */
  private static final long POLL_MS = 50;

  private final JobStore store;
  private final PreparedTuningJob job;
  private final TuningJobSpec spec;
  private final Strategy strategy;
  private final EarlyStopping earlyStopping;
  private final CompletionRules completion;
  private final JobTally tally;
  private final TuningObserver observer;
  private final StopConditions stopConditions;
  private final Clock clock;
  private final Instant started;
  private final AtomicBoolean stopJobs = new AtomicBoolean();
  private final Map<String, Configuration> running = new LinkedHashMap<>();
  private final int threadsPerJob;
  private final AtomicInteger nextSequence;
  private final Scheduling scheduling;
  private final Supplier<GpuSlots> gpuSlots;
  /** Sequence number of each launched job, by name. */
  private final Map<String, Integer> sequenceOf = new LinkedHashMap<>();
  /** Every launched job's configuration, by sequence number. */
  private final TreeMap<Integer, Configuration> launched = new TreeMap<>();
  /** What the strategy learnt from each finished job that counts, by sequence number. */
  private final TreeMap<Integer, Observation> observedBySequence = new TreeMap<>();

  /**
   * @param store        the store holding the tuning job (already created)
   * @param job          the prepared tuning job
   * @param observer     hears about progress
   * @param interrupt    set to true (Ctrl-C) to stop the tuning job
   * @param earlierJobs  the tuning job's training jobs from before a resume (all finished), or empty
   * @param nextSequence the number of the next training job
   * @param clock        the clock of the time limit, the convergence time, progress and the end time
   */
  TuningScheduler(JobStore store, PreparedTuningJob job, TuningObserver observer, AtomicBoolean interrupt,
      List<TrainingJobRecord> earlierJobs, int nextSequence, Clock clock) {
    this(store, job, observer, interrupt, earlierJobs, nextSequence, clock, GpuSlots::shared);
  }

  /**
   * As the constructor above, with {@code gpuSlots}: the CUDA devices training jobs that ask for a
   * GPU take turns on (asked only when one does; {@link GpuSlots#shared()} above).
   */
  TuningScheduler(JobStore store, PreparedTuningJob job, TuningObserver observer, AtomicBoolean interrupt,
      List<TrainingJobRecord> earlierJobs, int nextSequence, Clock clock, Supplier<GpuSlots> gpuSlots) {
    this.store = store;
    this.gpuSlots = gpuSlots;
    this.job = job;
    this.spec = job.spec();
    this.observer = observer;
    this.clock = clock;
    this.started = clock.instant();
    this.strategy = strategyFor(spec);
    this.earlyStopping = EarlyStopping.of(spec);
    this.completion = new CompletionRules(spec.completion(), clock);
    this.tally = new JobTally(spec.direction());
    this.stopConditions = new StopConditions(store, spec.name(), interrupt,
        store.tuningJob(spec.name()).orElseThrow().creationTime(), spec.maxRuntime(), clock);
    this.threadsPerJob = ThreadBudget.share(spec.maxParallelJobs());
    this.nextSequence = new AtomicInteger(nextSequence);
    this.scheduling = Scheduling.of(store.tuningJobAttribute(spec.name(), TuningJobAttribute.SCHEDULING));
    for (TrainingJobRecord r : earlierJobs) {
      if (r.status() != TrainingJobStatus.InProgress) {
        earlyStopping.replay(r.name(), store.metrics(r.name()));
      }
      Configuration c = Configurations.fromStrings(spec.space(), r.tunedHyperParameters());
      int seq = sequenceFromName(r.name());
      if (seq > 0) {
        launched.put(seq, c);
        sequenceOf.put(r.name(), seq);
      }
      account(r, c);
    }
  }

  /** The {@code NNN} of {@code <tuning-job>-NNN-<hex>}, or 0 when the name has another form. */
  private int sequenceFromName(String trainingJob) {
    String prefix = spec.name() + "-";
    int dash = trainingJob.lastIndexOf('-');
    if (!trainingJob.startsWith(prefix) || dash <= prefix.length()) {
      return 0;
    }
    try {
      return Integer.parseInt(trainingJob.substring(prefix.length(), dash));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * The strategy that proposes configurations. Hyperband draws them at random (as
   * asynchronous Hyperband does) and decides their budgets with {@link EarlyStopping}.
   *
   * @throws IllegalArgumentException when the optimizer cannot build the strategy for the space
   */
  static Strategy strategyFor(TuningJobSpec spec) {
    String name = spec.strategy() == TuningStrategy.HYPERBAND ? "Random" : spec.strategy().sageMakerName();
    return Strategies.create(name, spec.space(), spec.direction(), spec.randomSeed());
  }

  /** Runs the tuning job's training jobs with {@code trainingJobs} until it ends; returns its final record. */
  TuningJobRecord run(TrainingJobLauncher trainingJobs) {
    ExecutorService pool = Executors.newFixedThreadPool(spec.maxParallelJobs(), r -> {
      Thread t = new Thread(r, "tunelab-training");
      t.setDaemon(true);
      return t;
    });
    CompletionService<TrainingJobRecord> done = new ExecutorCompletionService<>(pool);
    TuningEnd end = criterionMet();
    boolean exhausted = false;
    try {
      while (true) {
        if (end == null) {
          end = stopConditions.check();
        }
        if (end != null && !stopJobs.get()) {
          stopRunningJobs(end);
        }
        if (end == null && !exhausted) {
          exhausted = launchWhatFits(trainingJobs, done);
        }
        if (running.isEmpty()) {
          break;
        }
        Future<TrainingJobRecord> f = done.poll(POLL_MS, TimeUnit.MILLISECONDS);
        while (f != null) {
          jobFinished(f.get());
          if (end == null) {
            end = criterionMet();
          }
          f = done.poll();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopJobs.set(true);
      end = TuningEnd.stopped("Interrupted");
    } catch (ExecutionException e) {
      throw new IllegalStateException("training job task failed unexpectedly", e.getCause());
    } finally {
      pool.shutdown();
    }
    return finish(end);
  }

  private TuningEnd criterionMet() {
    String reason = completion.reason(tally);
    return reason == null ? null : TuningEnd.completed(reason);
  }

  private void stopRunningJobs(TuningEnd end) {
    stopJobs.set(true);
    if (end.stopped()) {
      store.updateTuningJobStatus(spec.name(), TuningJobStatus.Stopping, null, null);
    }
    observer.notice(end.reason() + (running.isEmpty() ? "" : "; stopping " + running.size()
        + " running training job(s)"));
  }

  /** Launches as many jobs as slots and budget allow; returns true when the strategy is exhausted. */
  private boolean launchWhatFits(TrainingJobLauncher trainingJobs, CompletionService<TrainingJobRecord> done) {
    int free = Math.min(spec.maxParallelJobs() - running.size(),
        spec.maxTrainingJobs() - tally.counted() - running.size());
    if (free <= 0) {
      return false;
    }
    if (scheduling == Scheduling.IN_ORDER) {
      return launchInOrder(trainingJobs, done, free);
    }
    List<Observation> history = new ArrayList<>(job.warmStartObservations());
    history.addAll(tally.observations());
    running.values().forEach(c -> history.add(Observation.pending(c)));
    List<Configuration> proposals = strategy.suggest(new History(history), free);
    for (Configuration c : proposals) {
      launch(trainingJobs, done, c);
    }
    return proposals.isEmpty();
  }

  /**
   * Launches the next jobs in sequence while the jobs they must see finished have finished: job
   * {@code k} waits for every job up to {@code k - MaxParallelTrainingJobs}.
   */
  private boolean launchInOrder(TrainingJobLauncher trainingJobs, CompletionService<TrainingJobRecord> done,
      int free) {
    boolean waitsForResults = strategy.learnsFromResults();
    for (int i = 0; i < free; i++) {
      int k = nextSequence.get();
      int seen = k - spec.maxParallelJobs();
      Set<Integer> olderRunning = new HashSet<>();
      for (String name : running.keySet()) {
        if (sequenceOf.get(name) <= seen) {
          olderRunning.add(sequenceOf.get(name));
        }
      }
      if (waitsForResults && !olderRunning.isEmpty()) {
        return false; // an older job still runs: this proposal must see its result
      }
      List<Observation> history = new ArrayList<>(job.warmStartObservations());
      // a strategy that ignores results (Random, Grid) sees an older job that still runs as
      // pending where it would see its result: the same configurations, the same count, so the
      // same proposal, without waiting for it
      for (Map.Entry<Integer, Configuration> e : launched.headMap(seen, true).entrySet()) {
        Observation o = observedBySequence.get(e.getKey());
        if (o != null) {
          history.add(o);
        } else if (olderRunning.contains(e.getKey())) {
          history.add(Observation.pending(e.getValue()));
        }
      }
      launched.tailMap(seen, false).values().forEach(c -> history.add(Observation.pending(c)));
      List<Configuration> proposals = strategy.suggest(new History(history), 1);
      if (proposals.isEmpty()) {
        return true;
      }
      launch(trainingJobs, done, proposals.get(0));
    }
    return false;
  }

  private void launch(TrainingJobLauncher trainingJobs, CompletionService<TrainingJobRecord> done, Configuration c) {
    int seq = nextSequence.getAndIncrement();
    String name = trainingJobName(spec.name(), spec.randomSeed(), seq);
    Map<String, String> tuned = spec.inRangeOrder(c.asStrings()); // shown in the request's order
    Map<String, String> hps = new LinkedHashMap<>(spec.staticHyperParameters());
    hps.putAll(tuned);
    if (spec.hyperband() != null) {
      spec.definition().algorithm().contract().hyperbandResource()
          .ifPresent(resource -> hps.put(resource, Integer.toString(spec.hyperband().maxResource())));
    }
    PreparedTrainingJob prepared = TrainingJobRunner.derive(job.template(), name, hps);
    JobContext ctx = new JobContext(spec.name(), seq, tuned, spec.objectiveMetric(),
        earlyStopping.watcher(name, observer), stopJobs::get, threadsPerJob);
    running.put(name, c);
    sequenceOf.put(name, seq);
    launched.put(seq, c);
    observer.jobStarted(name, tuned, progress());
    Optional<GpuRequest> gpu = gpuRequest(prepared);
    GpuSlots slots = gpu.map(this::slotsFor).orElse(null);
    if (slots == null) {
      done.submit(() -> trainingJobs.run(prepared, ctx));
      return;
    }
    OptionalInt asked = gpu.get().ordinal();
    // the job waits on its training thread for a free device: never more GPU jobs at once than
    // GPUs, each on its own device
    done.submit(() -> {
      int device = slots.acquire(asked);
      try {
        return trainingJobs.run(prepared, ctx.onGpu(device));
      } finally {
        slots.release(device);
      }
    });
  }

  /** The GPU a job asks for; empty for a CPU job and for invalid hyperparameters (the runner fails those). */
  private Optional<GpuRequest> gpuRequest(PreparedTrainingJob prepared) {
    try {
      return spec.definition().algorithm().contract()
          .gpuRequest(prepared.spec().hyperParameters(), spec.definition().resources().instanceType());
    } catch (RuntimeException invalid) {
      return Optional.empty();
    }
  }

  /**
   * The devices a job that asks for {@code gpu} takes turns on, or {@code null} when this host
   * cannot serve it (no GPU, no such device, an invalid TUNELAB_GPUS): the training job runner
   * then fails it with the reason.
   */
  private GpuSlots slotsFor(GpuRequest gpu) {
    GpuSlots slots;
    try {
      slots = gpuSlots.get();
    } catch (RuntimeException badSetting) {
      return null;
    }
    OptionalInt ordinal = gpu.ordinal();
    boolean serves = slots.gpus() > 0 && (ordinal.isEmpty() || ordinal.getAsInt() < slots.gpus());
    return serves ? slots : null;
  }

  private void jobFinished(TrainingJobRecord r) {
    Configuration c = running.remove(r.name());
    earlyStopping.jobEnded(r.name());
    account(r, c);
    observer.jobFinished(r, progress());
  }

  private void account(TrainingJobRecord r, Configuration c) {
    int before = tally.observations().size();
    if (tally.record(r, c)) {
      store.setBestTrainingJob(spec.name(), r.name());
    }
    Integer seq = sequenceOf.get(r.name());
    if (seq != null && tally.observations().size() > before) {
      observedBySequence.put(seq, tally.observations().get(before));
    }
    completion.jobRecorded(tally);
  }

  /** SageMaker's training job name: {@code <tuning-job>-<NNN>-<8 hex>}, the hex drawn from the seed. */
  static String trainingJobName(String tuningJob, long seed, int sequence) {
    long bits = new SplittableRandom(seed * 1_000_003L + sequence).nextLong();
    return String.format(Locale.ROOT, "%s-%03d-%08x", tuningJob, sequence, bits & 0xffffffffL);
  }

  TuningProgress progress() {
    return new TuningProgress(tally.counted(), spec.maxTrainingJobs(), running.size(), tally.completed(),
        tally.failed(), tally.stopped(), tally.bestJob(), tally.bestObjective(), Duration.between(started, clock.instant()).toMillis());
  }

  private TuningJobRecord finish(TuningEnd end) {
    TuningJobStatus status;
    String failure = null;
    if (end != null && end.stopped()) {
      status = TuningJobStatus.Stopped;
    } else if (tally.bestJob() == null) {
      status = TuningJobStatus.Failed;
      failure = tally.counted() == 0 ? "No training job ran" + (end == null ? "" : " (" + end.reason() + ")")
          : "All training jobs failed: no training job emitted the objective metric " + spec.objectiveMetric();
    } else {
      status = TuningJobStatus.Completed;
    }
    String reason = end != null ? end.reason()
        : tally.counted() >= spec.maxTrainingJobs() ? "MaxNumberOfTrainingJobs (" + spec.maxTrainingJobs() + ") reached"
        : "The search space is exhausted";
    store.putTuningJobAttribute(spec.name(), TuningJobAttribute.COMPLETION_DETAILS, completion.details(tally, reason));
    store.updateTuningJobStatus(spec.name(), status, failure, clock.instant());
    TuningJobRecord rec = store.tuningJob(spec.name()).orElseThrow();
    LOG.debug("tuning job {} ended {}", spec.name(), status);
    observer.finished(rec, progress());
    return rec;
  }
}
