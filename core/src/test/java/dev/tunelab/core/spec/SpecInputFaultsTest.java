package dev.tunelab.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spec inputs that used to pass validation and fail later (issue 13): more JSON after the spec,
 * keys given twice (faults 14), hyperparameter and environment names that cannot become arguments
 * and environment variables (fault 11), numbers past their bounds shown as "Infinity" (fault 15),
 * and NUL characters that no process argument can carry.
 */
class SpecInputFaultsTest {

  @TempDir Path dir;

  private static final String COMMAND = "{\"ContainerEntrypoint\": [\"python3\", \"train.py\"],"
      + " \"MetricDefinitions\": [{\"Name\": \"validation:acc\", \"Regex\": \"acc=([0-9.]+)\"}]}";

  /** A bring-your-own tuning spec with one range named {@code rangeName} and the given extra parts. */
  private static String tuning(String rangeName, String statics, String env, String config) {
    return """
        {
          "HyperParameterTuningJobName": "input-faults",
          "HyperParameterTuningJobConfig": {
            "Strategy": "Random",
            "HyperParameterTuningJobObjective": {"Type": "Maximize", "MetricName": "validation:acc"},
            "ResourceLimits": {"MaxNumberOfTrainingJobs": 2, "MaxParallelTrainingJobs": 1},
            "ParameterRanges": {"IntegerParameterRanges": [{"Name": %s, "MinValue": "2", "MaxValue": "5"}]}%s
          },
          "TrainingJobDefinition": {
            "StaticHyperParameters": {%s},
            "Environment": {%s},
            "AlgorithmSpecification": %s,
            "InputDataConfig": [
              {"ChannelName": "train", "DataSource": {"S3DataSource": {"S3Uri": "dataset:boston/train"}}}
            ]
          }
        }
        """.formatted(quote(rangeName), config, statics, env, COMMAND);
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t").replace("\n", "\\n") + "\"";
  }

  private TuningJobSpec parse(String json) throws IOException {
    Path file = dir.resolve("tuning.json");
    Files.writeString(file, json);
    return TuningJobSpecParser.parse(file, notice -> { });
  }

  private SpecException refused(String json) {
    return assertThrows(SpecException.class, () -> parse(json));
  }

  @Test
  void theBaseSpecParses() throws IOException {
    TuningJobSpec spec = parse(tuning("depth", "\"max.leaf-size_2\": \"3\"", "\"MY_VAR\": \"x\"", ""));
    assertEquals("depth", spec.space().ranges().get(0).name());
  }

  // fault 14 ---------------------------------------------------------------------------------

  @Test
  void moreJsonAfterTheSpecIsRefusedNamingLineAndColumn() {
    String json = tuning("depth", "", "", "") + "{\"x\":1}\n";
    SpecException e = refused(json);
    assertEquals("spec", e.field());
    int line = (int) json.lines().count();
    assertTrue(e.getMessage().contains("at line " + line + ", column 1"), e.getMessage());
    assertTrue(e.getMessage().contains("more JSON after the end of the document (found an object)"), e.getMessage());
  }

  @Test
  void aSecondValueOfAnyKindIsRefused() {
    assertTrue(refused(tuning("depth", "", "", "") + " 7").getMessage().contains("found a number"));
    assertTrue(refused(tuning("depth", "", "", "") + "]").getMessage().contains("is not valid JSON"));
  }

  @Test
  void duplicateKeysAreRefusedNamingTheKeyAndWhere() {
    String json = tuning("depth", "", "", ",\n    \"RandomSeed\": 1, \"RandomSeed\": 2");
    SpecException e = refused(json);
    assertTrue(e.getMessage().contains("key 'RandomSeed' appears twice in one object"), e.getMessage());
    assertTrue(e.getMessage().contains("at line 8, column"), e.getMessage());
    // the same key in two different objects is fine
    String twoObjects = tuning("depth", "\"a\": \"1\"", "\"a\": \"1\"", "");
    assertThrows(SpecException.class, () -> parse(twoObjects.replace("\"a\": \"1\"}", "\"a\": \"1\", \"a\": \"2\"}")));
  }

  @Test
  void duplicateKeysInATrainingSpecAreRefusedToo() throws IOException {
    Path file = dir.resolve("train.json");
    Files.writeString(file, "{\"TrainingJobName\": \"a\", \"TrainingJobName\": \"b\"}");
    SpecException e = assertThrows(SpecException.class, () -> TrainingJobSpecParser.parse(file, n -> { }));
    assertTrue(e.getMessage().contains("key 'TrainingJobName' appears twice"), e.getMessage());
    assertTrue(e.getMessage().contains("line 1, column"), e.getMessage());
  }

  // fault 11 ---------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"a/../b=c;$(id)", "a=b", "with space", "-flag", "", "tab\there", "ümlaut", "a\nb"})
  void rangeNamesThatCannotBecomeArgumentsOrVariablesAreRefused(String name) {
    SpecException e = refused(tuning(name, "", "", ""));
    assertEquals("HyperParameterTuningJobConfig.ParameterRanges.IntegerParameterRanges[0].Name", e.field());
    assertTrue(e.getMessage().contains(HyperParameterNames.ACCEPTED), e.getMessage());
  }

  @Test
  void aRangeNameOf257CharactersIsRefusedAnd256Pass() throws IOException {
    refused(tuning("n".repeat(257), "", "", ""));
    parse(tuning("n".repeat(256), "", "", ""));
  }

  @Test
  void staticNamesAreCheckedLikeRangeNames() {
    SpecException e = refused(tuning("depth", "\"x=y\": \"1\"", "", ""));
    assertEquals("TrainingJobDefinition.StaticHyperParameters.x=y", e.field());
    assertTrue(e.getMessage().contains("got 'x=y'"), e.getMessage());
  }

  @Test
  void builtInHyperParameterNamesAreCheckedBeforeTheCatalog() throws IOException {
    Path file = dir.resolve("train.json");
    String spec = Files.readString(Path.of("..", "examples", "boston-xgboost-train.json"))
        .replace("\"max_depth\": \"5\"", "\"max depth\": \"5\"");
    Files.writeString(file, spec);
    SpecException e = assertThrows(SpecException.class, () -> TrainingJobSpecParser.parse(file, n -> { }));
    assertEquals("HyperParameters.max depth", e.field());
    assertTrue(e.getMessage().contains(HyperParameterNames.ACCEPTED), e.getMessage());
  }

  @Test
  void environmentNamesFollowSageMakersPattern() {
    SpecException e = refused(tuning("depth", "", "\"A=B\": \"1\"", ""));
    assertEquals("TrainingJobDefinition.Environment.A=B", e.field());
    assertTrue(e.getMessage().contains("A-Z, a-z, 0-9 and '_'"), e.getMessage());
    refused(tuning("depth", "", "\"1ABC\": \"1\"", ""));
    refused(tuning("depth", "", "\"OK\": \"" + "v".repeat(513) + "\"", ""));
  }

  @Test
  void nulCharactersAreRefusedInAnyString() {
    SpecException e = refused(tuning("depth", "\"a\": \"x\\u0000y\"", "", ""));
    assertEquals("TrainingJobDefinition.StaticHyperParameters.a", e.field());
    assertTrue(e.getMessage().contains("without the NUL character"), e.getMessage());
    refused(tuning("depth", "", "\"OK\": \"\\u0000\"", ""));
  }

  // fault 15 ---------------------------------------------------------------------------------

  @Test
  void aHugeNumberIsShownAsWrittenAndTheBoundIsSaid() {
    SpecException e = refused(tuning("depth", "", "", ",\n    \"RandomSeed\": 1e400"));
    assertTrue(e.getMessage().contains("got '1E+400'"), e.getMessage());
    assertTrue(e.getMessage().contains("an integer from 0 to 2147483647"), e.getMessage());
    SpecException big = refused(tuning("depth", "", "", ",\n    \"RandomSeed\": 2147483648"));
    assertTrue(big.getMessage().contains("got '2147483648'; expected an integer from 0 to 2147483647"),
        big.getMessage());
  }

  @Test
  void rangeBoundsSayTheirBounds() {
    SpecException i = refused(tuning("depth", "", "", "").replace("\"MaxValue\": \"5\"", "\"MaxValue\": \"99999999999999999999\""));
    assertTrue(i.getMessage().contains("expected an integer from -1000000000000000 to 1000000000000000"), i.getMessage());
    SpecException c = refused(tuning("depth", "", "", "").replace("\"IntegerParameterRanges\": [{\"Name\": \"depth\", \"MinValue\": \"2\", \"MaxValue\": \"5\"}]",
        "\"ContinuousParameterRanges\": [{\"Name\": \"x\", \"MinValue\": \"-1e308\", \"MaxValue\": \"1e308\"}]"));
    assertTrue(c.getMessage().contains("is a finite number (at most 1.7976931348623157E308)"), c.getMessage());
  }

  @Test
  void aTargetValueBeyondADoubleIsRefused() {
    SpecException e = refused(tuning("depth", "", "", ",\n    \"TuningJobCompletionCriteria\": {\"TargetObjectiveMetricValue\": -1e309}"));
    assertTrue(e.getMessage().contains("got '-1E+309'; expected a finite number"), e.getMessage());
  }
}
