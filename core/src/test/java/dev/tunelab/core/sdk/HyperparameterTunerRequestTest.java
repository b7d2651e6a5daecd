package dev.tunelab.core.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.spec.EarlyStoppingType;
import dev.tunelab.core.spec.JsonSpecReader;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.spec.TuningJobSpecParser;
import dev.tunelab.core.spec.TuningStrategy;
import dev.tunelab.core.spec.WarmStartType;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.optimizer.Direction;
import dev.tunelab.optimizer.space.ContinuousRange;
import dev.tunelab.optimizer.space.IntegerRange;
import dev.tunelab.optimizer.space.ScalingType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request the tuner builds, and the input it refuses, without running any training job. */
class HyperparameterTunerRequestTest {

  @TempDir Path home;

  private static List<String> names(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path("Name").asText()));
    return out;
  }

  @Test
  void objectiveTypeDefaultsToMaximizeAsInTheSdk() {
    HyperparameterTuner tuner = new HyperparameterTuner(Course.estimator(home), "validation:rmse", Course.ranges());
    JsonNode objective = tuner.createRequest("t", Course.INPUTS)
        .path("HyperParameterTuningJobConfig").path("HyperParameterTuningJobObjective");
    assertEquals("Maximize", objective.path("Type").asText());
    assertEquals("validation:rmse", objective.path("MetricName").asText());
    assertEquals(Direction.MAXIMIZE, parse(tuner.createRequest("t", Course.INPUTS)).direction());
  }

  @Test
  void sdkDefaultsForLimitsStrategyAndEarlyStopping() {
    JsonNode cfg = new HyperparameterTuner(Course.estimator(home), "validation:rmse", Course.ranges())
        .createRequest("t", Course.INPUTS).path("HyperParameterTuningJobConfig");
    assertEquals("Bayesian", cfg.path("Strategy").asText());
    assertEquals(1, cfg.path("ResourceLimits").path("MaxNumberOfTrainingJobs").asInt());
    assertEquals(1, cfg.path("ResourceLimits").path("MaxParallelTrainingJobs").asInt());
    assertEquals("Off", cfg.path("TrainingJobEarlyStoppingType").asText());
    assertFalse(cfg.has("RandomSeed"), "no seed unless set");
  }

  @Test
  void rangesAreWrittenAsStringsWithScalingTypeInTheSdkLayout() {
    Map<String, ParameterRange> ranges = new java.util.LinkedHashMap<>();
    ranges.put("max_depth", new IntegerParameter(3, 12));
    ranges.put("eta", new ContinuousParameter(0.05, 0.5, ScalingType.LOGARITHMIC));
    ranges.put("booster", new CategoricalParameter(List.of("gbtree", "dart")));
    ranges.put("num_parallel_tree", new CategoricalParameter(1, 2));
    JsonNode pr = new HyperparameterTuner(Course.estimator(home), "validation:rmse", ranges)
        .createRequest("t", Course.INPUTS).path("HyperParameterTuningJobConfig").path("ParameterRanges");
    assertEquals(List.of("ContinuousParameterRanges", "CategoricalParameterRanges", "IntegerParameterRanges"),
        iterable(pr.fieldNames()));
    JsonNode depth = pr.path("IntegerParameterRanges").get(0);
    assertEquals("max_depth", depth.path("Name").asText());
    assertTrue(depth.path("MinValue").isTextual() && depth.path("MaxValue").isTextual());
    assertEquals("3", depth.path("MinValue").asText());
    assertEquals("12", depth.path("MaxValue").asText());
    assertEquals("Auto", depth.path("ScalingType").asText());
    JsonNode eta = pr.path("ContinuousParameterRanges").get(0);
    assertEquals("0.05", eta.path("MinValue").textValue());
    assertEquals("0.5", eta.path("MaxValue").textValue());
    assertEquals("Logarithmic", eta.path("ScalingType").asText());
    assertEquals(List.of("booster", "num_parallel_tree"), names(pr.path("CategoricalParameterRanges")));
    JsonNode trees = pr.path("CategoricalParameterRanges").get(1).path("Values");
    assertEquals("1", trees.get(0).textValue());
    assertEquals("2", trees.get(1).textValue());
    assertFalse(pr.path("CategoricalParameterRanges").get(0).has("ScalingType"));
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void staticHyperparametersAreTheEstimatorsMinusTheTunedNames() {
    JsonNode statics = Course.tuner(home).createRequest("t", Course.INPUTS)
        .path("TrainingJobDefinition").path("StaticHyperParameters");
    assertEquals(List.of("objective", "early_stopping_rounds", "num_round"), iterable(statics.fieldNames()));
    assertEquals("reg:linear", statics.path("objective").asText());
    assertEquals("10", statics.path("early_stopping_rounds").asText());
    assertEquals("200", statics.path("num_round").asText());
  }

  @Test
  void trainingJobDefinitionCarriesTheEstimatorAndTheChannels() {
    Estimator xgb = Course.estimator(home).maxRuntime(java.time.Duration.ofMinutes(5)).instanceType("ml.m4.xlarge");
    JsonNode def = new HyperparameterTuner(xgb, "validation:rmse", Course.ranges())
        .createRequest("t", Course.INPUTS).path("TrainingJobDefinition");
    assertEquals(Estimator.XGBOOST_IMAGE, def.path("AlgorithmSpecification").path("TrainingImage").asText());
    assertEquals("File", def.path("AlgorithmSpecification").path("TrainingInputMode").asText());
    assertEquals(300, def.path("StoppingCondition").path("MaxRuntimeInSeconds").asInt());
    assertEquals("ml.m4.xlarge", def.path("ResourceConfig").path("InstanceType").asText());
    List<String> uris = new ArrayList<>();
    List<String> channels = new ArrayList<>();
    def.path("InputDataConfig").forEach(c -> {
      channels.add(c.path("ChannelName").asText());
      uris.add(c.path("DataSource").path("S3DataSource").path("S3Uri").asText());
      assertEquals("S3Prefix", c.path("DataSource").path("S3DataSource").path("S3DataType").asText());
    });
    assertEquals(2, channels.size());
    assertEquals(Course.INPUTS.get(channels.get(0)), uris.get(0));
    assertEquals(Course.INPUTS.get(channels.get(1)), uris.get(1));
  }

  @Test
  void theRequestParsesWithTheCliParserIntoTheCourseSpace() {
    TuningJobSpec spec = parse(Course.tuner(home).maxJobs(20).maxParallelJobs(3).randomSeed(42)
        .createRequest("course", Course.INPUTS));
    assertEquals(Direction.MINIMIZE, spec.direction());
    assertEquals(20, spec.maxTrainingJobs());
    assertEquals(3, spec.maxParallelJobs());
    assertEquals(42, spec.randomSeed());
    assertEquals(List.of("max_depth", "min_child_weight", "eta", "subsample", "gamma"),
        spec.space().ranges().stream().map(r -> r.name()).toList());
    IntegerRange depth = (IntegerRange) spec.space().ranges().get(0);
    assertEquals(3, depth.min());
    assertEquals(12, depth.max());
    ContinuousRange gamma = (ContinuousRange) spec.space().ranges().get(4);
    assertEquals(0.0, gamma.min());
    assertEquals(10.0, gamma.max());
    assertEquals("validation:rmse", spec.staticHyperParameters().get("_tuning_objective_metric"));
  }

  @Test
  void gridLeavesMaxJobsOutUnlessSet() {
    HyperparameterTuner grid = new HyperparameterTuner(Course.estimator(home), "validation:rmse",
        Map.of("max_depth", new CategoricalParameter(3, 4, 5))).strategy("Grid");
    assertFalse(grid.createRequest("g", Course.INPUTS).path("HyperParameterTuningJobConfig")
        .path("ResourceLimits").has("MaxNumberOfTrainingJobs"));
    assertEquals(3, parse(grid.createRequest("g", Course.INPUTS)).maxTrainingJobs());
  }

  @Test
  void optionalSettingsAppearAsTheSdkWritesThem() {
    JsonNode cfg = Course.tuner(home).maxRuntimeInSeconds(600).earlyStoppingType("Auto")
        .completionCriteria(new TuningJobCompletionCriteriaConfig(5, true, 3.0))
        .createRequest("t", Course.INPUTS).path("HyperParameterTuningJobConfig");
    assertEquals(600, cfg.path("ResourceLimits").path("MaxRuntimeInSeconds").asInt());
    assertEquals("Auto", cfg.path("TrainingJobEarlyStoppingType").asText());
    JsonNode cc = cfg.path("TuningJobCompletionCriteria");
    assertEquals(5, cc.path("BestObjectiveNotImproving").path("MaxNumberOfTrainingJobsNotImproving").asInt());
    assertEquals("Enabled", cc.path("ConvergenceDetected").path("CompleteOnConvergence").asText());
    assertEquals(3.0, cc.path("TargetObjectiveMetricValue").asDouble());
  }

  @Test
  void warmStartConfigHasTheSdkShape() {
    ObjectNode json = new WarmStartConfig(WarmStartType.IDENTICAL_DATA_AND_ALGORITHM, List.of("a", "b", "a")).toJson();
    assertEquals("IdenticalDataAndAlgorithm", json.path("WarmStartType").asText());
    assertEquals(List.of("a", "b"), List.of(
        json.path("ParentHyperParameterTuningJobs").get(0).path("HyperParameterTuningJobName").asText(),
        json.path("ParentHyperParameterTuningJobs").get(1).path("HyperParameterTuningJobName").asText()));
    assertEquals(2, json.path("ParentHyperParameterTuningJobs").size());
    assertEquals(json, WarmStartConfig.of(new TuningJobSpec.WarmStart(WarmStartType.IDENTICAL_DATA_AND_ALGORITHM, List.of("a", "b"))).toJson());
  }

  @Test
  void badRangeIsRefusedByTheSharedParserNamingItAndNothingIsRecorded() {
    Map<String, ParameterRange> ranges = Course.ranges();
    ranges.put("max_depth", new IntegerParameter(5, 3));
    HyperparameterTuner tuner = new HyperparameterTuner(Course.estimator(home), "validation:rmse", ranges)
        .objectiveType("Minimize");
    SpecException e = assertThrows(SpecException.class, () -> tuner.fit(Course.INPUTS, "bad-range"));
    assertTrue(e.getMessage().contains("max_depth"), e.getMessage());
    assertTrue(e.field().contains("IntegerParameterRanges"), e.field());
    try (JobStore store = JobStore.openSqlite(home)) {
      assertTrue(store.tuningJob("bad-range").isEmpty());
      assertTrue(store.trainingJobs().isEmpty());
    }
  }

  @Test
  void badSettingsAreRefusedWithTheCliMessages() {
    SpecException type = assertThrows(SpecException.class,
        () -> Course.tuner(home).objectiveType("minimise").fit(Course.INPUTS, "bad-type"));
    assertTrue(type.field().endsWith("HyperParameterTuningJobObjective.Type"), type.field());
    assertTrue(type.getMessage().contains("minimise"), type.getMessage());
    SpecException name = assertThrows(SpecException.class, () -> Course.tuner(home).fit(Course.INPUTS, "no_underscores"));
    assertEquals("HyperParameterTuningJobName", name.field());
    SpecException metric = assertThrows(SpecException.class, () -> new HyperparameterTuner(Course.estimator(home),
        "validation:rmsee", Course.ranges()).fit(Course.INPUTS, "bad-metric"));
    assertTrue(metric.getMessage().contains("validation:rmsee"), metric.getMessage());
    SpecException channel = assertThrows(SpecException.class,
        () -> Course.tuner(home).fit(Map.of("train", "dataset:boston/train"), "no-validation"));
    assertTrue(channel.getMessage().contains("validation"), channel.getMessage());
    SpecException parallel = assertThrows(SpecException.class,
        () -> Course.tuner(home).maxParallelJobs(0).fit(Course.INPUTS, "zero-parallel"));
    assertTrue(parallel.field().endsWith("MaxParallelTrainingJobs"), parallel.field());
  }

  @Test
  void resultsBeforeAnyFitAreAnIllegalState() {
    HyperparameterTuner tuner = Course.tuner(home);
    assertThrows(IllegalStateException.class, tuner::bestTrainingJob);
    assertThrows(IllegalStateException.class, tuner::describe);
    assertThrows(IllegalStateException.class, tuner::identicalDatasetAndAlgorithmTuner);
    assertThrows(IllegalStateException.class, () -> Course.estimator(home).modelData());
  }

  @Test
  void estimatorHyperparametersAreStringifiedAsTheSdkDoes() {
    Estimator e = Estimator.xgboost().setHyperparameters("max_depth", 5, "eta", 0.2, "alpha", 1e-5, "verbose", true)
        .hyperparameter("gamma", 4.0).hyperparameters(Map.of("num_round", 200L));
    assertEquals(Map.of("max_depth", "5", "eta", "0.2", "alpha", "1e-05", "verbose", "True", "gamma", "4.0",
        "num_round", "200"), e.hyperparameters());
    IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
        () -> Estimator.xgboost().setHyperparameters("max_depth", 5, "eta"));
    assertTrue(odd.getMessage().contains("3"), odd.getMessage());
    IllegalArgumentException notName = assertThrows(IllegalArgumentException.class,
        () -> Estimator.xgboost().setHyperparameters(5, "max_depth"));
    assertTrue(notName.getMessage().contains("argument 0"), notName.getMessage());
  }

  @Test
  void attachOfAnUnknownJobNamesIt() {
    var e = assertThrows(IllegalArgumentException.class, () -> HyperparameterTuner.attach("nope", home));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
    var t = assertThrows(IllegalArgumentException.class, () -> Estimator.attach("nope-train", home));
    assertTrue(t.getMessage().contains("nope-train"), t.getMessage());
  }

  private TuningJobSpec parse(ObjectNode request) {
    return TuningJobSpecParser.parse(JsonSpecReader.parse(request.toString(), "test", n -> { }), home);
  }

  @Test
  void sdkRangesAreFactoriesOverTheOptimizersRanges() {
    assertEquals(new IntegerRange("max_depth", 3, 12), new IntegerParameter(3, 12).toRange("max_depth"));
    assertEquals(new ContinuousRange("eta", 0.05, 0.5, ScalingType.LOGARITHMIC),
        new ContinuousParameter(0.05, 0.5, ScalingType.LOGARITHMIC).toRange("eta"));
    assertEquals(List.of("1", "2"), new CategoricalParameter(1, 2).toRange("trees").values());
    for (ParameterRange r : List.of(new IntegerParameter(3, 12), new ContinuousParameter(0, 10),
        new CategoricalParameter("gbtree", "dart"))) {
      assertEquals(r, ParameterRange.of(r.toRange("x")), r.toString());
    }
  }

  @Test
  void aBadRangeNamesItsEntryInTheRequestLikeTheParser() {
    Map<String, ParameterRange> ranges = new java.util.LinkedHashMap<>();
    ranges.put("a", new IntegerParameter(1, 2));
    ranges.put("eta", new ContinuousParameter(0.5, 0.05));
    ranges.put("b", new IntegerParameter(0, 2, ScalingType.LOGARITHMIC));
    HyperparameterTuner tuner = new HyperparameterTuner(Course.estimator(home), "validation:rmse", ranges);
    SpecException e = assertThrows(SpecException.class, () -> tuner.createRequest("t", Course.INPUTS));
    assertEquals("HyperParameterTuningJobConfig.ParameterRanges.ContinuousParameterRanges[0]", e.field());
    assertTrue(e.getMessage().contains("eta"), e.getMessage());
    ranges.remove("eta");
    HyperparameterTuner logTuner = new HyperparameterTuner(Course.estimator(home), "validation:rmse", ranges);
    SpecException log = assertThrows(SpecException.class, () -> logTuner.createRequest("t", Course.INPUTS));
    assertEquals("HyperParameterTuningJobConfig.ParameterRanges.IntegerParameterRanges[1]", log.field());
  }

  @Test
  void theParsedSpecHoldsTypedSettings() {
    TuningJobSpec spec = parse(Course.tuner(home).maxJobs(4).earlyStoppingType("Auto").strategy("Random")
        .createRequest("typed", Course.INPUTS));
    assertEquals(TuningStrategy.RANDOM, spec.strategy());
    assertEquals(EarlyStoppingType.AUTO, spec.earlyStopping());
    assertEquals("Auto", spec.json().path("HyperParameterTuningJobConfig").path("TrainingJobEarlyStoppingType").asText());
    TuningJobSpec off = parse(Course.tuner(home).maxJobs(4).createRequest("typed", Course.INPUTS));
    assertEquals(EarlyStoppingType.OFF, off.earlyStopping());
    assertEquals(TuningStrategy.BAYESIAN, off.strategy());
    ObjectNode warm = Course.tuner(home).maxJobs(4).createRequest("typed", Course.INPUTS);
    warm.set("WarmStartConfig", new WarmStartConfig(WarmStartType.TRANSFER_LEARNING, List.of("parent")).toJson());
    assertEquals(new TuningJobSpec.WarmStart(WarmStartType.TRANSFER_LEARNING, List.of("parent")), parse(warm).warmStart());
  }
}
