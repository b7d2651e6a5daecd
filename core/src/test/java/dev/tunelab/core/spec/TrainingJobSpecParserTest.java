package dev.tunelab.core.spec;

import dev.tunelab.core.json.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link TrainingJobSpecParser} on the course's training spec: it parses, and each mistake is a
 * {@link SpecException} naming the field (its JSON path). The CLI's exit code 2 is tested end to
 * end by a few cases in the cli module.
 */
class TrainingJobSpecParserTest {

  @TempDir Path dir;

  static final Path TRAIN_SPEC = Path.of("..", "examples", "boston-xgboost-train.json").toAbsolutePath().normalize();

  static ObjectNode example() {
    try {
      return (ObjectNode) Json.mapper().readTree(TRAIN_SPEC.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
        bad("bad TrainingJobName", s -> s.put("TrainingJobName", "bad_name!"), "TrainingJobName"),
        bad("hyperparameter as JSON number", s -> hps(s).put("max_depth", 5), "HyperParameters.max_depth"),
        bad("unknown image", s -> ((ObjectNode) s.get("AlgorithmSpecification")).put("TrainingImage", "my-image:latest"),
            "TrainingImage"),
        bad("missing AlgorithmSpecification", s -> s.remove("AlgorithmSpecification"), "AlgorithmSpecification"),
        bad("unknown top-level field", s -> s.put("Foo", 1), "Foo"),
        bad("MaxRuntimeInSeconds 0", s -> ((ObjectNode) s.get("StoppingCondition")).put("MaxRuntimeInSeconds", 0),
            "StoppingCondition.MaxRuntimeInSeconds"),
        bad("InstanceCount as string", s -> ((ObjectNode) s.get("ResourceConfig")).put("InstanceCount", "one"),
            "ResourceConfig.InstanceCount"),
        bad("unsupported content type", s -> channel(s, 0).put("ContentType", "application/x-recordio-protobuf"),
            "InputDataConfig[0].ContentType"),
        bad("empty InputDataConfig", s -> s.putArray("InputDataConfig"), "InputDataConfig"),
        bad("duplicate channel", s -> channel(s, 1).put("ChannelName", "train"), "ChannelName"));
  }

  private TrainingJobSpec parse(ObjectNode spec) throws IOException {
    Path file = dir.resolve("spec.json");
    Files.writeString(file, spec.toPrettyString());
    return TrainingJobSpecParser.parse(file, notice -> { });
  }

  @Test
  void theCourseSpecParsesWithANoteOnRoleArn() throws IOException {
    Path file = dir.resolve("spec.json");
    Files.writeString(file, example().toPrettyString());
    List<String> notices = new ArrayList<>();
    TrainingJobSpec spec = TrainingJobSpecParser.parse(file, notices::add);
    assertTrue(spec.toString().contains("boston-xgboost-base"), spec::toString);
    assertEquals(1, notices.stream().filter(n -> n.contains("RoleArn")).count(), notices::toString);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSpecs")
  void badSpecIsASpecExceptionNamingTheField(String label, Consumer<ObjectNode> change, String expected) {
    ObjectNode spec = example();
    change.accept(spec);
    SpecException e = assertThrows(SpecException.class, () -> parse(spec));
    assertTrue(e.getMessage().startsWith(e.field() + ": "), e::getMessage);
    assertTrue(e.getMessage().contains(expected), () -> "message should name '" + expected + "': " + e.getMessage());
  }
}
