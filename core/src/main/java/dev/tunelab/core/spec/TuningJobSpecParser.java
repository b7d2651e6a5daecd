package dev.tunelab.core.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.optimizer.Direction;
import dev.tunelab.optimizer.space.ParameterRange;
import dev.tunelab.optimizer.space.SearchSpace;
import dev.tunelab.optimizer.GridStrategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Parses and validates a CreateHyperParameterTuningJob request body with SageMaker's rules and
 * limits, and adds what SageMaker adds: {@code _tuning_objective_metric} in the static
 * hyperparameters and an {@code ObjectiveMetric} entry in the metric definitions.
 */
public final class TuningJobSpecParser {

  /** SageMaker's tuning job name rule (1–32 characters). */
  public static final Pattern TUNING_JOB_NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}");
  /** Largest MaxNumberOfTrainingJobs accepted. */
  public static final int MAX_TRAINING_JOBS = 10_000;
  /** Largest MaxParallelTrainingJobs accepted. */
  public static final int MAX_PARALLEL_JOBS = 100;

  /** The static hyperparameter SageMaker adds to a tuning job's training jobs: the objective's metric name. */
  private static final String OBJECTIVE_METRIC_HP = "_tuning_objective_metric";
  /** Most static plus tunable hyperparameters (the added objective metric one included). */
  private static final int MAX_HYPERPARAMETERS = 100;

  private static final Set<String> FIELDS = Set.of("HyperParameterTuningJobName",
      "HyperParameterTuningJobConfig", "TrainingJobDefinition", "WarmStartConfig");
  private static final Set<String> AWS_ONLY = Set.of("Tags", "Autotune");
  private static final Set<String> DEFINITION_FIELDS = Set.of("DefinitionName", "StaticHyperParameters",
      "AlgorithmSpecification", "InputDataConfig", "OutputDataConfig", "ResourceConfig",
      "HyperParameterTuningResourceConfig", "StoppingCondition", "Environment");
  private static final Set<String> DEFINITION_AWS_ONLY = Set.of("RoleArn", "VpcConfig",
      "EnableNetworkIsolation", "EnableInterContainerTrafficEncryption", "EnableManagedSpotTraining",
      "CheckpointConfig", "RetryStrategy");

  private TuningJobSpecParser() { }

  /** Reads and validates a tuning spec file. */
  public static TuningJobSpec parse(Path file, Consumer<String> notices) {
    JsonSpecReader r = JsonSpecReader.read(file, notices);
    return parse(r, file.toAbsolutePath().getParent());
  }

  /** Validates an already-read tuning spec. */
  public static TuningJobSpec parse(JsonSpecReader r, Path baseDir) {
    r.refuseOtherKind("CreateHyperParameterTuningJob", List.of("HyperParameterTuningJobConfig", "HyperParameterTuningJobName"),
        "CreateTrainingJob", List.of("TrainingJobName", "AlgorithmSpecification", "HyperParameters"), "train");
    r.checkFields(FIELDS, AWS_ONLY);
    String name = r.string("HyperParameterTuningJobName");
    if (!TUNING_JOB_NAME.matcher(name).matches()) {
      throw new SpecException("HyperParameterTuningJobName", name,
          "1 to 32 characters of a-z, A-Z, 0-9 and '-', starting and ending with a letter or digit");
    }
    TuningJobSpec.WarmStart warmStart = warmStart(r, name);
    if (r.has("TrainingJobDefinitions")) {
      throw new SpecException("TrainingJobDefinitions", "multi-algorithm tuning is not supported; use TrainingJobDefinition");
    }
    JsonSpecReader config = r.object("HyperParameterTuningJobConfig");
    config.checkFields(Set.of("Strategy", "StrategyConfig", "HyperParameterTuningJobObjective", "ResourceLimits",
        "ParameterRanges", "TrainingJobEarlyStoppingType", "TuningJobCompletionCriteria", "RandomSeed"), Set.of());
    TuningStrategy strategy = TuningStrategy.fromSageMaker(config.oneOf("Strategy", TuningStrategy.sageMakerNames()));

    JsonSpecReader objective = config.object("HyperParameterTuningJobObjective");
    objective.checkFields(Set.of("Type", "MetricName"), Set.of());
    Direction direction = Direction.fromSageMaker(objective.oneOf("Type", List.of("Minimize", "Maximize")));
    String metric = objective.string("MetricName");
    if (metric.isEmpty() || metric.length() > 255) {
      throw new SpecException(objective.path() + ".MetricName", metric, "1 to 255 characters");
    }

    SearchSpace space = ParameterRangesJson.read(config);

    JsonSpecReader limits = config.object("ResourceLimits");
    limits.checkFields(Set.of("MaxNumberOfTrainingJobs", "MaxParallelTrainingJobs", "MaxRuntimeInSeconds"), Set.of());
    int maxParallel = (int) limits.integer("MaxParallelTrainingJobs", 1, MAX_PARALLEL_JOBS);
    int maxJobs;
    if (strategy == TuningStrategy.GRID) {
      long combos = gridSize(config, space);
      if (limits.has("MaxNumberOfTrainingJobs")) {
        maxJobs = (int) limits.integer("MaxNumberOfTrainingJobs", 1, MAX_TRAINING_JOBS);
        if (maxJobs != combos) {
          throw new SpecException(limits.path() + ".MaxNumberOfTrainingJobs", maxJobs,
              "the number of grid combinations, " + combos + " (or leave it out), as SageMaker requires for Grid");
        }
      } else {
        maxJobs = (int) combos;
      }
    } else {
      maxJobs = (int) limits.integer("MaxNumberOfTrainingJobs", 1, MAX_TRAINING_JOBS);
    }
    Duration maxRuntime = limits.has("MaxRuntimeInSeconds")
        ? Duration.ofSeconds(limits.integer("MaxRuntimeInSeconds", 120, 15_768_000)) : null;

    EarlyStoppingType earlyStopping = EarlyStoppingType.fromSageMaker(config.oneOf("TrainingJobEarlyStoppingType",
        EarlyStoppingType.sageMakerNames(), EarlyStoppingType.OFF.sageMakerName()));
    TuningJobSpec.HyperbandConfig hyperband = hyperband(config, strategy);
    if (strategy == TuningStrategy.HYPERBAND && earlyStopping == EarlyStoppingType.AUTO) {
      throw new SpecException(config.path() + ".TrainingJobEarlyStoppingType", earlyStopping.sageMakerName(),
          "Off: Hyperband has its own early stopping, as SageMaker requires");
    }
    TuningJobSpec.CompletionCriteria completion = completion(config);
    long seed = config.has("RandomSeed") ? config.integer("RandomSeed", 0, Integer.MAX_VALUE)
        : ThreadLocalRandom.current().nextInt(0, Integer.MAX_VALUE);

    JsonSpecReader def = r.object("TrainingJobDefinition");
    def.checkFields(DEFINITION_FIELDS, DEFINITION_AWS_ONLY);
    if (def.has("HyperParameterTuningResourceConfig") && def.has("ResourceConfig")) {
      throw new SpecException(def.path() + ".HyperParameterTuningResourceConfig", "give ResourceConfig or HyperParameterTuningResourceConfig, not both");
    }
    AlgorithmSpec algorithm = TrainingSpecParts.algorithm(def.object("AlgorithmSpecification"));
    Map<String, String> statics = new LinkedHashMap<>(def.stringMap("StaticHyperParameters", 100));
    statics.keySet().forEach(k -> HyperParameterNames.check(def.path() + ".StaticHyperParameters." + k, k));
    for (ParameterRange p : space.ranges()) {
      if (statics.containsKey(p.name())) {
        throw new SpecException(def.path() + ".StaticHyperParameters." + p.name(), statics.get(p.name()),
            "no static value for a hyperparameter that ParameterRanges tunes");
      }
    }
    if (statics.containsKey(OBJECTIVE_METRIC_HP) && !statics.get(OBJECTIVE_METRIC_HP).equals(metric)) {
      // the user wrote the service's own entry: name it as they wrote it, and say what it is
      throw new SpecException(def.path() + ".StaticHyperParameters." + OBJECTIVE_METRIC_HP,
          statics.get(OBJECTIVE_METRIC_HP), "the tuning objective's MetricName '" + metric
              + "', or no such entry (the tuning job sets it to the objective metric itself, as SageMaker does)");
    }
    int given = statics.size() - (statics.containsKey(OBJECTIVE_METRIC_HP) ? 1 : 0) + space.size();
    if (given > MAX_HYPERPARAMETERS - 1) {
      throw new SpecException(def.path() + ".StaticHyperParameters", given + " static and tunable hyperparameters",
          "at most " + (MAX_HYPERPARAMETERS - 1) + " static and tunable hyperparameters together (SageMaker's limit is "
              + MAX_HYPERPARAMETERS + ", and the tuning job adds one static hyperparameter of its own, naming the"
              + " objective metric, to every training job)");
    }
    AlgorithmContract contract = algorithm.contract();
    statics.keySet().stream().filter(k -> !k.equals(OBJECTIVE_METRIC_HP)).forEach(k ->
        HyperParameterNames.checkKnown(def.path() + ".StaticHyperParameters." + k, k, contract));
    Map<String, String> namePaths = ParameterRangesJson.namePaths(config);
    for (ParameterRange p : space.ranges()) {
      HyperParameterNames.checkKnown(namePaths.getOrDefault(p.name(), config.path() + ".ParameterRanges"),
          p.name(), contract);
    }
    statics.put(OBJECTIVE_METRIC_HP, metric);
    for (ParameterRange p : space.ranges()) {
      if (contract.untunableHyperParameters().contains(p.name())) {
        throw new SpecException(config.path() + ".ParameterRanges", p.name(), "ranges of tunable hyperparameters only ("
            + p.name() + " is not tunable, as in SageMaker's XGBoost container; give it in StaticHyperParameters)");
      }
    }
    contract.checkMetric(objective.path() + ".MetricName", metric);
    contract.checkMetricFits(objective.path() + ".MetricName", metric, statics,
        space.ranges().stream().map(ParameterRange::name).collect(java.util.stream.Collectors.toSet()));
    var channels = TrainingSpecParts.channels(def);
    String output = TrainingSpecParts.outputPath(def);
    var resources = TrainingSpecParts.resources(def,
        def.has("HyperParameterTuningResourceConfig") ? "HyperParameterTuningResourceConfig" : "ResourceConfig");
    var trainingMaxRuntime = TrainingSpecParts.maxRuntime(def);
    var env = TrainingSpecParts.environment(def);

    ObjectNode json = r.copy();
    ObjectNode defJson = (ObjectNode) json.get("TrainingJobDefinition");
    ObjectNode staticJson = defJson.putObject("StaticHyperParameters");
    statics.forEach(staticJson::put);
    ObjectNode cfgJson = (ObjectNode) json.get("HyperParameterTuningJobConfig");
    cfgJson.put("RandomSeed", seed);
    cfgJson.put("TrainingJobEarlyStoppingType", earlyStopping.sageMakerName());
    ((ObjectNode) cfgJson.get("ResourceLimits")).put("MaxNumberOfTrainingJobs", maxJobs);
    addObjectiveMetricDefinition(defJson, contract.metricDefinition(metric));

    TrainingJobSpec definition = new TrainingJobSpec(name, algorithm, statics, channels, output, resources,
        trainingMaxRuntime, env, baseDir, defJson.deepCopy());
    return new TuningJobSpec(name, strategy, direction, metric, maxJobs, maxParallel, maxRuntime, space,
        earlyStopping, completion, hyperband, seed, statics, warmStart, definition, json);
  }

  private static TuningJobSpec.WarmStart warmStart(JsonSpecReader r, String name) {
    JsonSpecReader w = r.optionalObject("WarmStartConfig");
    if (w == null) {
      return null;
    }
    w.checkFields(Set.of("ParentHyperParameterTuningJobs", "WarmStartType"), Set.of());
    WarmStartType type = WarmStartType.fromSageMaker(w.oneOf("WarmStartType", WarmStartType.sageMakerNames()));
    List<String> parents = new ArrayList<>();
    for (JsonSpecReader p : w.objects("ParentHyperParameterTuningJobs", 1, 5)) {
      p.checkFields(Set.of("HyperParameterTuningJobName"), Set.of());
      String parent = p.string("HyperParameterTuningJobName");
      if (parent.equals(name)) {
        throw new SpecException(p.path() + ".HyperParameterTuningJobName", parent, "another tuning job than this one");
      }
      if (parents.contains(parent)) {
        throw new SpecException(p.path() + ".HyperParameterTuningJobName", parent, "a parent listed only once");
      }
      parents.add(parent);
    }
    return new TuningJobSpec.WarmStart(type, parents);
  }

  private static long gridSize(JsonSpecReader config, SearchSpace space) {
    for (ParameterRange p : space.ranges()) {
      if (!p.discrete()) {
        throw new SpecException(config.path() + ".ParameterRanges.ContinuousParameterRanges", p.name(),
            "no continuous ranges with Strategy Grid (Grid enumerates categorical and integer ranges)");
      }
    }
    long n = GridStrategy.combinations(space);
    if (n > MAX_TRAINING_JOBS) {
      throw new SpecException(config.path() + ".ParameterRanges", n + " grid combinations",
          "at most " + MAX_TRAINING_JOBS + " combinations for Strategy Grid");
    }
    return n;
  }

  private static TuningJobSpec.HyperbandConfig hyperband(JsonSpecReader config, TuningStrategy strategy) {
    JsonSpecReader sc = config.optionalObject("StrategyConfig");
    if (sc == null) {
      if (strategy == TuningStrategy.HYPERBAND) {
        throw new SpecException(config.path() + ".StrategyConfig.HyperbandStrategyConfig", null,
            "MinResource and MaxResource (in boosting rounds or epochs) for Strategy Hyperband");
      }
      return null;
    }
    sc.checkFields(Set.of("HyperbandStrategyConfig"), Set.of());
    if (strategy != TuningStrategy.HYPERBAND) {
      throw new SpecException(sc.path(), "StrategyConfig is only for Strategy Hyperband (Strategy is "
          + strategy.sageMakerName() + ")");
    }
    JsonSpecReader h = sc.object("HyperbandStrategyConfig");
    h.checkFields(Set.of("MinResource", "MaxResource"), Set.of());
    int min = (int) h.integer("MinResource", 1, 20_000, 1);
    int max = (int) h.integer("MaxResource", 1, 20_000);
    if (min > max) {
      throw new SpecException(h.path() + ".MinResource", min, "at most MaxResource (" + max + ")");
    }
    return new TuningJobSpec.HyperbandConfig(min, max);
  }

  private static TuningJobSpec.CompletionCriteria completion(JsonSpecReader config) {
    JsonSpecReader c = config.optionalObject("TuningJobCompletionCriteria");
    if (c == null) {
      return TuningJobSpec.CompletionCriteria.NONE;
    }
    c.checkFields(Set.of("TargetObjectiveMetricValue", "BestObjectiveNotImproving", "ConvergenceDetected"), Set.of());
    Double target = c.has("TargetObjectiveMetricValue") ? c.number("TargetObjectiveMetricValue") : null;
    int notImproving = 0;
    JsonSpecReader b = c.optionalObject("BestObjectiveNotImproving");
    if (b != null) {
      b.checkFields(Set.of("MaxNumberOfTrainingJobsNotImproving"), Set.of());
      notImproving = (int) b.integer("MaxNumberOfTrainingJobsNotImproving", 3, MAX_TRAINING_JOBS);
    }
    boolean convergence = false;
    JsonSpecReader cd = c.optionalObject("ConvergenceDetected");
    if (cd != null) {
      cd.checkFields(Set.of("CompleteOnConvergence"), Set.of());
      convergence = cd.oneOf("CompleteOnConvergence", List.of("Disabled", "Enabled"), "Disabled").equals("Enabled");
    }
    return new TuningJobSpec.CompletionCriteria(target, notImproving, convergence);
  }

  /**
   * Adds what SageMaker adds to a tuning job's metric definitions: the objective metric's own
   * definition when the request has none, and an {@code ObjectiveMetric} entry with its regex.
   */
  private static void addObjectiveMetricDefinition(ObjectNode defJson, MetricDefinition objective) {
    ObjectNode alg = (ObjectNode) defJson.get("AlgorithmSpecification");
    ArrayNode defs = alg.has("MetricDefinitions") ? (ArrayNode) alg.get("MetricDefinitions") : alg.putArray("MetricDefinitions");
    boolean present = false;
    for (var d : defs) {
      present |= objective.name().equals(d.path("Name").asText());
    }
    if (!present) {
      ObjectNode m = defs.addObject();
      m.put("Name", objective.name());
      m.put("Regex", objective.regex());
    }
    ObjectNode o = defs.addObject();
    o.put("Name", "ObjectiveMetric");
    o.put("Regex", objective.regex());
  }
}
