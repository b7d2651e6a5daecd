package dev.tunelab.core.sdk;

import dev.tunelab.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.api.DescribeTuningJob;
import dev.tunelab.core.api.TuningAnalytics;
import dev.tunelab.core.job.TuneLabHome;
import dev.tunelab.core.spec.JsonSpecReader;
import dev.tunelab.core.spec.ParameterRangesJson;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.spec.StoredRequests;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.spec.TuningJobSpecParser;
import dev.tunelab.core.spec.WarmStartType;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.NoSuchJobException;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import dev.tunelab.core.tuning.PreparedTuningJob;
import dev.tunelab.core.tuning.TuningJobRunner;
import dev.tunelab.core.tuning.TuningObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * Tunes an {@link Estimator}, the SageMaker Python SDK's
 * {@code sagemaker.tuner.HyperparameterTuner}: the constructor takes the estimator, the objective
 * metric and the ranges by hyperparameter name; setters take the SDK's keyword arguments;
 * {@link #fit(Map)} builds the CreateHyperParameterTuningJob request exactly as the SDK does
 * ({@link #createRequest}), validates it with the {@code tunelab tune} parser and runs it.
 *
 * <pre>{@code
 * HyperparameterTuner tuner = new HyperparameterTuner(xgb, "validation:rmse", Map.of(
 *         "max_depth", new IntegerParameter(3, 12),
 *         "eta", new ContinuousParameter(0.05, 0.5)))
 *     .objectiveType("Minimize")          // the SDK's default is Maximize!
 *     .maxJobs(20).maxParallelJobs(3);
 * tuner.fit(Map.of("train", "dataset:boston/train", "validation", "dataset:boston/validation"));
 * Estimator best = tuner.bestEstimator();
 * }</pre>
 *
 * <p><b>The objective type defaults to {@code Maximize}, as in the SDK.</b> For an error metric
 * such as {@code validation:rmse} call {@code objectiveType("Minimize")}, or the tuner will look
 * for the worst model. Other defaults are the SDK v2's: strategy {@code Bayesian}, one training
 * job, one at a time, early stopping {@code Off}, no random seed (one is drawn and recorded).
 *
 * <p>{@code fit} waits by default (the SDK v2's {@code wait=True}); {@code fit(inputs, false)}
 * returns once the job is recorded and runs it on a background (non-daemon) thread, for
 * {@link #waitForCompletion()}, {@link #describe()} or {@link #stop()}. Jobs are recorded in the
 * estimator's TuneLab home, where the {@code tunelab} commands find them too. Configure a tuner on
 * one thread; {@link #stop()}, {@link #describe()} and {@link #analytics()} may be called from
 * any thread while it runs.
 */
public final class HyperparameterTuner {

  private static final Logger LOG = LoggerFactory.getLogger(HyperparameterTuner.class);
  private static final long POLL_MS = 100;

  private final Estimator estimator;
  private final String objectiveMetricName;
  private final Map<String, ParameterRange> hyperparameterRanges;
  private String objectiveType = "Maximize";
  private String strategy = "Bayesian";
  private Integer maxJobs;
  private int maxParallelJobs = 1;
  private String earlyStoppingType = "Off";
  private Integer randomSeed;
  private String baseTuningJobName;
  private Integer maxRuntimeInSeconds;
  private TuningJobCompletionCriteriaConfig completionCriteria;
  private WarmStartConfig warmStartConfig;
  private Map<String, String> metricDefinitions;
  private Integer hyperbandMinResource;
  private Integer hyperbandMaxResource;
  private TuningObserver observer = TuningObserver.NONE;

  private volatile String latestTuningJob;
  private volatile AtomicBoolean interrupt;
  private volatile CompletableFuture<TuningJobRecord> background;

  /**
   * The SDK's {@code HyperparameterTuner(estimator, objective_metric_name, hyperparameter_ranges)}.
   *
   * @param estimator            what to train; its hyperparameters minus the tuned names become
   *                             the static ones
   * @param objectiveMetricName  e.g. {@code validation:rmse} (for a command: one of its metric definitions)
   * @param hyperparameterRanges range by hyperparameter name; the order within each range type is kept
   */
  public HyperparameterTuner(Estimator estimator, String objectiveMetricName,
      Map<String, ? extends ParameterRange> hyperparameterRanges) {
    this.estimator = Objects.requireNonNull(estimator, "estimator: got null; expected an Estimator");
    this.objectiveMetricName = Objects.requireNonNull(objectiveMetricName,
        "objectiveMetricName: got null; expected a metric name such as validation:rmse");
    Objects.requireNonNull(hyperparameterRanges, "hyperparameterRanges: got null; expected a map of name to range");
    Map<String, ParameterRange> ranges = new LinkedHashMap<>();
    hyperparameterRanges.forEach((name, range) -> {
      if (name == null || range == null) {
        throw new IllegalArgumentException("hyperparameterRanges: got " + name + "=" + range
            + "; expected a hyperparameter name mapped to a ContinuousParameter, IntegerParameter or CategoricalParameter");
      }
      ranges.put(name, range);
    });
    this.hyperparameterRanges = Collections.unmodifiableMap(ranges);
  }

  /** A copy of {@code other}'s settings for another estimator, without its job. */
  private HyperparameterTuner(HyperparameterTuner other, Estimator estimator) {
    this(estimator, other.objectiveMetricName, other.hyperparameterRanges);
    objectiveType = other.objectiveType;
    strategy = other.strategy;
    maxJobs = other.maxJobs;
    maxParallelJobs = other.maxParallelJobs;
    earlyStoppingType = other.earlyStoppingType;
    randomSeed = other.randomSeed;
    baseTuningJobName = other.baseTuningJobName;
    maxRuntimeInSeconds = other.maxRuntimeInSeconds;
    completionCriteria = other.completionCriteria;
    warmStartConfig = other.warmStartConfig;
    metricDefinitions = other.metricDefinitions;
    hyperbandMinResource = other.hyperbandMinResource;
    hyperbandMaxResource = other.hyperbandMaxResource;
    observer = other.observer;
  }

  // ---- settings (the SDK's keyword arguments) -----------------------------------------------

  /** {@code "Minimize"} or {@code "Maximize"}; <b>the default is Maximize</b>, as in the SDK. */
  public HyperparameterTuner objectiveType(String objectiveType) {
    this.objectiveType = objectiveType;
    return this;
  }

  /** {@code Bayesian} (default), {@code Random}, {@code Grid} or {@code Hyperband}. */
  public HyperparameterTuner strategy(String strategy) {
    this.strategy = strategy;
    return this;
  }

  /** MaxNumberOfTrainingJobs (default 1; left out for Grid, which then runs every combination). */
  public HyperparameterTuner maxJobs(int maxJobs) {
    this.maxJobs = maxJobs;
    return this;
  }

  /** MaxParallelTrainingJobs (default 1; a run with 1 and a seed is reproducible to the bit). */
  public HyperparameterTuner maxParallelJobs(int maxParallelJobs) {
    this.maxParallelJobs = maxParallelJobs;
    return this;
  }

  /** TrainingJobEarlyStoppingType: {@code Off} (default) or {@code Auto} (the median rule). */
  public HyperparameterTuner earlyStoppingType(String earlyStoppingType) {
    this.earlyStoppingType = earlyStoppingType;
    return this;
  }

  /** RandomSeed (0 to 2^31-1); one seed drives the whole tuning job. */
  public HyperparameterTuner randomSeed(int randomSeed) {
    this.randomSeed = randomSeed;
    return this;
  }

  /** Prefix of default tuning job names (default: the estimator's base name, e.g. {@code xgboost}). */
  public HyperparameterTuner baseTuningJobName(String baseTuningJobName) {
    this.baseTuningJobName = baseTuningJobName;
    return this;
  }

  /** ResourceLimits.MaxRuntimeInSeconds: the whole tuning job's wall-clock limit (120 s or more). */
  public HyperparameterTuner maxRuntimeInSeconds(int maxRuntimeInSeconds) {
    this.maxRuntimeInSeconds = maxRuntimeInSeconds;
    return this;
  }

  /** TuningJobCompletionCriteria, the SDK's {@code completion_criteria_config}. */
  public HyperparameterTuner completionCriteria(TuningJobCompletionCriteriaConfig criteria) {
    this.completionCriteria = criteria;
    return this;
  }

  /** WarmStartConfig, the SDK's {@code warm_start_config} (see {@link #identicalDatasetAndAlgorithmTuner}). */
  public HyperparameterTuner warmStartConfig(WarmStartConfig warmStartConfig) {
    this.warmStartConfig = warmStartConfig;
    return this;
  }

  /** The SDK's {@code metric_definitions}: replaces the estimator's in the tuning request. */
  public HyperparameterTuner metricDefinitions(Map<String, String> nameToRegex) {
    this.metricDefinitions = nameToRegex == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(nameToRegex));
    return this;
  }

  /** StrategyConfig.HyperbandStrategyConfig for Strategy Hyperband, in boosting rounds or epochs. */
  public HyperparameterTuner hyperbandStrategyConfig(int minResource, int maxResource) {
    this.hyperbandMinResource = minResource;
    this.hyperbandMaxResource = maxResource;
    return this;
  }

  /** Hears about training jobs starting and ending (default: nothing). */
  public HyperparameterTuner observer(TuningObserver observer) {
    this.observer = Objects.requireNonNull(observer, "observer: got null; expected a TuningObserver");
    return this;
  }

  // ---- accessors ---------------------------------------------------------------------------

  /** The estimator tuned. */
  public Estimator estimator() {
    return estimator;
  }

  /** The objective metric name. */
  public String objectiveMetricName() {
    return objectiveMetricName;
  }

  /** The objective type, {@code Maximize} unless set. */
  public String objectiveType() {
    return objectiveType;
  }

  /** The strategy. */
  public String strategy() {
    return strategy;
  }

  /** The ranges by hyperparameter name. */
  public Map<String, ParameterRange> hyperparameterRanges() {
    return hyperparameterRanges;
  }

  /** MaxNumberOfTrainingJobs as set, or {@code null} for the default. */
  public Integer maxJobs() {
    return maxJobs;
  }

  /** MaxParallelTrainingJobs. */
  public int maxParallelJobs() {
    return maxParallelJobs;
  }

  /** The early stopping type. */
  public String earlyStoppingType() {
    return earlyStoppingType;
  }

  /** The random seed as set, or {@code null}. */
  public Integer randomSeed() {
    return randomSeed;
  }

  /** The warm start configuration, or {@code null}. */
  public WarmStartConfig warmStartConfig() {
    return warmStartConfig;
  }

  /** The completion criteria, or {@code null}. */
  public TuningJobCompletionCriteriaConfig completionCriteria() {
    return completionCriteria;
  }

  /** The name of the tuning job last started or attached, or {@code null}. */
  public String latestTuningJob() {
    return latestTuningJob;
  }

  // ---- the request --------------------------------------------------------------------------

  /**
   * The optimizer's ranges for {@link #hyperparameterRanges}, in map order.
   *
   * @throws SpecException naming the request entry of the first range that breaks the rules
   */
  private List<dev.tunelab.optimizer.space.ParameterRange> optimizerRanges() {
    List<dev.tunelab.optimizer.space.ParameterRange> out = new ArrayList<>();
    Map<String, Integer> perList = new HashMap<>();
    hyperparameterRanges.forEach((name, range) -> {
      String list = range.rangeType() + "ParameterRanges";
      int index = perList.merge(list, 1, Integer::sum) - 1;
      out.add(ParameterRangesJson.build(ParameterRangesJson.entryPath(list, index), () -> range.toRange(name)));
    });
    return out;
  }

  /**
   * The CreateHyperParameterTuningJob request {@code fit} sends, built as the SDK v2 builds it:
   * the config (Strategy, ResourceLimits, TrainingJobEarlyStoppingType, RandomSeed when set,
   * the objective, ParameterRanges with all three lists and string bounds with ScalingType,
   * completion criteria and Hyperband config when set), the TrainingJobDefinition (the
   * estimator's hyperparameters minus the tuned names as StaticHyperParameters, its
   * AlgorithmSpecification, the channels, ResourceConfig, StoppingCondition) and WarmStartConfig
   * when set. What SageMaker adds ({@code _tuning_objective_metric}, the {@code ObjectiveMetric}
   * definition) is added by the parser, as by the service.
   */
  public ObjectNode createRequest(String jobName, Map<String, ?> inputs) {
    ObjectNode o = Json.object();
    o.put("HyperParameterTuningJobName", jobName);
    ObjectNode cfg = o.putObject("HyperParameterTuningJobConfig");
    cfg.put("Strategy", strategy);
    ObjectNode limits = cfg.putObject("ResourceLimits");
    Integer jobs = maxJobs != null ? maxJobs : "Grid".equals(strategy) ? null : Integer.valueOf(1);
    if (jobs != null) {
      limits.put("MaxNumberOfTrainingJobs", jobs);
    }
    limits.put("MaxParallelTrainingJobs", maxParallelJobs);
    if (maxRuntimeInSeconds != null) {
      limits.put("MaxRuntimeInSeconds", maxRuntimeInSeconds);
    }
    cfg.put("TrainingJobEarlyStoppingType", earlyStoppingType);
    if (randomSeed != null) {
      cfg.put("RandomSeed", randomSeed);
    }
    ObjectNode objective = cfg.putObject("HyperParameterTuningJobObjective");
    objective.put("Type", objectiveType);
    objective.put("MetricName", objectiveMetricName);
    cfg.set("ParameterRanges", ParameterRangesJson.write(optimizerRanges(), PythonStrings::ofDouble));
    if (hyperbandMinResource != null) {
      cfg.putObject("StrategyConfig").putObject("HyperbandStrategyConfig")
          .put("MinResource", hyperbandMinResource).put("MaxResource", hyperbandMaxResource);
    }
    if (completionCriteria != null) {
      cfg.set("TuningJobCompletionCriteria", completionCriteria.toJson());
    }
    ObjectNode def = o.putObject("TrainingJobDefinition");
    ObjectNode statics = def.putObject("StaticHyperParameters");
    estimator.hyperparameters().forEach((name, value) -> {
      if (!hyperparameterRanges.containsKey(name)) {
        statics.put(name, value);
      }
    });
    def.set("AlgorithmSpecification", estimator.algorithmSpecification(metricDefinitions));
    def.set("InputDataConfig", Estimator.inputDataConfig(inputs));
    estimator.addResourcesAndLimits(def);
    if (warmStartConfig != null) {
      o.set("WarmStartConfig", warmStartConfig.toJson());
    }
    return o;
  }

  // ---- running ----------------------------------------------------------------------------

  /** Runs a tuning job with a default name and waits for it; see {@link #fit(Map, String, boolean)}. */
  public void fit(Map<String, ?> inputs) {
    fit(inputs, null, true);
  }

  /** Runs a tuning job named {@code jobName} and waits for it; see {@link #fit(Map, String, boolean)}. */
  public void fit(Map<String, ?> inputs, String jobName) {
    fit(inputs, jobName, true);
  }

  /** Runs a tuning job with a default name; see {@link #fit(Map, String, boolean)}. */
  public void fit(Map<String, ?> inputs, boolean wait) {
    fit(inputs, null, wait);
  }

  /**
   * Creates and runs a tuning job, the SDK v2's {@code fit(inputs, job_name, wait)}. The request
   * ({@link #createRequest}) is validated by the {@code tunelab tune} parser and every range's
   * extremes are checked against the trainer before anything is recorded, so bad input raises the
   * same {@link dev.tunelab.core.spec.SpecException} as the CLI and leaves nothing behind.
   *
   * @param inputs  channel name to location (String, {@link Path} or {@link java.net.URI})
   * @param jobName the tuning job name (1–32 characters of {@code a-zA-Z0-9-}), or {@code null}
   *                for {@code <base>-<yyMMdd-HHmm>} (local time; {@code -2}, {@code -3}, ... when taken)
   * @param wait    true: return when the job has ended; false: return once it is recorded and
   *                run it on a background thread ({@link #waitForCompletion()})
   * @throws dev.tunelab.core.spec.SpecException for bad input
   * @throws UnexpectedStatusException when waiting and the tuning job ends Failed
   * @throws IllegalStateException when a background fit of this tuner is still running
   */
  public void fit(Map<String, ?> inputs, String jobName, boolean wait) {
    CompletableFuture<TuningJobRecord> running = background;
    if (running != null && !running.isDone()) {
      throw new IllegalStateException("tuning job " + latestTuningJob
          + " of this tuner is still running; call waitForCompletion() or stop() first");
    }
    Path home = estimator.home();
    AtomicBoolean stop = new AtomicBoolean();
    try (JobStore store = JobStore.openSqlite(home)) {
      String base = baseTuningJobName != null ? baseTuningJobName : estimator.baseJobName();
      String name = jobName != null ? jobName
          : JobNames.tuning(base, Clock.systemDefaultZone(), n -> store.tuningJob(n).isPresent());
      ObjectNode request = createRequest(name, inputs);
      TuningJobSpec spec = TuningJobSpecParser.parse(
          JsonSpecReader.parse(request.toString(), "HyperparameterTuner.fit", LOG::info), Estimator.workingDirectory());
      TuningJobRunner runner = new TuningJobRunner(store, home);
      PreparedTuningJob prepared = runner.prepare(spec);
      background = null;
      interrupt = stop;
      latestTuningJob = name;
      if (wait) {
        TuningJobRecord rec = runner.run(prepared, observer, stop);
        check(rec);
        return;
      }
      runner.create(prepared);
      CompletableFuture<TuningJobRecord> future = new CompletableFuture<>();
      TuningObserver obs = observer;
      Thread t = new Thread(() -> {
        try (JobStore s = JobStore.openSqlite(home)) {
          future.complete(new TuningJobRunner(s, home).resume(name, obs, stop));
        } catch (Throwable e) {
          future.completeExceptionally(e);
        }
      }, "tunelab-tuner-" + name);
      t.setDaemon(false);
      background = future;
      t.start();
    }
  }

  /**
   * Waits until the latest tuning job ends, the SDK's {@code wait()}: joins a background
   * {@code fit}, or polls the store for an attached job another process runs.
   *
   * @throws UnexpectedStatusException when it ended Failed
   * @throws IllegalStateException when there is no tuning job yet
   */
  public void waitForCompletion() {
    String name = requireJob();
    CompletableFuture<TuningJobRecord> future = background;
    TuningJobRecord rec;
    if (future != null) {
      try {
        rec = future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for tuning job " + name, e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
          throw r;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException("tuning job " + name + " failed to run", cause);
      }
    } else {
      rec = record();
      while (!rec.status().isTerminal()) {
        try {
          Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for tuning job " + name, e);
        }
        rec = record();
      }
    }
    check(rec);
  }

  private static void check(TuningJobRecord rec) {
    if (rec.status() != TuningJobStatus.Completed && rec.status() != TuningJobStatus.Stopped) {
      throw new UnexpectedStatusException("tuning job", rec.name(), rec.status().name(), rec.failureReason());
    }
  }

  /**
   * Stops the latest tuning job, the SDK's {@code stop_tuning_job()}: it becomes Stopping, its
   * running training jobs are stopped, and it ends Stopped. Works from any thread and, through
   * the store, on a job another process runs.
   */
  public void stop() {
    String name = requireJob();
    AtomicBoolean flag = interrupt;
    if (flag != null) {
      flag.set(true);
    }
    try (JobStore store = JobStore.openSqlite(estimator.home())) {
      if (store.tuningJob(name).isPresent()) {
        store.requestStop(name);
      }
    }
  }

  // ---- results ----------------------------------------------------------------------------

  /**
   * The DescribeHyperParameterTuningJob response, as {@code tunelab
   * describe-hyper-parameter-tuning-job} prints it.
   */
  public JsonNode describe() {
    String name = requireJob();
    try (JobStore store = JobStore.openSqlite(estimator.home())) {
      store.tuningJob(name).orElseThrow(() -> new NoSuchJobException("tuning job", name));
      return DescribeTuningJob.of(store, name);
    }
  }

  /**
   * The best training job's name, the SDK's {@code best_training_job()}.
   *
   * @throws IllegalStateException when there is no tuning job, or no training job has emitted the
   *     objective yet (as the SDK raises)
   */
  public String bestTrainingJob() {
    TuningJobRecord rec = record();
    if (rec.bestTrainingJob() == null) {
      throw new IllegalStateException("Best training job not available for tuning job: " + rec.name()
          + " (status " + rec.status() + ")");
    }
    return rec.bestTrainingJob();
  }

  /** The SDK's {@code best_estimator()}: {@link Estimator#attach} of the best training job. */
  public Estimator bestEstimator() {
    return Estimator.attach(bestTrainingJob(), estimator.home());
  }

  /**
   * The SDK's {@code analytics().dataframe()}: one row per training job, one column per tuned
   * hyperparameter (numeric where every value is a number), then TrainingJobName,
   * TrainingJobStatus, FinalObjectiveValue, TrainingStartTime, TrainingEndTime and
   * TrainingElapsedTimeSeconds (as {@code tunelab analytics} prints it).
   */
  public Table analytics() {
    String name = requireJob();
    try (JobStore store = JobStore.openSqlite(estimator.home())) {
      return TuningAnalytics.of(name, store.trainingJobsOf(name));
    }
  }

  private TuningJobRecord record() {
    String name = requireJob();
    try (JobStore store = JobStore.openSqlite(estimator.home())) {
      return store.tuningJob(name).orElseThrow(() -> new NoSuchJobException("tuning job", name));
    }
  }

  private String requireJob() {
    String name = latestTuningJob;
    if (name == null) {
      throw new IllegalStateException("No tuning job available: call fit() or HyperparameterTuner.attach() first");
    }
    return name;
  }

  // ---- attach and warm start ---------------------------------------------------------------

  /** As {@link #attach(String, Path)} in the default home. */
  public static HyperparameterTuner attach(String tuningJobName) {
    return attach(tuningJobName, null);
  }

  /**
   * Rebuilds a tuner from a stored tuning job, the SDK's {@code HyperparameterTuner.attach}: the
   * estimator from the TrainingJobDefinition (its hyperparameters are the static ones,
   * {@code _tuning_objective_metric} included as the SDK shows it), the objective, the ranges,
   * the limits, strategy, seed, early stopping, completion criteria and warm start. The job
   * becomes the tuner's latest, so {@link #describe()}, {@link #bestTrainingJob()},
   * {@link #analytics()}, {@link #waitForCompletion()} and {@link #stop()} answer for it.
   *
   * @param home the TuneLab home, or {@code null} for the default
   * @throws NoSuchJobException when the home holds no such tuning job
   */
  public static HyperparameterTuner attach(String tuningJobName, Path home) {
    Path h = home != null ? home.toAbsolutePath().normalize() : TuneLabHome.resolve(null);
    if (!Files.isRegularFile(h.resolve("tunelab.db"))) {
      throw new NoSuchJobException("tuning job", tuningJobName);
    }
    TuningJobRecord rec;
    try (JobStore store = JobStore.openSqlite(h)) {
      rec = store.tuningJob(tuningJobName).orElseThrow(() -> new NoSuchJobException("tuning job", tuningJobName));
    }
    TuningJobSpec spec = StoredRequests.tuningJob(rec, null);
    Estimator estimator = Estimator.fromDefinition(spec.definition(), spec.staticHyperParameters(), h);
    Map<String, ParameterRange> ranges = new LinkedHashMap<>();
    spec.space().ranges().forEach(r -> ranges.put(r.name(), ParameterRange.of(r)));
    HyperparameterTuner t = new HyperparameterTuner(estimator, spec.objectiveMetric(), ranges);
    t.objectiveType = spec.direction().sageMakerName();
    t.strategy = spec.strategy().sageMakerName();
    t.maxJobs = spec.maxTrainingJobs();
    t.maxParallelJobs = spec.maxParallelJobs();
    t.maxRuntimeInSeconds = spec.maxRuntime() == null ? null : Math.toIntExact(spec.maxRuntime().toSeconds());
    t.earlyStoppingType = spec.earlyStopping().sageMakerName();
    t.randomSeed = Math.toIntExact(spec.randomSeed());
    t.completionCriteria = TuningJobCompletionCriteriaConfig.of(spec.completion());
    if (spec.hyperband() != null) {
      t.hyperbandMinResource = spec.hyperband().minResource();
      t.hyperbandMaxResource = spec.hyperband().maxResource();
    }
    if (spec.warmStart() != null) {
      t.warmStartConfig = WarmStartConfig.of(spec.warmStart());
    }
    t.latestTuningJob = tuningJobName;
    return t;
  }

  /**
   * A new tuner with the same estimator and settings, warm-started from this tuner's latest job
   * plus {@code additionalParents}, type IdenticalDataAndAlgorithm: the SDK's
   * {@code identical_dataset_and_algorithm_tuner(additional_parents)}. Fit it with the same data.
   *
   * @throws IllegalStateException when this tuner has no tuning job yet
   */
  public HyperparameterTuner identicalDatasetAndAlgorithmTuner(String... additionalParents) {
    return warmStartCopy(WarmStartType.IDENTICAL_DATA_AND_ALGORITHM, estimator, additionalParents);
  }

  /**
   * A new tuner warm-started from this tuner's latest job plus {@code additionalParents}, type
   * TransferLearning: the SDK's {@code transfer_learning_tuner(additional_parents)}.
   *
   * @throws IllegalStateException when this tuner has no tuning job yet
   */
  public HyperparameterTuner transferLearningTuner(String... additionalParents) {
    return warmStartCopy(WarmStartType.TRANSFER_LEARNING, estimator, additionalParents);
  }

  /** As {@link #transferLearningTuner(String...)} with another estimator (the SDK's {@code estimator=}). */
  public HyperparameterTuner transferLearningTuner(Estimator estimator, String... additionalParents) {
    return warmStartCopy(WarmStartType.TRANSFER_LEARNING, estimator, additionalParents);
  }

  private HyperparameterTuner warmStartCopy(WarmStartType type, Estimator est, String... additionalParents) {
    String name = requireJob();
    List<String> parents = new ArrayList<>();
    parents.add(name);
    parents.addAll(List.of(additionalParents));
    HyperparameterTuner copy = new HyperparameterTuner(this, est);
    copy.warmStartConfig = new WarmStartConfig(type, parents);
    return copy;
  }
}
