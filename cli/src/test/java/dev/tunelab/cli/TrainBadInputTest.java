package dev.tunelab.cli;

import dev.tunelab.core.json.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.store.JobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad training inputs through the real command line: each exits 2 with a message naming the
 * field or file position, and leaves no training job record and no job folder behind. The
 * parser's own cases are in core ({@code TrainingJobSpecParserTest}); here are a few of them end
 * to end, and the mistakes found after parsing (hyperparameters, channels, data files).
 */
class TrainBadInputTest {

  @TempDir Path dir;

  static ObjectNode example() throws IOException {
    return (ObjectNode) Json.mapper().readTree(
        CliTestSupport.repoRoot().resolve("examples/boston-xgboost-train.json").toFile());
  }

  static ObjectNode hps(ObjectNode spec) {
    return (ObjectNode) spec.get("HyperParameters");
  }

  static ObjectNode channel(ObjectNode spec, int i) {
    return (ObjectNode) spec.get("InputDataConfig").get(i);
  }

  static void uri(ObjectNode spec, int i, String uri) {
    ((ObjectNode) channel(spec, i).get("DataSource").get("S3DataSource")).put("S3Uri", uri);
  }

  static Arguments bad(String label, Consumer<ObjectNode> change, String expected) {
    return Arguments.of(label, change, expected);
  }

  static Stream<Arguments> badSpecs() {
    return Stream.of(
        bad("missing TrainingJobName", s -> s.remove("TrainingJobName"), "TrainingJobName"),
        bad("missing num_round", s -> hps(s).remove("num_round"), "num_round"),
        bad("num_round 0", s -> hps(s).put("num_round", "0"), "HyperParameters.num_round"),
        bad("eta 0", s -> hps(s).put("eta", "0"), "HyperParameters.eta"),
        bad("subsample 1.5", s -> hps(s).put("subsample", "1.5"), "HyperParameters.subsample"),
        bad("_kfold 1", s -> hps(s).put("_kfold", "1"), "HyperParameters._kfold: got '1'"),
        bad("_kfold larger than the rows", s -> hps(s).put("_kfold", "100000"), "an integer from 2 to 339"),
        bad("_num_cv_round without _kfold", s -> hps(s).put("_num_cv_round", "2"), "HyperParameters._num_cv_round"),
        bad("unknown hyperparameter", s -> hps(s).put("colour", "blue"), "colour"),
        bad("max_depth not a number", s -> hps(s).put("max_depth", "five"), "max_depth"),
        bad("hyperparameter as JSON number", s -> hps(s).put("max_depth", 5), "HyperParameters.max_depth"),
        bad("unknown objective", s -> hps(s).put("objective", "reg:nonsense"), "objective"),
        bad("unknown image", s -> ((ObjectNode) s.get("AlgorithmSpecification")).put("TrainingImage", "my-image:latest"),
            "TrainingImage"),
        bad("no train channel", s -> ((ArrayNode) s.get("InputDataConfig")).remove(0), "train"),
        bad("early stopping without validation", s -> ((ArrayNode) s.get("InputDataConfig")).remove(1), "validation"),
        bad("channel file missing", s -> uri(s, 0, "does/not/exist.csv"), "InputDataConfig[0].DataSource.S3DataSource.S3Uri"),
        bad("unknown bundled dataset", s -> uri(s, 0, "dataset:boston/nope"), "dataset:boston"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSpecs")
  void badSpecIsRefusedWithExitTwoAndNoRecord(String label, Consumer<ObjectNode> change, String expected) throws IOException {
    ObjectNode spec = example();
    change.accept(spec);
    Path file = dir.resolve("spec.json");
    Files.writeString(file, spec.toString());
    assertRefused(file, expected);
  }

  static Stream<Arguments> badCsvs() {
    return Stream.of(
        Arguments.of("ragged row", "24,1,2,3\n21,1,2\n", "line 2"),
        Arguments.of("non-numeric cell", "24,1,2,3\n21,1,abc,3\n", "line 2, column 3"),
        Arguments.of("empty file", "", "empty"),
        Arguments.of("missing label", "24,1,2,3\n,1,2,3\n", "line 2, column 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCsvs")
  void badCsvIsRefusedWithItsPosition(String label, String csv, String expected) throws IOException {
    Files.writeString(dir.resolve("train.csv"), csv);
    Files.writeString(dir.resolve("validation.csv"), "24,1,2,3\n21,1,2,3\n");
    ObjectNode spec = example();
    uri(spec, 0, "train.csv");
    uri(spec, 1, "validation.csv");
    Path file = dir.resolve("spec.json");
    Files.writeString(file, spec.toString());
    assertRefused(file, expected);
    assertTrue(CliTestSupport.run(dir.resolve("home"), "train", file.toString()).err().contains("train.csv"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedFiles")
  void malformedSpecFiles(String label, String content, String expected) throws IOException {
    Path file = dir.resolve("spec.json");
    if (content != null) {
      Files.writeString(file, content);
    }
    assertRefused(file, expected);
  }

  static Stream<Arguments> malformedFiles() {
    return Stream.of(
        Arguments.of("not JSON", "{\"TrainingJobName\": ", "not valid JSON"),
        Arguments.of("JSON array", "[1, 2]", "JSON object"),
        Arguments.of("no such file", null, "spec.json"));
  }

  @org.junit.jupiter.api.Test
  void homeThatCannotBeCreatedIsBadInput() throws IOException {
    Path notAFolder = Files.writeString(dir.resolve("file"), "x");
    CliTestSupport.Run r = CliTestSupport.run(notAFolder, "train",
        CliTestSupport.repoRoot().resolve("examples/boston-xgboost-train.json").toString());
    assertEquals(2, r.exitCode(), r::all);
    assertTrue(r.err().contains("--home"), r::err);
  }

  private void assertRefused(Path spec, String expected) {
    Path home = dir.resolve("home");
    CliTestSupport.Run r = CliTestSupport.run(home, "train", spec.toString());
    assertEquals(2, r.exitCode(), () -> "exit code; output:\n" + r.all());
    assertTrue(r.err().contains(expected), () -> "message should name '" + expected + "':\n" + r.err());
    try (JobStore store = JobStore.openSqlite(home)) {
      assertTrue(store.trainingJobs().isEmpty(), "no training job record may be left behind");
    }
    Path jobs = home.resolve("jobs");
    try (Stream<Path> s = Files.exists(jobs) ? Files.list(jobs) : Stream.empty()) {
      assertEquals(0, s.count(), "no job folder may be left behind");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
