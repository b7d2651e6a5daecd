package dev.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.store.JobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad tuning specs through the real command line: each is the course's spec with one mistake,
 * and each exits 2 with a message naming the field (its JSON path), leaving no tuning job, no
 * training job and no job folder behind.
 */
class TuneBadInputTest {

  @TempDir Path dir;

  static ObjectNode cfg(ObjectNode s) {
    return TuneTestSupport.config(s);
  }

  static ObjectNode limits(ObjectNode s) {
    return TuneTestSupport.limits(s);
  }

  static ObjectNode ranges(ObjectNode s) {
    return (ObjectNode) cfg(s).get("ParameterRanges");
  }

  /** The i-th range of a kind: IntegerParameterRanges [max_depth, min_child_weight], Continuous [eta, subsample, gamma]. */
  static ObjectNode range(ObjectNode s, String kind, int i) {
    return (ObjectNode) ranges(s).get(kind).get(i);
  }

  static ArrayNode list(ObjectNode s, String kind) {
    return (ArrayNode) ranges(s).get(kind);
  }

  static ObjectNode statics(ObjectNode s) {
    return (ObjectNode) TuneTestSupport.definition(s).get("StaticHyperParameters");
  }

  static Arguments bad(String label, Consumer<ObjectNode> change, String... expected) {
    return Arguments.of(label, change, expected);
  }

  static final String INT = "IntegerParameterRanges";
  static final String CONT = "ContinuousParameterRanges";
  static final String CAT = "CategoricalParameterRanges";

  static Stream<Arguments> badSpecs() {
    return Stream.of(
        bad("missing HyperParameterTuningJobName", s -> s.remove("HyperParameterTuningJobName"),
            "HyperParameterTuningJobName"),
        bad("name of 33 characters", s -> s.put("HyperParameterTuningJobName", "a".repeat(33)),
            "HyperParameterTuningJobName", "32"),
        bad("name with an underscore", s -> s.put("HyperParameterTuningJobName", "boston_hpo"),
            "HyperParameterTuningJobName"),
        bad("unknown top-level field", s -> s.put("HyperParameterTuningJobNmae", "x"), "HyperParameterTuningJobNmae"),
        bad("missing config", s -> s.remove("HyperParameterTuningJobConfig"), "HyperParameterTuningJobConfig"),
        bad("Strategy Genetic", s -> cfg(s).put("Strategy", "Genetic"), "Strategy", "Genetic"),
        bad("objective Type Smallest", s -> ((ObjectNode) cfg(s).get("HyperParameterTuningJobObjective"))
            .put("Type", "Smallest"), "HyperParameterTuningJobObjective.Type", "Smallest"),
        bad("MetricName not an XGBoost metric", s -> ((ObjectNode) cfg(s).get("HyperParameterTuningJobObjective"))
            .put("MetricName", "validation:foo"), "MetricName", "validation:foo"),
        bad("MaxParallelTrainingJobs 0", s -> limits(s).put("MaxParallelTrainingJobs", 0),
            "ResourceLimits.MaxParallelTrainingJobs"),
        bad("MaxNumberOfTrainingJobs 0", s -> limits(s).put("MaxNumberOfTrainingJobs", 0),
            "ResourceLimits.MaxNumberOfTrainingJobs"),
        bad("MaxNumberOfTrainingJobs as a string", s -> limits(s).put("MaxNumberOfTrainingJobs", "20"),
            "ResourceLimits.MaxNumberOfTrainingJobs"),
        bad("MaxRuntimeInSeconds 60", s -> limits(s).put("MaxRuntimeInSeconds", 60),
            "ResourceLimits.MaxRuntimeInSeconds", "120"),
        bad("RandomSeed negative", s -> cfg(s).put("RandomSeed", -1), "RandomSeed"),
        bad("eta range from 0 (the trainer refuses eta 0)", s -> range(s, CONT, 0).put("MinValue", "0"),
            "HyperParameterTuningJobConfig.ParameterRanges", "eta"),
        bad("Logarithmic scaling from 0 on gamma", s -> range(s, CONT, 2).put("ScalingType", "Logarithmic"),
            "ContinuousParameterRanges[2]", "gamma"),
        bad("ReverseLogarithmic on an integer range", s -> range(s, INT, 0).put("ScalingType", "ReverseLogarithmic"),
            "IntegerParameterRanges[0]", "max_depth"),
        bad("unknown ScalingType", s -> range(s, INT, 0).put("ScalingType", "Quadratic"),
            "IntegerParameterRanges[0].ScalingType"),
        bad("MinValue above MaxValue", s -> range(s, INT, 1).put("MinValue", "9"),
            "IntegerParameterRanges[1]", "min_child_weight"),
        bad("MinValue abc", s -> range(s, CONT, 1).put("MinValue", "abc"),
            "ContinuousParameterRanges[1].MinValue", "abc"),
        bad("integer MaxValue 12.5", s -> range(s, INT, 0).put("MaxValue", "12.5"),
            "IntegerParameterRanges[0].MaxValue"),
        bad("duplicate range name", s -> range(s, CONT, 1).put("Name", "eta"),
            "ContinuousParameterRanges[1].Name", "eta"),
        bad("a static hyperparameter that is also tuned", s -> statics(s).put("max_depth", "5"),
            "StaticHyperParameters.max_depth"),
        bad("static hyperparameter as a JSON number", s -> statics(s).put("gamma_x", 1), "StaticHyperParameters"),
        bad("tuning an unknown XGBoost hyperparameter", s -> range(s, INT, 1).put("Name", "max_dpeth"),
            "HyperParameterTuningJobConfig.ParameterRanges", "max_dpeth"),
        bad("Grid with a continuous range", s -> cfg(s).put("Strategy", "Grid"), "ContinuousParameterRanges", "Grid"),
        bad("Hyperband without StrategyConfig", s -> cfg(s).put("Strategy", "Hyperband"), "StrategyConfig"),
        bad("unknown field in ParameterRanges", s -> ranges(s).putArray("FloatParameterRanges"),
            "FloatParameterRanges"),
        bad("unknown field in a range", s -> range(s, INT, 0).put("Step", "1"), "IntegerParameterRanges[0]", "Step"),
        bad("no ranges at all", s -> {
          list(s, INT).removeAll();
          list(s, CONT).removeAll();
        }, "ParameterRanges"),
        bad("31 ranges", s -> {
          for (int i = 0; i < 26; i++) {
            list(s, CONT).addObject().put("Name", "p" + i).put("MinValue", "0").put("MaxValue", "1");
          }
        }, "ParameterRanges", "30"),
        bad("a categorical with 31 values", s -> {
          ArrayNode values = list(s, CAT).addObject().put("Name", "booster").putArray("Values");
          for (int i = 0; i < 31; i++) {
            values.add("v" + i);
          }
        }, "CategoricalParameterRanges[0].Values"),
        bad("a categorical value the trainer refuses", s -> {
          ArrayNode values = list(s, CAT).addObject().put("Name", "booster").putArray("Values");
          values.add("gbtree").add("gbforest");
        }, "HyperParameterTuningJobConfig.ParameterRanges", "booster", "gbforest"),
        bad("missing train channel", s -> ((ArrayNode) TuneTestSupport.definition(s).get("InputDataConfig")).remove(0),
            "InputDataConfig", "train"),
        bad("channel file missing", s -> ((ObjectNode) TuneTestSupport.definition(s).get("InputDataConfig").get(1)
            .get("DataSource").get("S3DataSource")).put("S3Uri", "no/such/validation.csv"),
            "InputDataConfig[1].DataSource.S3DataSource.S3Uri"),
        bad("unknown image", s -> ((ObjectNode) TuneTestSupport.definition(s).get("AlgorithmSpecification"))
            .put("TrainingImage", "my-image:latest"), "TrainingImage"),
        bad("WarmStartConfig", s -> s.putObject("WarmStartConfig").put("WarmStartType", "IdenticalDataAndAlgorithm"),
            "WarmStartConfig"));
  }

  /** A well-formed Hyperband spec runs (it once left an InProgress tuning job behind). */
  @Test
  void hyperbandSpecRuns() {
    ObjectNode spec = TuneTestSupport.example(TuneTestSupport.COURSE_SPEC);
    cfg(spec).put("Strategy", "Hyperband");
    cfg(spec).putObject("StrategyConfig").putObject("HyperbandStrategyConfig").put("MinResource", 10)
        .put("MaxResource", 200);
    limits(spec).put("MaxNumberOfTrainingJobs", 4);
    Path home = dir.resolve("home");
    CliTestSupport.Run r = CliTestSupport.run(home, "tune", TuneTestSupport.write(dir, "hb.json", spec).toString());
    assertEquals(0, r.exitCode(), r::all);
    assertTrue(r.out().contains(": Completed"), r::out);
    try (JobStore store = JobStore.openSqlite(home)) {
      assertEquals(4, store.trainingJobs().size());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSpecs")
  void badTuningSpecIsRefusedWithExitTwoAndNoRecord(String label, Consumer<ObjectNode> change, String[] expected) {
    ObjectNode spec = TuneTestSupport.example(TuneTestSupport.COURSE_SPEC);
    change.accept(spec);
    Path file = TuneTestSupport.write(dir, "spec.json", spec);
    Path home = dir.resolve("home");
    CliTestSupport.Run r = CliTestSupport.run(home, "tune", file.toString());
    assertEquals(2, r.exitCode(), () -> "exit code; output:\n" + r.all());
    for (String e : expected) {
      assertTrue(r.err().contains(e), () -> "message should name '" + e + "':\n" + r.err());
    }
    assertTrue(r.err().startsWith("tunelab: error: "), r::err);
    assertEquals("", r.out(), "nothing on stdout: no tuning job started");
    try (JobStore store = JobStore.openSqlite(home)) {
      assertTrue(store.tuningJobs().isEmpty(), "no tuning job record may be left behind");
      assertTrue(store.trainingJobs().isEmpty(), "no training job record may be left behind");
    }
    Path jobs = home.resolve("jobs");
    try (Stream<Path> s = Files.exists(jobs) ? Files.list(jobs) : Stream.empty()) {
      assertEquals(0, s.count(), "no job folder may be left behind");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
