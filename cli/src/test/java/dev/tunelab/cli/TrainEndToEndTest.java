package dev.tunelab.cli;

import dev.tunelab.core.json.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The foundation's user path: datasets, train the example, describe, logs, transform. */
class TrainEndToEndTest {

  @TempDir Path dir;

  @Test
  void trainDescribeLogsTransform() throws Exception {
    Path home = dir.resolve("home");
    Path spec = CliTestSupport.repoRoot().resolve("examples/boston-xgboost-train.json");

    CliTestSupport.Run train = CliTestSupport.run(home, "train", spec.toString());
    assertEquals(0, train.exitCode(), train::all);
    assertTrue(train.out().contains("#011validation-rmse:"), "per-round lines in SageMaker's form");
    assertTrue(train.out().contains("Training seconds: "), train::out);

    CliTestSupport.Run describe = CliTestSupport.run(home, "describe-training-job", "boston-xgboost-base");
    assertEquals(0, describe.exitCode(), describe::all);
    JsonNode d = Json.mapper().readTree(describe.out());
    assertEquals("Completed", d.get("TrainingJobStatus").asText());
    Map<String, Double> metrics = new HashMap<>();
    d.get("FinalMetricDataList").forEach(m -> metrics.put(m.get("MetricName").asText(), m.get("Value").asDouble()));
    assertTrue(metrics.containsKey("train:rmse") && metrics.containsKey("validation:rmse"), metrics::toString);
    double validation = metrics.get("validation:rmse");
    assertTrue(validation > 1 && validation < 8, "plausible validation RMSE: " + validation);
    assertTrue(Files.isRegularFile(Path.of(d.get("ModelArtifacts").get("S3ModelArtifacts").asText())));
    assertEquals("5", d.get("HyperParameters").get("max_depth").asText());

    // the final objective is the best iteration's value: the smallest validation-rmse in the log
    CliTestSupport.Run logs = CliTestSupport.run(home, "logs", "boston-xgboost-base");
    assertEquals(0, logs.exitCode(), logs::all);
    Matcher m = Pattern.compile("#011validation-rmse:([0-9.]+)").matcher(logs.out());
    double min = Double.POSITIVE_INFINITY;
    while (m.find()) {
      min = Math.min(min, Double.parseDouble(m.group(1)));
    }
    assertEquals(min, validation, 1e-4, "final validation:rmse is the best round's");
    // the job folder holds the same log stream
    Path jobDir = Path.of(d.get("ModelArtifacts").get("S3ModelArtifacts").asText()).getParent().getParent();
    assertEquals(logs.out().strip(), Files.readString(jobDir.resolve("training.log")).strip());

    Path data = dir.resolve("data");
    assertEquals(0, CliTestSupport.run(null, "datasets", "boston", "--out", data.toString()).exitCode());
    Path predictions = dir.resolve("pred.csv");
    CliTestSupport.Run transform = CliTestSupport.run(home, "transform", "--model", "boston-xgboost-base",
        "--input", data.resolve("test.csv").toString(), "--output", predictions.toString(),
        "--labels", data.resolve("test-labels.csv").toString());
    assertEquals(0, transform.exitCode(), transform::all);
    List<String> lines = Files.readAllLines(predictions);
    assertEquals(167, lines.size());
    lines.forEach(l -> assertTrue(Double.isFinite(Double.parseDouble(l))));
    assertTrue(transform.out().contains("RMSE: "), transform::out);
    // --labels records the run for the dashboard, with absolute paths and every point
    try (dev.tunelab.core.store.JobStore store = dev.tunelab.core.store.JobStore.openSqlite(home)) {
      List<dev.tunelab.core.store.TransformRunRecord> runs = store.transformRuns();
      assertEquals(1, runs.size());
      dev.tunelab.core.store.TransformRunRecord run = runs.get(0);
      assertEquals("boston-xgboost-base", run.trainingJobName());
      assertEquals(data.resolve("test.csv").toAbsolutePath().normalize(), run.input());
      assertTrue(run.labels().isAbsolute());
      assertEquals(167, run.rows());
      assertEquals(167, run.predicted().size());
      assertEquals(Double.parseDouble(lines.get(0)), run.predicted().get(0), 1e-5);
      assertTrue(run.metrics().containsKey("rmse"), run.metrics()::toString);
    }

    // the same name again is refused, and the finished job is untouched
    CliTestSupport.Run again = CliTestSupport.run(home, "train", spec.toString());
    assertEquals(2, again.exitCode());
    assertTrue(again.err().contains("TrainingJobName"), again::err);
  }

  @Test
  void datasetsCommandWritesTheCourseSplit() throws Exception {
    Path out = dir.resolve("split");
    CliTestSupport.Run r = CliTestSupport.run(null, "datasets", "boston", "--out", out.toString(), "--seed", "1");
    assertEquals(0, r.exitCode(), r::all);
    assertEquals(227, Files.readAllLines(out.resolve("train.csv")).size());
    assertEquals(112, Files.readAllLines(out.resolve("validation.csv")).size());
    assertEquals(167, Files.readAllLines(out.resolve("test.csv")).size());
    assertEquals(167, Files.readAllLines(out.resolve("test-labels.csv")).size());
    assertEquals(14, Files.readAllLines(out.resolve("train.csv")).get(0).split(",").length);
    assertEquals(13, Files.readAllLines(out.resolve("test.csv")).get(0).split(",").length);
    assertEquals(2, CliTestSupport.run(null, "datasets", "iris", "--out", out.toString()).exitCode());
  }
}
