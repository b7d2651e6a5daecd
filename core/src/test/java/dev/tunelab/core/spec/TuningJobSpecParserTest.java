package dev.tunelab.core.spec;

import dev.tunelab.core.json.Json;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * {@link TuningJobSpecParser} on the course's tuning spec with one mistake each: every mistake is
 * a {@link SpecException} whose message names the field (its JSON path) and the value. The CLI's
 * exit code 2 for these is tested end to end by a few cases in the cli module.
 */
class TuningJobSpecParserTest {

  @TempDir Path dir;

  static final Path COURSE_SPEC = Path.of("..", "examples", "boston-xgboost-hpo.json").toAbsolutePath().normalize();

  static ObjectNode example() {
    try {
      return (ObjectNode) Json.mapper().readTree(COURSE_SPEC.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode cfg(ObjectNode s) {
    return (ObjectNode) s.get("HyperParameterTuningJobConfig");
  }

  static ObjectNode limits(ObjectNode s) {
    return (ObjectNode) cfg(s).get("ResourceLimits");
  }

  static ObjectNode definition(ObjectNode s) {
    return (ObjectNode) s.get("TrainingJobDefinition");
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
    return (ObjectNode) definition(s).get("StaticHyperParameters");
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
        bad("unknown image", s -> ((ObjectNode) definition(s).get("AlgorithmSpecification"))
            .put("TrainingImage", "my-image:latest"), "TrainingImage"),
        bad("WarmStartConfig", s -> s.putObject("WarmStartConfig").put("WarmStartType", "IdenticalDataAndAlgorithm"),
            "WarmStartConfig"),
        bad("_kfold tuned", s -> ((ArrayNode) ranges(s).get("IntegerParameterRanges")).addObject()
            .put("Name", "_kfold").put("MinValue", "2").put("MaxValue", "10"),
            "HyperParameterTuningJobConfig.ParameterRanges", "_kfold", "not tunable", "StaticHyperParameters"),
        bad("_num_cv_round tuned", s -> ((ArrayNode) ranges(s).get("IntegerParameterRanges")).addObject()
            .put("Name", "_num_cv_round").put("MinValue", "1").put("MaxValue", "3"),
            "HyperParameterTuningJobConfig.ParameterRanges", "_num_cv_round", "not tunable"));
  }

  private TuningJobSpec parse(ObjectNode spec) throws IOException {
    Path file = dir.resolve("spec.json");
    Files.writeString(file, spec.toPrettyString());
    return TuningJobSpecParser.parse(file, notice -> { });
  }

  @Test
  void theCourseSpecParses() throws IOException {
    TuningJobSpec spec = parse(example());
    assertTrue(spec.toString().contains("boston-xgboost-hpo"), spec::toString);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSpecs")
  void badSpecIsASpecExceptionNamingTheField(String label, Consumer<ObjectNode> change, String[] expected) {
    ObjectNode spec = example();
    change.accept(spec);
    SpecException e = assertThrows(SpecException.class, () -> parse(spec));
    assertTrue(e.getMessage().startsWith(e.field() + ": "), e::getMessage);
    assertTrue(e.field().contains(expected[0]) || expected[0].contains(e.field()),
        () -> "field " + e.field() + " should be about '" + expected[0] + "': " + e.getMessage());
    for (String x : expected) {
      assertTrue(e.getMessage().contains(x), () -> "message should name '" + x + "': " + e.getMessage());
    }
  }
}
