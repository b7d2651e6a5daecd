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
 * training job and no job folder behind. The parser's own cases are in core
 * ({@code TuningJobSpecParserTest}); here are a few of them end to end, and the mistakes found
 * after parsing (by the trainer's hyperparameter checks and the channel resolver).
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
        bad("name of 33 characters", s -> s.put("HyperParameterTuningJobName", "a".repeat(33)),
            "HyperParameterTuningJobName", "32"),
        bad("Strategy Genetic", s -> cfg(s).put("Strategy", "Genetic"), "Strategy", "Genetic"),
        bad("MaxParallelTrainingJobs 0", s -> limits(s).put("MaxParallelTrainingJobs", 0),
            "ResourceLimits.MaxParallelTrainingJobs"),
        bad("eta range from 0 (the trainer refuses eta 0)", s -> range(s, CONT, 0).put("MinValue", "0"),
            "HyperParameterTuningJobConfig.ParameterRanges", "eta"),
        bad("duplicate range name", s -> range(s, CONT, 1).put("Name", "eta"),
            "ContinuousParameterRanges[1].Name", "eta"),
        bad("tuning an unknown XGBoost hyperparameter", s -> range(s, INT, 1).put("Name", "max_dpeth"),
            "HyperParameterTuningJobConfig.ParameterRanges", "max_dpeth"),
        bad("a categorical value the trainer refuses", s -> {
          ArrayNode values = list(s, CAT).addObject().put("Name", "booster").putArray("Values");
          values.add("gbtree").add("gbforest");
        }, "HyperParameterTuningJobConfig.ParameterRanges", "booster", "gbforest"),
        bad("missing train channel", s -> ((ArrayNode) TuneTestSupport.definition(s).get("InputDataConfig")).remove(0),
            "InputDataConfig", "train"),
        bad("channel file missing", s -> ((ObjectNode) TuneTestSupport.definition(s).get("InputDataConfig").get(1)
            .get("DataSource").get("S3DataSource")).put("S3Uri", "no/such/validation.csv"),
            "InputDataConfig[1].DataSource.S3DataSource.S3Uri"));
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
