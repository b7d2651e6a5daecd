package dev.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TransformRunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line with classification models: train logs the container's metrics, transform
 * writes the objective's output and prints the classification scores, a metric that does not fit
 * the objective is exit 2.
 */
class ClassificationCliTest {

  @TempDir Path dir;

  private Path spec(String name, String data, Map<String, String> hyperParameters) throws Exception {
    Path example = CliTestSupport.repoRoot().resolve("examples/boston-xgboost-train.json");
    ObjectNode json = (ObjectNode) Json.mapper().readTree(Files.readString(example));
    json.put("TrainingJobName", name);
    ObjectNode hp = json.putObject("HyperParameters");
    hyperParameters.forEach(hp::put);
    Path folder = CliTestSupport.repoRoot().resolve("examples/data").resolve(data);
    for (var channel : (ArrayNode) json.get("InputDataConfig")) {
      ((ObjectNode) channel.path("DataSource").path("S3DataSource")).put("S3Uri",
          folder.resolve(channel.get("ChannelName").asText() + ".csv").toString());
    }
    return Files.writeString(dir.resolve(name + ".json"), json.toString());
  }

  @Test
  void binaryModelLogsF1AndItsTransformPrintsClassificationScores() throws Exception {
    Path home = dir.resolve("home");
    Path spec = spec("bc", "breast-cancer", Map.of("objective", "binary:logistic", "num_round", "30",
        "max_depth", "3", "eval_metric", "f1,accuracy"));
    CliTestSupport.Run train = CliTestSupport.run(home, "train", spec.toString());
    assertEquals(0, train.exitCode(), train::all);
    assertTrue(train.out().contains("#011validation-accuracy:") && train.out().contains("#011validation-f1:"),
        train::out);

    Path data = CliTestSupport.repoRoot().resolve("examples/data/breast-cancer");
    Path predictions = dir.resolve("bc.csv");
    CliTestSupport.Run transform = CliTestSupport.run(home, "transform", "--model", "bc",
        "--input", data.resolve("test-features.csv").toString(), "--output", predictions.toString(),
        "--labels", data.resolve("test-labels.csv").toString());
    assertEquals(0, transform.exitCode(), transform::all);
    for (String score : List.of("AUC: ", "Accuracy: ", "F1 (class 1): ", "Log loss: ")) {
      assertTrue(transform.out().contains(score), transform::out);
    }
    assertFalse(transform.out().contains("RMSE"), "no regression score for a binary model: " + transform.out());
    assertTrue(Files.readAllLines(predictions).stream().mapToDouble(Double::parseDouble).allMatch(p -> p > 0 && p < 1),
        "probabilities");
    try (JobStore store = JobStore.openSqlite(home)) {
      TransformRunRecord run = store.transformRuns().get(0);
      assertEquals(List.of("auc", "accuracy", "f1_binary", "logloss"), List.copyOf(run.metrics().keySet()));
    }
  }

  @Test
  void multiclassTransformWritesClassProbabilitiesInsteadOfFailing() throws Exception {
    Path home = dir.resolve("home");
    Path spec = spec("wine", "wine", Map.of("objective", "multi:softprob", "num_class", "3", "num_round", "20"));
    assertEquals(0, CliTestSupport.run(home, "train", spec.toString()).exitCode());
    Path data = CliTestSupport.repoRoot().resolve("examples/data/wine");
    Path predictions = dir.resolve("wine.csv");
    CliTestSupport.Run transform = CliTestSupport.run(home, "transform", "--model", "wine",
        "--input", data.resolve("test-features.csv").toString(), "--output", predictions.toString(),
        "--labels", data.resolve("test-labels.csv").toString());
    assertEquals(0, transform.exitCode(), transform::all);
    assertTrue(transform.out().contains("Macro F1: ") && transform.out().contains("Multiclass log loss: "),
        transform::out);
    assertTrue(Files.readAllLines(predictions).stream().allMatch(l -> l.split(",").length == 3));
  }

  @Test
  void aMetricThatDoesNotFitTheObjectiveIsExitTwoNamingBoth() throws Exception {
    Path home = dir.resolve("home");
    Path spec = spec("bad", "breast-cancer", Map.of("objective", "reg:squarederror", "num_round", "5",
        "eval_metric", "auc"));
    CliTestSupport.Run train = CliTestSupport.run(home, "train", spec.toString());
    assertEquals(2, train.exitCode(), train::all);
    assertTrue(train.err().contains("HyperParameters.eval_metric") && train.err().contains("'auc'")
        && train.err().contains("HyperParameters.objective=reg:squarederror"), train::err);
  }
}
