package dev.tunelab.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.xgboost.XGBoostHyperParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tuning job's objective metric is checked once, by the algorithm's contract, at
 * {@code HyperParameterTuningJobConfig.HyperParameterTuningJobObjective.MetricName}.
 */
class ObjectiveMetricTest {

  private static final String FIELD = "HyperParameterTuningJobConfig.HyperParameterTuningJobObjective.MetricName";
  private static final String XGBOOST = "{\"TrainingImage\": \"811284229777.dkr.ecr.us-east-1.amazonaws.com/xgboost:1\"}";
  private static final String COMMAND = "{\"ContainerEntrypoint\": [\"python3\", \"train.py\"],"
      + " \"MetricDefinitions\": [{\"Name\": \"validation:acc\", \"Regex\": \"acc=([0-9.]+)\"}]}";

  @TempDir Path dir;

  private TuningJobSpec parse(String metric, String algorithm) throws IOException {
    return parse(metric, algorithm, "{\"num_round\": \"10\"}");
  }

  private TuningJobSpec parse(String metric, String algorithm, String statics) throws IOException {
    String json = """
        {
          "HyperParameterTuningJobName": "metric-check",
          "HyperParameterTuningJobConfig": {
            "Strategy": "Random",
            "HyperParameterTuningJobObjective": {"Type": "Minimize", "MetricName": "%s"},
            "ResourceLimits": {"MaxNumberOfTrainingJobs": 2, "MaxParallelTrainingJobs": 1},
            "ParameterRanges": {"IntegerParameterRanges": [{"Name": "max_depth", "MinValue": "2", "MaxValue": "5"}]}
          },
          "TrainingJobDefinition": {
            "StaticHyperParameters": %s,
            "AlgorithmSpecification": %s,
            "InputDataConfig": [
              {"ChannelName": "train", "DataSource": {"S3DataSource": {"S3Uri": "dataset:boston/train"}}},
              {"ChannelName": "validation", "DataSource": {"S3DataSource": {"S3Uri": "dataset:boston/validation"}}}
            ]
          }
        }
        """.formatted(metric, statics, algorithm);
    Path file = dir.resolve("tuning.json");
    Files.writeString(file, json);
    return TuningJobSpecParser.parse(file, notice -> { });
  }

  private static List<JsonNode> definitions(TuningJobSpec spec, String name) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode d : spec.definition().json().path("AlgorithmSpecification").path("MetricDefinitions")) {
      if (d.path("Name").asText().equals(name)) {
        out.add(d);
      }
    }
    return out;
  }

  @Test
  void aMetricTheBuiltInXgboostEmitsIsAcceptedAndGetsSageMakersObjectiveMetricRegex() throws IOException {
    // the old parser and the old catalog disagreed on this one: now one list decides
    TuningJobSpec spec = parse("validation:tweedie-nloglik@1.5", XGBOOST,
        "{\"num_round\": \"10\", \"objective\": \"reg:tweedie\"}");
    assertEquals("validation:tweedie-nloglik@1.5", spec.objectiveMetric());
    List<JsonNode> objective = definitions(spec, "ObjectiveMetric");
    assertEquals(1, objective.size());
    assertEquals(1, definitions(spec, "validation:tweedie-nloglik@1.5").size());
    // the trainer's log line as CloudWatch shows it (a tab is #011)
    Matcher m = Pattern.compile(objective.get(0).path("Regex").asText())
        .matcher("[7]#011train-tweedie-nloglik@1.5:18.52#011validation-tweedie-nloglik@1.5:18.5571");
    assertTrue(m.matches());
    assertEquals("18.5571", m.group(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"validation:f1", "validation:accuracy", "validation:nonsense", "test:rmse",
      "validation:aft-nloglik", "validation:tweedie-nloglik", "validation:error@0.70", "validation:rmse@3"})
  void aMetricTheBuiltInXgboostCannotEmitIsRefusedAtMetricName(String metric) {
    SpecException e = assertThrows(SpecException.class, () -> parse(metric, XGBOOST));
    assertEquals(FIELD, e.field());
    assertTrue(e.getMessage().contains("'" + metric + "'"), e.getMessage());
  }

  @Test
  void theRefusalSaysWhatIsAcceptedAndWhy() {
    String f1 = assertThrows(SpecException.class, () -> parse("validation:f1", XGBOOST)).getMessage();
    assertTrue(f1.contains("StaticHyperParameters.objective=reg:squarederror") && f1.contains("'f1' fits only binary"),
        f1);
    String aft = assertThrows(SpecException.class, () -> parse("validation:aft-nloglik", XGBOOST)).getMessage();
    assertTrue(aft.contains("label_lower_bound"), aft);
    String error = assertThrows(SpecException.class, () -> parse("validation:error@0.70", XGBOOST)).getMessage();
    assertTrue(error.contains("expected validation:error@0.7 "), error);
  }

  @Test
  void aContainerMetricIsAcceptedWithAnObjectiveItFitsAndRefusedWithOneItDoesNot() throws IOException {
    assertEquals("validation:f1", parse("validation:f1", XGBOOST,
        "{\"num_round\": \"10\", \"objective\": \"binary:logistic\"}").objectiveMetric());
    SpecException e = assertThrows(SpecException.class, () -> parse("validation:mlogloss", XGBOOST,
        "{\"num_round\": \"10\", \"objective\": \"binary:logistic\"}"));
    assertEquals(FIELD, e.field());
    assertTrue(e.getMessage().contains("'validation:mlogloss'")
        && e.getMessage().contains("StaticHyperParameters.objective=binary:logistic"), e.getMessage());
  }

  /** One list: the parser accepts exactly what the trainer's hyperparameter check accepts. */
  @ParameterizedTest
  @ValueSource(strings = {"validation:rmse", "train:mae", "validation:error@0.7", "validation:ndcg@5",
      "validation:map", "validation:tweedie-nloglik@1.5", "validation:cox-nloglik", "validation:f1",
      "validation:r2", "validation:aft-nloglik", "validation:interval-regression-accuracy",
      "validation:tweedie-nloglik", "validation:error@0.5", "validation:pre", "train:nonsense"})
  void theParserAndTheHyperparameterCheckAgree(String metric) {
    boolean parserAccepts = accepts(() -> parse(metric, XGBOOST));
    boolean hyperParametersAccept = accepts(() -> XGBoostHyperParameters.parse(
        Map.of("num_round", "10", "_tuning_objective_metric", metric)));
    assertEquals(hyperParametersAccept, parserAccepts, metric);
  }

  private static boolean accepts(org.junit.jupiter.api.function.Executable parse) {
    try {
      parse.execute();
      return true;
    } catch (SpecException e) {
      return false;
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  @Test
  void aCommandsObjectiveMustBeOneOfItsMetricDefinitions() throws IOException {
    SpecException e = assertThrows(SpecException.class, () -> parse("validation:loss", COMMAND));
    assertEquals(FIELD, e.field());
    assertTrue(e.getMessage().contains("'validation:loss'") && e.getMessage().contains("[validation:acc]"),
        e.getMessage());

    TuningJobSpec spec = parse("validation:acc", COMMAND);
    assertEquals("acc=([0-9.]+)", definitions(spec, "ObjectiveMetric").get(0).path("Regex").asText());
    assertEquals(1, definitions(spec, "validation:acc").size(), "the definition is not added twice");
  }

  @Test
  void anAlgorithmSpecificationNoAlgorithmRunsIsRefusedWithWhatEachAccepts() {
    SpecException e = assertThrows(SpecException.class,
        () -> parse("validation:rmse", "{\"TrainingImage\": \"my-registry/lightgbm:2\"}"));
    assertEquals("TrainingJobDefinition.AlgorithmSpecification.TrainingImage", e.field());
    assertTrue(e.getMessage().contains("an image name containing 'xgboost'")
        && e.getMessage().contains(", or a ContainerEntrypoint to run your own training command"), e.getMessage());
  }
}
