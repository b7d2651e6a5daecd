package dev.tunelab.core.tuning;

import dev.tunelab.core.gpu.GpuHost;
import dev.tunelab.core.gpu.GpuSlots;
import dev.tunelab.core.job.PreparedTrainingJob;
import dev.tunelab.core.job.TrainingJobRunner;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.spec.TrainingJobSpec;
import dev.tunelab.core.spec.StoredRequests;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.store.JobStateException;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.WriteBehindJobStore;
import dev.tunelab.core.store.NoSuchJobException;
import dev.tunelab.core.store.NewTuningJob;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TuningJobAttribute;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import dev.tunelab.core.train.Trainer;
import dev.tunelab.optimizer.space.ParameterRange;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Creates, runs and resumes tuning jobs. {@link #prepare} validates everything (the spec, each
 * range's extremes against the trainer's hyperparameter rules, the channels and their data) and
 * writes nothing; {@link #run} records the tuning job and schedules its training jobs;
 * {@link #resume} continues a tuning job whose process died.
 */
public final class TuningJobRunner {

  private final JobStore store;
  private final TrainingJobRunner trainingRunner;
  private final Clock clock;
  private final Supplier<GpuSlots> gpuSlots;

  /**
   * @param store the job store
   * @param home  TuneLab home
   */
  public TuningJobRunner(JobStore store, Path home) {
    this(store, home, TrainingJobRunner::trainerOf, Clock.systemUTC());
  }

  /**
   * @param store    the job store
   * @param home     TuneLab home
   * @param trainers chooses the trainer for a training job spec ({@link TrainingJobRunner#trainerOf} in
   *                 production; tests pass a fake trainer)
   * @param clock    the tuning job's clock: creation and end times, MaxRuntimeInSeconds,
   *                 ConvergenceDetectedTime and the progress's elapsed time
   */
  public TuningJobRunner(JobStore store, Path home, Function<TrainingJobSpec, Trainer> trainers, Clock clock) {
    this.store = store;
    this.trainingRunner = new TrainingJobRunner(store, home, trainers);
    this.clock = clock;
    this.gpuSlots = GpuSlots::shared;
  }

  /**
   * As {@link #TuningJobRunner(JobStore, Path, Function, Clock)} on a given host: its GPU count
   * (made up in tests) bounds the training jobs that run on a GPU at once.
   *
   * @param gpus the host's GPUs
   */
  public TuningJobRunner(JobStore store, Path home, Function<TrainingJobSpec, Trainer> trainers, Clock clock,
      GpuHost gpus) {
    this.store = store;
    this.trainingRunner = new TrainingJobRunner(store, home, trainers, () -> gpus);
    this.clock = clock;
    GpuSlots slots = new GpuSlots(gpus.gpus());
    this.gpuSlots = () -> slots;
  }

  /** Validates a tuning job and loads its training data once. */
  public PreparedTuningJob prepare(TuningJobSpec spec) {
    if (store.tuningJob(spec.name()).isPresent()) {
      throw new SpecException("HyperParameterTuningJobName", spec.name(),
          "a name no other tuning job uses (this one exists: see `tunelab describe-hyper-parameter-tuning-job "
              + spec.name() + "`, or remove it and its training jobs with `tunelab delete-hyper-parameter-tuning-job "
              + spec.name() + "`)");
    }
    try {
      // a strategy the optimizer cannot build must be refused before anything is recorded
      TuningScheduler.strategyFor(spec);
    } catch (SpecException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new SpecException("HyperParameterTuningJobConfig.Strategy", spec.strategy().sageMakerName(),
          "a strategy this version of TuneLab runs (" + e.getMessage() + ")");
    }
    PreparedTrainingJob template = trainingRunner.load(spec.definition());
    checkRangesAgainstTrainer(spec, template);
    return new PreparedTuningJob(spec, template, WarmStart.observations(store, spec));
  }

  /**
   * Every range's lowest and highest value (each categorical value), with the other ranges at
   * their lowest, must be hyperparameters the trainer accepts together with the static ones.
   */
  private static void checkRangesAgainstTrainer(TuningJobSpec spec, PreparedTrainingJob template) {
    Map<String, String> low = new LinkedHashMap<>(spec.staticHyperParameters());
    for (ParameterRange p : spec.space().ranges()) {
      low.put(p.name(), p.extremes().get(0));
    }
    validate(spec, template, low, null);
    for (ParameterRange p : spec.space().ranges()) {
      for (String v : p.extremes()) {
        Map<String, String> hps = new LinkedHashMap<>(low);
        hps.put(p.name(), v);
        validate(spec, template, hps, p);
      }
    }
  }

  private static void validate(TuningJobSpec spec, PreparedTrainingJob template, Map<String, String> hps,
      ParameterRange range) {
    try {
      template.trainer().validate(hps);
    } catch (SpecException e) {
      if (range == null) {
        // all ranges at their lowest failed: blame the range the trainer named, if it is one
        String hp = e.field().startsWith("HyperParameters.") ? e.field().substring("HyperParameters.".length()) : "";
        range = spec.space().ranges().stream().filter(p -> p.name().equals(hp)).findFirst().orElse(null);
      }
      String where = range == null ? "TrainingJobDefinition.StaticHyperParameters with ParameterRanges"
          : "HyperParameterTuningJobConfig.ParameterRanges (" + range.name() + ")";
      throw new SpecException(where, e.getMessage());
    }
  }

  /**
   * Records the tuning job and runs it to its end.
   *
   * @param interrupt set to true (e.g. by Ctrl-C) to stop the tuning job cleanly
   */
  public TuningJobRecord run(PreparedTuningJob job, TuningObserver observer, AtomicBoolean interrupt) {
    return run(job, observer, interrupt, Scheduling.IN_ORDER);
  }

  /**
   * Records the tuning job and runs it to its end, scheduling its training jobs as
   * {@code scheduling} says.
   *
   * @param interrupt set to true (e.g. by Ctrl-C) to stop the tuning job cleanly
   */
  public TuningJobRecord run(PreparedTuningJob job, TuningObserver observer, AtomicBoolean interrupt,
      Scheduling scheduling) {
    TuningJobSpec spec = job.spec();
    create(job, scheduling);
    store.claimTuningJob(spec.name());
    return schedule(job, observer, interrupt, List.of(), 1);
  }

  /**
   * Runs the scheduler with the per-job bookkeeping written behind ({@link WriteBehindJobStore}):
   * training threads queue their records and go on; everything is written when this returns.
   */
  private TuningJobRecord schedule(PreparedTuningJob job, TuningObserver observer, AtomicBoolean interrupt,
      List<TrainingJobRecord> earlier, int next) {
    try (WriteBehindJobStore behind = new WriteBehindJobStore(store)) {
      TrainingJobRunner training = trainingRunner.withStore(behind);
      return new TuningScheduler(behind, job, observer, interrupt, earlier, next, clock, gpuSlots).run(training::run);
    }
  }

  /**
   * Records the tuning job as InProgress without running it (for {@code tune --no-wait}, which
   * then hands it to a background {@code resume}).
   */
  public void create(PreparedTuningJob job) {
    create(job, Scheduling.IN_ORDER);
  }

  /** As {@link #create(PreparedTuningJob)}, keeping how its training jobs are to be scheduled. */
  public void create(PreparedTuningJob job, Scheduling scheduling) {
    TuningJobSpec spec = job.spec();
    store.createTuningJob(new NewTuningJob(spec.name(), spec.json().toString(), clock.instant()));
    store.putTuningJobAttribute(spec.name(), TuningJobAttribute.BASE_DIR, spec.definition().baseDir().toString());
    store.putTuningJobAttribute(spec.name(), TuningJobAttribute.SCHEDULING, scheduling.stored());
  }

  /**
   * Continues a tuning job whose process died: training jobs it left InProgress become Failed
   * (not counted toward the budget), completed ones are kept and fed to the optimizer, and the
   * job runs until MaxNumberOfTrainingJobs count.
   *
   * @throws NoSuchJobException when there is no such tuning job
   * @throws JobStateException when it already ended, or another live process owns it (see
   *     {@link dev.tunelab.core.store.JobStore#claimTuningJob})
   */
  public TuningJobRecord resume(String name, TuningObserver observer, AtomicBoolean interrupt) {
    TuningJobRecord rec = store.tuningJob(name).orElseThrow(() -> new NoSuchJobException("tuning job", name));
    if (rec.status() != TuningJobStatus.InProgress && rec.status() != TuningJobStatus.Stopping) {
      throw new JobStateException("tuning job", name, rec.status().name(),
          "resume continues only a tuning job left InProgress by a process that died");
    }
    // atomic: of two resumes started at once exactly one gets past this line; the other gets a
    // JobStateException naming the winner's pid before it changes anything
    store.claimTuningJob(name);
    TuningJobSpec spec = StoredRequests.tuningJob(store, rec);
    PreparedTrainingJob template = trainingRunner.load(spec.definition());
    int stale = store.failStaleTrainingJobs(name, TuningScheduler.RETRYABLE_PREFIX
        + ": the tuning process ended while this training job ran; it does not count, and `tunelab resume` replaced it");
    if (stale > 0) {
      observer.notice(stale + " training job(s) left InProgress marked Failed (RetryableError); they do not count");
    }
    if (rec.status() == TuningJobStatus.Stopping) {
      store.updateTuningJobStatus(name, TuningJobStatus.Stopped, null, clock.instant());
      return store.tuningJob(name).orElseThrow();
    }
    List<TrainingJobRecord> earlier = store.trainingJobsOf(name);
    int next = store.nextTrainingJobSequence(name);
    return schedule(new PreparedTuningJob(spec, template, WarmStart.observations(store, spec)), observer, interrupt,
        earlier, next);
  }
}
