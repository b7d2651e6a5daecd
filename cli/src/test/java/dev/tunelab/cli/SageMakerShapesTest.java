package dev.tunelab.cli;

import static dev.tunelab.cli.TuneTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON of a real tuning run (and of a lone training job) against SageMaker's response shapes
 * in {@code src/test/resources/sagemaker-shapes} (transcribed from the API reference; see its
 * README): in every object, each key must be one the shape has, each key the shape requires must
 * be there, and no value is JSON null (the API leaves absent fields out).
 */
class SageMakerShapesTest {

  /**
   * Required keys TuneLab cannot have: a tuning job's TrainingJobDefinition.RoleArn (TuneLab has
   * no IAM roles; the request's RoleArn is echoed when it gives one, and the course's spec does not).
   */
  private static final Set<String> NOT_REQUIRED_LOCALLY = Set.of("/TrainingJobDefinition.RoleArn");

  @TempDir Path dir;

  @Test
  void everyResponseOfARealRunHasOnlySageMakersKeysAndAllItsRequiredOnes() {
    Path home = dir.resolve("home");
    ObjectNode spec = TuneTestSupport.example(TuneTestSupport.COURSE_SPEC);
    spec.put("HyperParameterTuningJobName", "shapes");
    TuneTestSupport.limits(spec).put("MaxNumberOfTrainingJobs", 3).put("MaxParallelTrainingJobs", 2)
        .put("MaxRuntimeInSeconds", 3600);
    ((ObjectNode) TuneTestSupport.definition(spec).get("StaticHyperParameters")).put("num_round", "15");
    Path specFile = TuneTestSupport.write(dir, "spec.json", spec);
    TuneTestSupport.ok(home, "tune", specFile.toString());

    List<String> problems = new ArrayList<>();
    JsonNode list = json(TuneTestSupport.ok(home, "list-hyper-parameter-tuning-jobs", "--output", "json").out());
    check("ListHyperParameterTuningJobsResponse", list, problems);
    JsonNode summary = list.get("HyperParameterTuningJobSummaries").get(0);
    assertEquals(3, summary.path("ResourceLimits").path("MaxNumberOfTrainingJobs").asInt(), summary::toString);
    assertEquals(3600, summary.path("ResourceLimits").path("MaxRuntimeInSeconds").asInt(), summary::toString);
    assertEquals("Bayesian", summary.path("Strategy").asText(), summary::toString);
    assertEquals(3, summary.path("TrainingJobStatusCounters").path("Completed").asInt(), summary::toString);
    assertFalse(summary.has("TrainingJobCount") || summary.has("BestTrainingJobName"), summary::toString);

    JsonNode describe = json(TuneTestSupport.ok(home, "describe-hyper-parameter-tuning-job", "shapes").out());
    check("DescribeHyperParameterTuningJobResponse", describe, problems);
    assertFalse(describe.path("TuningJobCompletionDetails").has("CompletionReason"), describe::toString);

    JsonNode jobs = json(TuneTestSupport.ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", "shapes",
        "--output", "json").out());
    check("ListTrainingJobsForHyperParameterTuningJobResponse", jobs, problems);
    assertEquals(3, jobs.get("TrainingJobSummaries").size(), jobs::toString);

    String best = describe.path("BestTrainingJob").path("TrainingJobName").asText();
    JsonNode training = json(TuneTestSupport.ok(home, "describe-training-job", best).out());
    check("DescribeTrainingJobResponse", training, problems);
    assertFalse(training.has("RoundsTrained"), training::toString);

    Path trainSpec = CliTestSupport.repoRoot().resolve("examples/boston-xgboost-train.json");
    TuneTestSupport.ok(home, "train", trainSpec.toString());
    JsonNode lone = json(TuneTestSupport.ok(home, "describe-training-job", "boston-xgboost-base").out());
    check("DescribeTrainingJobResponse", lone, problems);
    assertFalse(lone.has("TuningJobArn"), lone::toString);

    assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
  }

  @Test
  void theCheckerFindsAnExtraKeyAMissingRequiredKeyAndANull() {
    ObjectNode o = Json.object();
    o.put("HyperParameterTuningJobName", "x");
    o.putNull("HyperParameterTuningJobArn");
    o.put("TrainingJobCount", 3);
    List<String> problems = new ArrayList<>();
    check("HyperParameterTuningJobSummary", o, problems);
    String all = String.join("\n", problems);
    assertTrue(all.contains("TrainingJobCount: not a key of"), all);
    assertTrue(all.contains("HyperParameterTuningJobArn: null"), all);
    assertTrue(all.contains("Strategy: required"), all);
  }

  /** Checks a response against a shape file, adding one line per problem. */
  static void check(String shapeFile, JsonNode value, List<String> problems) {
    JsonNode file = shapeFile(shapeFile);
    check(shapeFile + "/", value, file.get("shape"), file.get("source").asText(), problems);
  }

  private static void check(String where, JsonNode value, JsonNode shape, String source, List<String> problems) {
    if (value.isNull()) {
      problems.add(where + ": null (the API leaves a field with no value out)");
      return;
    }
    if (shape.isTextual()) {
      String s = shape.asText();
      if (s.startsWith("#")) {
        JsonNode file = shapeFile(s.substring(1));
        check(where, value, file.get("shape"), file.get("source").asText(), problems);
      } else if (s.equals("map")) {
        if (!value.isObject()) {
          problems.add(where + ": expected a string map, got " + value);
        } else {
          value.properties().forEach(e -> {
            if (!e.getValue().isTextual()) {
              problems.add(where + "." + e.getKey() + ": map values are strings, got " + e.getValue());
            }
          });
        }
      } else if (!s.equals("any") && (value.isObject() || value.isArray())) {
        problems.add(where + ": expected a " + s + ", got " + value);
      }
      return;
    }
    if (shape.has("list")) {
      if (!value.isArray()) {
        problems.add(where + ": expected a list, got " + value);
        return;
      }
      for (int i = 0; i < value.size(); i++) {
        check(where + "[" + i + "]", value.get(i), shape.get("list"), source, problems);
      }
      return;
    }
    if (!value.isObject()) {
      problems.add(where + ": expected an object, got " + value);
      return;
    }
    JsonNode fields = shape.get("fields");
    String prefix = where.endsWith("/") ? where : where + ".";
    for (Map.Entry<String, JsonNode> e : value.properties()) {
      if (!fields.has(e.getKey())) {
        problems.add(prefix + e.getKey() + ": not a key of " + source);
      } else {
        check(prefix + e.getKey(), e.getValue(), fields.get(e.getKey()), source, problems);
      }
    }
    for (JsonNode r : (ArrayNode) shape.get("required")) {
      String path = prefix + r.asText();
      if (!value.has(r.asText()) && NOT_REQUIRED_LOCALLY.stream().noneMatch(path::endsWith)) {
        problems.add(path + ": required by " + source + ", missing");
      }
    }
  }

  private static JsonNode shapeFile(String name) {
    try (InputStream in = SageMakerShapesTest.class.getResourceAsStream("/sagemaker-shapes/" + name + ".json")) {
      if (in == null) {
        throw new AssertionError("no shape file sagemaker-shapes/" + name + ".json");
      }
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
