package dev.tunelab.core.job;

import dev.tunelab.core.data.ChannelResolver;
import dev.tunelab.core.gpu.GpuHost;
import dev.tunelab.core.gpu.GpuRequest;
import dev.tunelab.core.spec.AlgorithmContract;
import dev.tunelab.core.spec.ChannelSpec;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.spec.TrainingJobSpec;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.NewTrainingJob;
import dev.tunelab.core.store.ProcessOwner;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobResult;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.train.Trainer;
import dev.tunelab.core.train.TrainingListener;
import dev.tunelab.core.train.TrainingOutcome;
import dev.tunelab.core.train.TrainingRequest;
import dev.tunelab.datasets.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs training jobs in two steps: {@link #prepare} validates everything (spec, hyperparameters,
 * channels, data) and writes nothing; {@link #run} records the job in the store, trains it,
 * and records its log, metrics and outcome. A failing job is data (status Failed with a reason),
 * never an exception. Thread-safe: a tuning job runs several jobs at once.
 */
public final class TrainingJobRunner {

  private static final Logger LOG = LoggerFactory.getLogger(TrainingJobRunner.class);

  private final JobStore store;
  private final Path home;
  private final ChannelResolver resolver;
  private final Function<TrainingJobSpec, Trainer> trainers;
  private final Supplier<GpuHost> gpus;

  /**
   * @param store the job store
   * @param home  TuneLab home (job folders go to {@code home/jobs/<name>})
   */
  public TrainingJobRunner(JobStore store, Path home) {
    this(store, home, TrainingJobRunner::trainerOf);
  }

  /**
   * @param store    the job store
   * @param home     TuneLab home (job folders go to {@code home/jobs/<name>})
   * @param trainers chooses the trainer for a spec ({@link #trainerOf} in production;
   *                 tests pass a fake trainer)
   */
  public TrainingJobRunner(JobStore store, Path home, Function<TrainingJobSpec, Trainer> trainers) {
    this(store, home, trainers, GpuHost::shared);
  }

  /**
   * @param store    the job store
   * @param home     TuneLab home (job folders go to {@code home/jobs/<name>})
   * @param trainers chooses the trainer for a spec
   * @param gpus     the host's GPUs, asked only when a job asks for one ({@link GpuHost#shared()}
   *                 in production; tests pass a host with a made-up GPU count)
   */
  public TrainingJobRunner(JobStore store, Path home, Function<TrainingJobSpec, Trainer> trainers,
      Supplier<GpuHost> gpus) {
    this.store = store;
    this.home = home;
    this.resolver = new ChannelResolver(home);
    this.trainers = trainers;
    this.gpus = gpus;
  }

  /** The same runner writing to {@code other} (a tuning job's {@link dev.tunelab.core.store.WriteBehindJobStore}). */
  public TrainingJobRunner withStore(JobStore other) {
    return new TrainingJobRunner(other, home, trainers, gpus);
  }

  /** The trainer a spec's algorithm provides (the production choice of trainer). */
  public static Trainer trainerOf(TrainingJobSpec spec) {
    return spec.algorithm().contract().createTrainer(spec);
  }

  /**
   * Validates a training job and loads its data.
   *
   * @throws SpecException for a bad spec, name in use, bad hyperparameter or missing channel
   * @throws dev.tunelab.datasets.DataFormatException for bad CSV data
   */
  public PreparedTrainingJob prepare(TrainingJobSpec spec) {
    Trainer trainer = trainers.apply(spec);
    trainer.validate(spec.hyperParameters());
    if (store.trainingJob(spec.name()).isPresent()) {
      throw new SpecException("TrainingJobName", spec.name(),
          "a name no other training job uses (this one exists: see `tunelab describe-training-job "
              + spec.name() + "`)");
    }
    return loadChannels(spec, trainer);
  }

  /**
   * Chooses the trainer and loads the channels without checking the name or the
   * hyperparameters: the template of a tuning job's training jobs.
   */
  public PreparedTrainingJob load(TrainingJobSpec spec) {
    Trainer trainer = trainers.apply(spec);
    return loadChannels(spec, trainer);
  }

  /**
   * The same job for other hyperparameters and another name, sharing the parsed data (a tuning
   * job's training jobs). Hyperparameters are validated when the job runs: a configuration the
   * trainer refuses becomes a Failed job, not an exception.
   */
  public static PreparedTrainingJob derive(PreparedTrainingJob template, String name, Map<String, String> hyperParameters) {
    TrainingJobSpec s = template.spec();
    var json = s.json().deepCopy();
    json.put("TrainingJobName", name);
    var hpNode = json.putObject("HyperParameters");
    hyperParameters.forEach(hpNode::put);
    TrainingJobSpec derived = new TrainingJobSpec(name, s.algorithm(), hyperParameters, s.channels(),
        s.outputPath(), s.resources(), s.maxRuntime(), s.environment(), s.baseDir(), json);
    return new PreparedTrainingJob(derived, template.trainer(), template.channels(), template.channelFiles());
  }

  private PreparedTrainingJob loadChannels(TrainingJobSpec spec, Trainer trainer) {
    AlgorithmContract contract = spec.algorithm().contract();
    contract.checkChannels(spec);
    Map<String, List<Path>> files = new LinkedHashMap<>();
    Map<String, Dataset> data = new HashMap<>();
    for (ChannelSpec c : spec.channels()) {
      files.put(c.name(), resolver.files(c, spec.baseDir()));
      if (contract.datasetChannels().contains(c.name())) {
        data.put(c.name(), resolver.labelled(c, spec.baseDir()));
      }
    }
    contract.checkDatasets(spec, data);
    return new PreparedTrainingJob(spec, trainer, data, files);
  }

  /** Records, trains and finishes one prepared job; returns its final record. */
  public TrainingJobRecord run(PreparedTrainingJob job, JobContext context) {
    record(job, context, ProcessOwner.current(), true);
    return train(job, context);
  }

  /**
   * Makes the job's folder and records the job InProgress, owned by {@code owner}: the first
   * half of {@link #run}, for a job another process trains ({@code create-training-job} records
   * it, then its background process calls {@link #runRecorded}).
   */
  public void record(PreparedTrainingJob job, JobContext context, ProcessOwner owner) {
    record(job, context, owner, false);
  }

  /** Makes the job's folder and records the job, started now when {@code started}. */
  private void record(PreparedTrainingJob job, JobContext context, ProcessOwner owner, boolean started) {
    TrainingJobSpec spec = job.spec();
    Path jobDir = TuneLabHome.jobDir(home, spec.name());
    deleteRecursively(jobDir);
    try {
      Files.createDirectories(jobDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create job folder " + jobDir, e);
    }
    NewTrainingJob recorded = new NewTrainingJob(spec.name(), context.tuningJobName(), context.sequence(),
        spec.hyperParameters(), context.tunedHyperParameters(), spec.json().toString(), Instant.now(), jobDir);
    if (started) {
      store.startTrainingJob(recorded, owner);
    } else {
      store.createTrainingJob(recorded, owner);
    }
  }

  /**
   * Trains a job {@link #record} recorded and finishes it: the second half of {@link #run}.
   *
   * @return the job's final record
   */
  public TrainingJobRecord runRecorded(PreparedTrainingJob job, JobContext context) {
    store.markTrainingStarted(job.spec().name(), Instant.now());
    return train(job, context);
  }

  /** Trains a recorded, started job and records its output and outcome; returns its final record. */
  private TrainingJobRecord train(PreparedTrainingJob job, JobContext context) {
    TrainingJobSpec spec = job.spec();
    Path jobDir = TuneLabHome.jobDir(home, spec.name());
    RecordingListener recorder = new RecordingListener(store, spec.name(), jobDir, context.observer());
    TrainingOutcome outcome;
    try {
      job.trainer().validate(spec.hyperParameters());
      Map<String, String> hyperParameters = spec.hyperParameters();
      String refused = null;
      Optional<GpuRequest> gpu = spec.algorithm().contract().gpuRequest(hyperParameters, spec.resources().instanceType());
      if (gpu.isPresent()) {
        PlacedJob placed = place(spec, gpu.get(), context, recorder);
        hyperParameters = placed.hyperParameters();
        refused = placed.refused();
      }
      outcome = refused != null ? TrainingOutcome.failed(refused)
          : job.trainer().train(new TrainingRequest(spec.name(), hyperParameters, job.channels(),
          job.channelFiles(), jobDir, spec.maxRuntime(), ThreadBudget.forData(context.threads(), job.channels().get("train")),
          context.stopRequested()), recorder);
    } catch (IllegalArgumentException e) {
      outcome = TrainingOutcome.failed("ClientError: " + e.getMessage());
    } catch (RuntimeException | Error e) {
      LOG.warn("training job {} threw", spec.name(), e);
      // an error from a class whose initialisation failed earlier (a native library that does
      // not load) says why only in its cause
      outcome = TrainingOutcome.failed("InternalError: " + e + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
    }
    try {
      recorder.flush();
    } catch (RuntimeException e) {
      LOG.warn("could not write the last log lines of {}", spec.name(), e);
    }
    return store.finishTrainingJob(spec.name(), result(outcome, context.objectiveMetric()));
  }

  /** Where a job that asks for a GPU trains: its hyperparameters there, or why it may not train. */
  private record PlacedJob(Map<String, String> hyperParameters, String refused) { }

  /**
   * Checks the host before a job that asks for a GPU trains (XGBoost would fall back to the CPU
   * without failing): on the device the scheduler gave it (else the one it names, else
   * {@code cuda:0}); on the CPU when the host has no usable GPU, the instance type is
   * {@code local} and the fallback is set; refused otherwise.
   */
  private PlacedJob place(TrainingJobSpec spec, GpuRequest gpu, JobContext context, TrainingListener log) {
    GpuHost host = gpus.get();
    Optional<String> problem = host.problem(gpu);
    String instanceType = spec.resources().instanceType();
    var contract = spec.algorithm().contract();
    if (problem.isEmpty()) {
      int device = context.gpu().orElse(gpu.ordinal().orElse(0));
      log.log("GPU: " + gpu.asked() + " trains on cuda:" + device + " (" + host.found() + ")");
      return new PlacedJob(contract.onDevice(spec.hyperParameters(), "cuda:" + device), null);
    }
    if (host.fallsBackToCpu(instanceType)) {
      log.log("GPU: " + gpu.asked() + " trains on the CPU: " + GpuHost.FALLBACK_ENV + "=cpu and InstanceType "
          + instanceType + " allow it, and " + problem.get());
      return new PlacedJob(contract.onDevice(spec.hyperParameters(), "cpu"), null);
    }
    String unused = host.cpuFallback()
        ? " (" + GpuHost.FALLBACK_ENV + "=cpu is set, but falls back only for ResourceConfig.InstanceType=local; this"
        + " job's is " + instanceType + ")" : "";
    return new PlacedJob(spec.hyperParameters(), "ClientError: " + problem.get() + ". " + GpuHost.remedy(gpu) + unused);
  }

  private static TrainingJobResult result(TrainingOutcome outcome, String objectiveMetric) {
    TrainingJobStatus status = switch (outcome.status()) {
      case COMPLETED -> TrainingJobStatus.Completed;
      case STOPPED -> TrainingJobStatus.Stopped;
      case FAILED -> TrainingJobStatus.Failed;
    };
    String reason = outcome.failureReason();
    Double objective = null;
    if (objectiveMetric != null) {
      Double v = outcome.finalMetrics().get(objectiveMetric);
      if (status == TrainingJobStatus.Failed) {
        // as on SageMaker, a failed job has no final objective (ObjectiveStatus Failed); what it
        // printed before failing stays in its final metrics
        objective = null;
      } else if (v != null && Double.isFinite(v)) {
        objective = v;
      } else if (status == TrainingJobStatus.Completed) {
        status = TrainingJobStatus.Failed;
        reason = v == null
            ? "ObjectiveMetricMissing: the objective metric " + objectiveMetric + " was not emitted"
            + " (emitted: " + outcome.finalMetrics().keySet() + ")"
            : "ObjectiveMetricInvalid: the objective metric " + objectiveMetric + " is " + v;
      }
    }
    String model = outcome.modelArtifact() == null ? null : outcome.modelArtifact().toString();
    return new TrainingJobResult(status, Instant.now(), outcome.finalMetrics(), objective, model, reason,
        outcome.roundsTrained());
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear stale job folder " + dir, e);
    }
  }
}
