package dev.tunelab.core.sdk;

import dev.tunelab.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.api.DescribeTrainingJob;
import dev.tunelab.core.job.JobContext;
import dev.tunelab.core.job.PreparedTrainingJob;
import dev.tunelab.core.job.TrainingJobRunner;
import dev.tunelab.core.job.TuneLabHome;
import dev.tunelab.core.spec.MetricDefinition;
import dev.tunelab.core.spec.AlgorithmSpec;
import dev.tunelab.core.spec.JsonSpecReader;
import dev.tunelab.core.spec.StoredRequests;
import dev.tunelab.core.spec.TrainingJobSpec;
import dev.tunelab.core.spec.TrainingJobSpecParser;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.NoSuchJobException;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.train.TrainingListener;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What to train and how, the SageMaker Python SDK's {@code sagemaker.estimator.Estimator}: the
 * algorithm (the built-in XGBoost4J trainer, chosen by an image name containing {@code xgboost},
 * or your own command under SageMaker's container contract), its hyperparameters, and the
 * training job's resources and time limit. {@link #fit(Map)} runs one training job and waits for
 * it; {@link #attach(String, Path)} rebuilds an estimator from a stored training job;
 * {@link HyperparameterTuner} tunes it.
 *
 * <pre>{@code
 * Estimator xgb = Estimator.xgboost()
 *     .setHyperparameters("max_depth", 5, "eta", 0.2, "objective", "reg:linear", "num_round", 200);
 * xgb.fit(Map.of("train", "dataset:boston/train", "validation", "dataset:boston/validation"));
 * Path model = xgb.modelData();
 * }</pre>
 *
 * <p>Setters return {@code this} and may be chained. Hyperparameter values are converted to
 * strings with Python's {@code str()}, as the SDK does ({@code 0.2 -> "0.2"}, {@code 1e-5 ->
 * "1e-05"}, {@code true -> "True"}). Channels are given to {@code fit}: a path (relative to the
 * working directory), a {@code file:} URI, {@code dataset:boston/train} (also {@code /validation},
 * {@code /test}) or {@code s3://bucket/key} (read from {@code <home>/s3/bucket/key}).
 * Jobs are recorded in the TuneLab home ({@link #home(Path)}; default as the CLI:
 * {@code $TUNELAB_HOME}, else {@code ~/.tunelab}), where {@code tunelab describe-training-job}
 * finds them too. Not thread-safe: configure it on one thread.
 */
public final class Estimator {

  private static final Logger LOG = LoggerFactory.getLogger(Estimator.class);

  /** The course's XGBoost image; any image name containing {@code xgboost} selects XGBoost4J. */
  public static final String XGBOOST_IMAGE = "811284229777.dkr.ecr.us-east-1.amazonaws.com/xgboost:1";
  /** The SDK's default {@code max_run}: one day. */
  public static final Duration DEFAULT_MAX_RUNTIME = Duration.ofSeconds(86_400);
  /** The metric definition name SageMaker adds for a tuning objective; dropped on attach. */
  static final String OBJECTIVE_METRIC_DEFINITION = "ObjectiveMetric";

  private final String trainingImage;
  private final List<String> containerEntrypoint;
  private List<String> containerArguments = List.of();
  private final Map<String, String> metricDefinitions = new LinkedHashMap<>();
  private final Map<String, String> hyperparameters = new LinkedHashMap<>();
  private Duration maxRuntime = DEFAULT_MAX_RUNTIME;
  private String instanceType = "local";
  private int instanceCount = 1;
  private int volumeSizeInGb = 30;
  private String outputPath;
  private final Map<String, String> environment = new LinkedHashMap<>();
  private String baseJobName;
  private Path home;
  private Consumer<String> logs = line -> { };
  private volatile String latestTrainingJob;

  private Estimator(String trainingImage, List<String> containerEntrypoint) {
    this.trainingImage = trainingImage;
    this.containerEntrypoint = List.copyOf(containerEntrypoint);
  }

  /** The built-in XGBoost4J trainer with the course's image name {@value #XGBOOST_IMAGE}. */
  public static Estimator xgboost() {
    return image(XGBOOST_IMAGE);
  }

  /**
   * An estimator for a training image, the SDK's {@code Estimator(image_uri=...)}. A name
   * containing {@code xgboost} runs the built-in XGBoost4J trainer; any other name needs a
   * command ({@link #command(List)}), which {@code fit} reports.
   */
  public static Estimator image(String trainingImage) {
    Objects.requireNonNull(trainingImage, "Estimator.trainingImage: got null; expected an image name such as "
        + XGBOOST_IMAGE);
    return new Estimator(trainingImage, List.of());
  }

  /**
   * Bring your own training command, the SDK's {@code container_entry_point}: each training job
   * runs it as a local process under SageMaker's container contract (hyperparameters in
   * {@code input/config/hyperparameters.json} and as {@code --name value} arguments,
   * {@code SM_CHANNEL_*}, {@code SM_MODEL_DIR}). Its metrics come from its output through
   * {@link #metricDefinitions(Map)}.
   */
  public static Estimator command(List<String> entrypoint) {
    Objects.requireNonNull(entrypoint, "Estimator.containerEntrypoint: got null; expected a command such as [python3, train.py]");
    if (entrypoint.isEmpty() || entrypoint.stream().anyMatch(s -> s == null || s.isEmpty())) {
      throw new IllegalArgumentException("Estimator.containerEntrypoint: got " + entrypoint
          + "; expected a non-empty command of non-empty strings such as [python3, train.py]");
    }
    return new Estimator(null, entrypoint);
  }

  /** As {@link #command(List)}. */
  public static Estimator command(String... entrypoint) {
    return command(List.of(entrypoint));
  }

  // ---- configuration ---------------------------------------------------------------------

  /** Arguments appended to the command, the SDK's {@code container_arguments}. */
  public Estimator containerArguments(List<String> arguments) {
    this.containerArguments = List.copyOf(arguments);
    return this;
  }

  /**
   * Metrics to read from a command's output, the SDK's {@code metric_definitions}: metric name
   * to a regex whose first group is the value (SageMaker's {@code #011} for a TAB works). Replaces
   * any given before; the order is kept.
   */
  public Estimator metricDefinitions(Map<String, String> nameToRegex) {
    metricDefinitions.clear();
    nameToRegex.forEach(this::metricDefinition);
    return this;
  }

  /** Adds one metric definition (see {@link #metricDefinitions(Map)}). */
  public Estimator metricDefinition(String name, String regex) {
    Objects.requireNonNull(name, "MetricDefinitions.Name: got null; expected a metric name");
    Objects.requireNonNull(regex, "MetricDefinitions.Regex: got null; expected a regex with one group");
    metricDefinitions.put(name, regex);
    return this;
  }

  /**
   * Sets hyperparameters, the SDK's {@code set_hyperparameters(**kwargs)}: each value is
   * converted with Python's {@code str()}; names already set are replaced, others kept.
   */
  public Estimator hyperparameters(Map<String, ?> values) {
    values.forEach(this::hyperparameter);
    return this;
  }

  /**
   * Sets hyperparameters given as name, value pairs:
   * {@code setHyperparameters("max_depth", 5, "eta", 0.2, "objective", "reg:linear")}.
   *
   * @throws IllegalArgumentException for an odd count or a name that is not a string
   */
  public Estimator setHyperparameters(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("setHyperparameters: got " + namesAndValues.length
          + " arguments; expected name, value pairs (an even count)");
    }
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (!(namesAndValues[i] instanceof String name)) {
        throw new IllegalArgumentException("setHyperparameters: argument " + i + " is '" + namesAndValues[i]
            + "'; expected a hyperparameter name (a String) before each value");
      }
      hyperparameter(name, namesAndValues[i + 1]);
    }
    return this;
  }

  /** Sets one hyperparameter; the value is converted with Python's {@code str()}. */
  public Estimator hyperparameter(String name, Object value) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("HyperParameters: got name '" + name + "'; expected a non-empty name");
    }
    if (value == null) {
      throw new IllegalArgumentException("HyperParameters." + name + ": got null; expected a value");
    }
    hyperparameters.put(name, PythonStrings.str(value));
    return this;
  }

  /** The training job's time limit, the SDK's {@code max_run} (default one day, whole seconds). */
  public Estimator maxRuntime(Duration maxRuntime) {
    this.maxRuntime = Objects.requireNonNull(maxRuntime, "StoppingCondition.MaxRuntimeInSeconds: got null; expected a duration");
    return this;
  }

  /** ResourceConfig.InstanceType, kept for describe (default {@code local}, as the SDK's local mode). */
  public Estimator instanceType(String instanceType) {
    this.instanceType = Objects.requireNonNull(instanceType, "ResourceConfig.InstanceType: got null");
    return this;
  }

  /** ResourceConfig.InstanceCount, kept for describe (default 1; TuneLab runs one). */
  public Estimator instanceCount(int instanceCount) {
    this.instanceCount = instanceCount;
    return this;
  }

  /** ResourceConfig.VolumeSizeInGB, kept for describe (default 30, the SDK's). */
  public Estimator volumeSizeInGb(int volumeSizeInGb) {
    this.volumeSizeInGb = volumeSizeInGb;
    return this;
  }

  /** OutputDataConfig.S3OutputPath, kept for describe (absent by default). */
  public Estimator outputPath(String outputPath) {
    this.outputPath = outputPath;
    return this;
  }

  /** Environment variables for a command's process, the SDK's {@code environment}. */
  public Estimator environment(Map<String, String> environment) {
    this.environment.clear();
    this.environment.putAll(environment);
    return this;
  }

  /** Prefix of default job names, the SDK's {@code base_job_name} (default: from the image or command). */
  public Estimator baseJobName(String baseJobName) {
    this.baseJobName = baseJobName;
    return this;
  }

  /** The TuneLab home that records the jobs; {@code null} means the CLI's default. */
  public Estimator home(Path home) {
    this.home = home == null ? null : home.toAbsolutePath().normalize();
    return this;
  }

  /** Receives each log line of a training job run by {@link #fit} (raw, tabs kept). */
  public Estimator logs(Consumer<String> sink) {
    this.logs = Objects.requireNonNull(sink, "logs: got null; expected a line consumer");
    return this;
  }

  // ---- accessors --------------------------------------------------------------------------

  /** The training image, or {@code null} for a command. */
  public String trainingImage() {
    return trainingImage;
  }

  /** The command (empty for an image). */
  public List<String> containerEntrypoint() {
    return containerEntrypoint;
  }

  /** The command's arguments. */
  public List<String> containerArguments() {
    return containerArguments;
  }

  /** Metric name to regex, in order. */
  public Map<String, String> metricDefinitions() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(metricDefinitions));
  }

  /** The hyperparameters as strings, the SDK's {@code hyperparameters()}; a snapshot. */
  public Map<String, String> hyperparameters() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
  }

  /** The training job time limit. */
  public Duration maxRuntime() {
    return maxRuntime;
  }

  /** The TuneLab home used: the one set, else {@code $TUNELAB_HOME}, else {@code ~/.tunelab}. */
  public Path home() {
    return home != null ? home : TuneLabHome.resolve(null);
  }

  /** The name of the training job last run or attached, or {@code null}. */
  public String latestTrainingJob() {
    return latestTrainingJob;
  }

  /** The base of default job names: {@link #baseJobName(String)}, else from the image or command. */
  public String baseJobName() {
    if (baseJobName != null) {
      return baseJobName;
    }
    return trainingImage != null ? JobNames.baseFromImage(trainingImage) : JobNames.baseFromCommand(containerEntrypoint);
  }

  // ---- running ----------------------------------------------------------------------------

  /** As {@link #fit(Map, String)} with a default name {@code <base>-<yyyy-MM-dd-HH-mm-ss-SSS>}. */
  public void fit(Map<String, ?> inputs) {
    fit(inputs, null);
  }

  /**
   * Runs one training job and waits for it, the SDK's {@code fit(inputs, job_name=...)} with
   * {@code wait=True}. The request is validated by the same parser as {@code tunelab train};
   * nothing is recorded when it is refused.
   *
   * @param inputs  channel name to location (String, {@link Path} or {@link URI})
   * @param jobName the training job name, or {@code null} for a default one
   * @throws dev.tunelab.core.spec.SpecException for bad input (names the field and value)
   * @throws UnexpectedStatusException when the job ends Failed (it stays recorded)
   */
  public void fit(Map<String, ?> inputs, String jobName) {
    Path h = home();
    try (JobStore store = JobStore.openSqlite(h)) {
      String name = jobName != null ? jobName
          : JobNames.training(baseJobName(), Clock.systemUTC(), n -> store.trainingJob(n).isPresent());
      ObjectNode request = trainingRequest(name, inputs);
      TrainingJobSpec spec = TrainingJobSpecParser.parse(
          JsonSpecReader.parse(request.toString(), "Estimator.fit", LOG::info), workingDirectory());
      TrainingJobRunner runner = new TrainingJobRunner(store, h);
      PreparedTrainingJob job = runner.prepare(spec);
      latestTrainingJob = name;
      Consumer<String> sink = logs;
      TrainingListener listener = new TrainingListener() {
        @Override public void log(String line) {
          sink.accept(line);
        }
        @Override public boolean metric(String metric, int iteration, double value) {
          return true;
        }
      };
      TrainingJobRecord rec = runner.run(job, JobContext.standalone(listener, () -> false));
      if (rec.status() == TrainingJobStatus.Failed) {
        throw new UnexpectedStatusException("training job", name, rec.status().name(), rec.failureReason());
      }
    }
  }

  /**
   * The CreateTrainingJob request {@code fit} sends, as the SDK builds it: AlgorithmSpecification,
   * HyperParameters, InputDataConfig, ResourceConfig, StoppingCondition (and OutputDataConfig,
   * Environment when set).
   */
  public ObjectNode trainingRequest(String jobName, Map<String, ?> inputs) {
    ObjectNode o = Json.object();
    o.put("TrainingJobName", jobName);
    o.set("AlgorithmSpecification", algorithmSpecification(null));
    ObjectNode hps = o.putObject("HyperParameters");
    hyperparameters.forEach(hps::put);
    o.set("InputDataConfig", inputDataConfig(inputs));
    addResourcesAndLimits(o);
    return o;
  }

  /** The SDK's {@code model_data}: the saved model of the latest training job. */
  public Path modelData() {
    TrainingJobRecord rec = latestRecord();
    if (rec.modelArtifact() == null) {
      throw new IllegalStateException("training job " + rec.name() + " has no model artifact (status "
          + rec.status() + (rec.failureReason() == null ? "" : ", " + rec.failureReason()) + ")");
    }
    return Path.of(rec.modelArtifact());
  }

  /** The DescribeTrainingJob response of the latest training job, as {@code tunelab describe-training-job} prints it. */
  public JsonNode describe() {
    return DescribeTrainingJob.of(latestRecord());
  }

  private TrainingJobRecord latestRecord() {
    String name = latestTrainingJob;
    if (name == null) {
      throw new IllegalStateException("Estimator has not been fit yet: call fit() or Estimator.attach() first");
    }
    try (JobStore store = JobStore.openSqlite(home())) {
      return store.trainingJob(name).orElseThrow(() -> new NoSuchJobException("training job", name));
    }
  }

  /** As {@link #attach(String, Path)} in the default home. */
  public static Estimator attach(String trainingJobName) {
    return attach(trainingJobName, null);
  }

  /**
   * Rebuilds an estimator from a stored training job, the SDK's {@code Estimator.attach}: its
   * algorithm, hyperparameters (as DescribeTrainingJob shows them, {@code _tuning_objective_metric}
   * included for a tuning job's jobs), resources and time limit; {@link #modelData()} and
   * {@link #describe()} then answer for that job. Unlike the SDK it does not wait for a job still
   * running.
   *
   * @param home the TuneLab home, or {@code null} for the default
   * @throws NoSuchJobException when the home holds no such training job
   */
  public static Estimator attach(String trainingJobName, Path home) {
    Path h = home != null ? home.toAbsolutePath().normalize() : TuneLabHome.resolve(null);
    if (!Files.isRegularFile(h.resolve("tunelab.db"))) {
      throw new NoSuchJobException("training job", trainingJobName);
    }
    try (JobStore store = JobStore.openSqlite(h)) {
      TrainingJobRecord rec = store.trainingJob(trainingJobName)
          .orElseThrow(() -> new NoSuchJobException("training job", trainingJobName));
      TuningJobRecord tuning = rec.tuningJobName() == null ? null : store.tuningJob(rec.tuningJobName()).orElse(null);
      Estimator e = fromDefinition(StoredRequests.trainingJob(rec, tuning, null), rec.hyperParameters(), h);
      e.latestTrainingJob = trainingJobName;
      return e;
    }
  }

  // ---- request pieces shared with the tuner ------------------------------------------------

  /**
   * Rebuilds an estimator from a stored job's typed spec (read by
   * {@link dev.tunelab.core.spec.StoredRequests}).
   *
   * @param hyperparameters the hyperparameters to carry, in order
   */
  static Estimator fromDefinition(TrainingJobSpec def, Map<String, String> hyperparameters, Path home) {
    AlgorithmSpec alg = def.algorithm();
    String image = alg.trainingImage() != null ? alg.trainingImage() : alg.algorithmName();
    Estimator e = new Estimator(image, alg.containerEntrypoint());
    e.containerArguments = alg.containerArguments();
    for (MetricDefinition m : alg.metricDefinitions()) {
      if (!OBJECTIVE_METRIC_DEFINITION.equals(m.name())) {
        e.metricDefinitions.put(m.name(), m.regex());
      }
    }
    e.hyperparameters.putAll(hyperparameters);
    e.instanceType = def.resources().instanceType();
    e.instanceCount = def.resources().instanceCount();
    e.volumeSizeInGb = def.resources().volumeSizeInGb();
    e.maxRuntime = def.maxRuntime();
    e.outputPath = def.outputPath();
    e.environment.putAll(new java.util.TreeMap<>(def.environment()));
    e.home = home;
    return e;
  }

  /** AlgorithmSpecification; {@code metricOverride} (the tuner's metric definitions) replaces ours when not null. */
  ObjectNode algorithmSpecification(Map<String, String> metricOverride) {
    ObjectNode a = Json.object();
    a.put("TrainingInputMode", "File");
    Map<String, String> metrics = metricOverride != null ? metricOverride : metricDefinitions;
    if (!metrics.isEmpty()) {
      ArrayNode defs = a.putArray("MetricDefinitions");
      metrics.forEach((n, r) -> defs.addObject().put("Name", n).put("Regex", r));
    }
    if (trainingImage != null) {
      a.put("TrainingImage", trainingImage);
    }
    if (!containerEntrypoint.isEmpty()) {
      ArrayNode ep = a.putArray("ContainerEntrypoint");
      containerEntrypoint.forEach(ep::add);
    }
    if (!containerArguments.isEmpty()) {
      ArrayNode args = a.putArray("ContainerArguments");
      containerArguments.forEach(args::add);
    }
    return a;
  }

  /** InputDataConfig as the SDK writes a plain location: an S3Prefix, FullyReplicated S3DataSource. */
  static ArrayNode inputDataConfig(Map<String, ?> inputs) {
    Objects.requireNonNull(inputs, "inputs: got null; expected a map of channel name to location, e.g. "
        + "{train=dataset:boston/train, validation=dataset:boston/validation}");
    ArrayNode channels = Json.array();
    for (Map.Entry<String, ?> e : inputs.entrySet()) {
      Object v = e.getValue();
      String uri;
      if (v instanceof String s) {
        uri = s;
      } else if (v instanceof Path p) {
        uri = p.toAbsolutePath().toString();
      } else if (v instanceof URI u) {
        uri = u.toString();
      } else {
        throw new IllegalArgumentException("inputs." + e.getKey() + ": got '" + v
            + "'; expected a location: a path (String or Path), a file: URI, dataset:boston/<part> or s3://...");
      }
      ObjectNode c = channels.addObject();
      c.put("ChannelName", e.getKey());
      ObjectNode s3 = c.putObject("DataSource").putObject("S3DataSource");
      s3.put("S3DataType", "S3Prefix");
      s3.put("S3Uri", uri);
      s3.put("S3DataDistributionType", "FullyReplicated");
    }
    return channels;
  }

  /** Adds OutputDataConfig (when set), ResourceConfig, StoppingCondition and Environment (when set). */
  void addResourcesAndLimits(ObjectNode o) {
    if (outputPath != null) {
      o.putObject("OutputDataConfig").put("S3OutputPath", outputPath);
    }
    ObjectNode r = o.putObject("ResourceConfig");
    r.put("InstanceCount", instanceCount);
    r.put("InstanceType", instanceType);
    r.put("VolumeSizeInGB", volumeSizeInGb);
    o.putObject("StoppingCondition").put("MaxRuntimeInSeconds", maxRuntime.toSeconds());
    if (!environment.isEmpty()) {
      ObjectNode env = o.putObject("Environment");
      environment.forEach(env::put);
    }
  }

  /** Relative channel paths resolve against the working directory. */
  static Path workingDirectory() {
    return Path.of("").toAbsolutePath();
  }
}
