package dev.tunelab.cli;

import static dev.tunelab.cli.TuneTestSupport.json;
import static dev.tunelab.cli.TuneTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The course's tuning job through the real command line, for the high-level and the low-level
 * example spec: tune, describe, list, analytics, describe-training-job and transform --best-of,
 * checked against the spec itself and against each other.
 */
class TuneEndToEndTest {

  @TempDir Path dir;

  @Tag("slow")
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TuneTestSupport.COURSE_SPEC, TuneTestSupport.LOW_LEVEL_SPEC})
  void exampleTuningJobEndToEnd(String example) throws Exception {
    Path home = dir.resolve("home");
    ObjectNode spec = TuneTestSupport.example(example);
    String name = spec.get("HyperParameterTuningJobName").asText();
    int maxJobs = TuneTestSupport.limits(spec).get("MaxNumberOfTrainingJobs").asInt();
    int maxParallel = TuneTestSupport.limits(spec).get("MaxParallelTrainingJobs").asInt();
    assertEquals(20, maxJobs);
    assertEquals(3, maxParallel);

    CliTestSupport.Run tune = ok(home, "tune", CliTestSupport.repoRoot().resolve(example).toString());
    assertTrue(tune.out().contains("Tuning job " + name + ": Completed"), tune::out);
    assertTrue(tune.out().contains("Training jobs: 20 launched, 20 Completed"), tune::out);

    // describe-hyper-parameter-tuning-job
    JsonNode describe = json(ok(home, "describe-hyper-parameter-tuning-job", name).out());
    assertEquals("Completed", describe.get("HyperParameterTuningJobStatus").asText());
    JsonNode counters = describe.get("TrainingJobStatusCounters");
    assertEquals(20, counters.get("Completed").asInt(), counters::toString);
    assertEquals(0, counters.get("InProgress").asInt());
    assertEquals(0, counters.get("RetryableError").asInt());
    assertEquals(0, counters.get("NonRetryableError").asInt());
    assertEquals(0, counters.get("Stopped").asInt());
    assertEquals(20, describe.get("ObjectiveStatusCounters").get("Succeeded").asInt());
    assertEquals(0, describe.get("ObjectiveStatusCounters").get("Failed").asInt());
    assertTrue(describe.has("BestTrainingJob"), "BestTrainingJob present");
    assertTrue(describe.has("HyperParameterTuningEndTime"));
    JsonNode best = describe.get("BestTrainingJob");

    // list-training-jobs-for-hyper-parameter-tuning-job --output json
    JsonNode list = json(ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", name, "--output", "json").out())
        .get("TrainingJobSummaries");
    assertEquals(20, list.size());
    Pattern namePattern = Pattern.compile(Pattern.quote(name) + "-(\\d{3})-[0-9a-f]{8}");
    Set<String> names = new HashSet<>();
    Set<Integer> sequences = new HashSet<>();
    List<TuneTestSupport.Span> spans = new ArrayList<>();
    double minObjective = Double.POSITIVE_INFINITY;
    String minName = null;
    Set<Map<String, String>> configurations = new HashSet<>();
    for (JsonNode j : list) {
      String job = j.get("TrainingJobName").asText();
      var m = namePattern.matcher(job);
      assertTrue(m.matches(), "SageMaker-style training job name: " + job);
      assertTrue(names.add(job), "unique name: " + job);
      sequences.add(Integer.parseInt(m.group(1)));
      assertEquals("Completed", j.get("TrainingJobStatus").asText());
      assertEquals("Succeeded", j.get("ObjectiveStatus").asText());
      JsonNode objective = j.get("FinalHyperParameterTuningJobObjectiveMetric");
      assertEquals("validation:rmse", objective.get("MetricName").asText());
      assertEquals("Minimize", objective.get("Type").asText());
      double v = objective.get("Value").asDouble();
      assertTrue(v > 1 && v < 10, "plausible validation RMSE on Boston housing: " + v);
      if (v < minObjective) {
        minObjective = v;
        minName = job;
      }
      spans.add(TuneTestSupport.Span.of(j));
      configurations.add(assertInRanges(spec, j.get("TunedHyperParameters")));
    }
    assertEquals(rangeSet(1, 20), sequences, "sequence numbers 001..020, once each");
    assertEquals(20, configurations.size(), "no configuration tried twice");
    int overlap = TuneTestSupport.maxOverlap(spans);
    assertTrue(overlap <= maxParallel, "at most " + maxParallel + " training jobs at once, saw " + overlap);
    // that jobs do run in parallel is shown with jobs that wait for each other: ByoTuningTest

    // the best training job is the one with the smallest objective
    assertEquals(minObjective, best.get("FinalHyperParameterTuningJobObjectiveMetric").get("Value").asDouble(), 0.0);
    assertEquals(minName, best.get("TrainingJobName").asText());
    String bestName = best.get("TrainingJobName").asText();
    assertTrue(tune.out().contains("Best training job: " + bestName), tune::out);

    // describe-training-job: static hyperparameters, the objective's name and the tuned values
    JsonNode job = json(ok(home, "describe-training-job", bestName).out());
    assertEquals("Completed", job.get("TrainingJobStatus").asText());
    JsonNode hps = job.get("HyperParameters");
    TuneTestSupport.definition(spec).get("StaticHyperParameters").properties()
        .forEach(e -> assertEquals(e.getValue().asText(), hps.path(e.getKey()).asText(), e.getKey()));
    assertEquals("validation:rmse", hps.path("_tuning_objective_metric").asText());
    best.get("TunedHyperParameters").properties()
        .forEach(e -> assertEquals(e.getValue().asText(), hps.path(e.getKey()).asText(), e.getKey()));
    double finalRmse = Double.NaN;
    for (JsonNode m : job.get("FinalMetricDataList")) {
      if (m.get("MetricName").asText().equals("validation:rmse")) {
        finalRmse = m.get("Value").asDouble();
      }
    }
    assertEquals(minObjective, finalRmse, 1e-9, "FinalMetricDataList validation:rmse is the objective");
    assertTrue(Files.isRegularFile(Path.of(job.get("ModelArtifacts").get("S3ModelArtifacts").asText())));

    // sorting and filtering
    JsonNode sorted = json(ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", name, "--output", "json",
        "--sort-by", "FinalObjectiveMetricValue", "--sort-order", "Descending").out()).get("TrainingJobSummaries");
    assertEquals(20, sorted.size());
    for (int i = 1; i < sorted.size(); i++) {
      double previous = sorted.get(i - 1).get("FinalHyperParameterTuningJobObjectiveMetric").get("Value").asDouble();
      double current = sorted.get(i).get("FinalHyperParameterTuningJobObjectiveMetric").get("Value").asDouble();
      assertTrue(previous >= current, "descending at " + i + ": " + previous + " then " + current);
    }
    assertEquals(bestName, sorted.get(19).get("TrainingJobName").asText());
    assertEquals(20, json(ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", name, "--output", "json",
        "--status-equals", "Completed").out()).get("TrainingJobSummaries").size());
    assertEquals(0, json(ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", name, "--output", "json",
        "--status-equals", "Failed").out()).get("TrainingJobSummaries").size());

    // analytics --csv: the SDK's dataframe, one row per training job
    Path csv = dir.resolve("analytics.csv");
    ok(home, "analytics", name, "--csv", csv.toString());
    List<String> lines = Files.readAllLines(csv);
    assertEquals(21, lines.size(), "header + 20 rows");
    List<String> header = List.of(lines.get(0).split(","));
    Set<String> expectedColumns = new HashSet<>(rangeNames(spec));
    expectedColumns.addAll(List.of("TrainingJobName", "TrainingJobStatus", "FinalObjectiveValue", "TrainingStartTime",
        "TrainingEndTime", "TrainingElapsedTimeSeconds"));
    assertEquals(expectedColumns, new HashSet<>(header));
    Map<String, Double> fromList = new TreeMap<>();
    list.forEach(j -> fromList.put(j.get("TrainingJobName").asText(),
        j.get("FinalHyperParameterTuningJobObjectiveMetric").get("Value").asDouble()));
    Map<String, Double> fromCsv = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      assertEquals(header.size(), cells.length, line);
      fromCsv.put(cells[header.indexOf("TrainingJobName")], Double.parseDouble(cells[header.indexOf("FinalObjectiveValue")]));
      assertTrue(Double.parseDouble(cells[header.indexOf("TrainingElapsedTimeSeconds")]) >= 0, line);
    }
    assertEquals(fromList.keySet(), fromCsv.keySet());
    fromList.forEach((k, v) -> assertEquals(v, fromCsv.get(k), 1e-9, k));

    // transform --best-of on the bundled test split, and the same model by name
    Path data = dir.resolve("data");
    ok(null, "datasets", "boston", "--out", data.toString());
    Path bestOf = dir.resolve("best-of.csv");
    CliTestSupport.Run transform = ok(home, "transform", "--best-of", name, "--input", data.resolve("test.csv").toString(),
        "--output", bestOf.toString(), "--labels", data.resolve("test-labels.csv").toString());
    assertTrue(transform.out().contains(bestName), transform::out);
    List<String> predictions = Files.readAllLines(bestOf);
    assertEquals(167, predictions.size());
    predictions.forEach(p -> assertTrue(Double.isFinite(Double.parseDouble(p)), p));
    var rmse = Pattern.compile("RMSE: ([0-9.]+)").matcher(transform.out());
    assertTrue(rmse.find(), transform::out);
    double testRmse = Double.parseDouble(rmse.group(1));
    assertTrue(testRmse > 1 && testRmse < 10, "plausible test RMSE: " + testRmse);
    assertEquals(testRmse, rmseOf(predictions, Files.readAllLines(data.resolve("test-labels.csv"))), 1e-4,
        "printed RMSE is the RMSE of the written predictions");
    Path byName = dir.resolve("by-name.csv");
    ok(home, "transform", "--model", bestName, "--input", data.resolve("test.csv").toString(), "--output", byName.toString());
    assertEquals(predictions, Files.readAllLines(byName), "--best-of uses the best training job's model");

    // the same spec again is refused: the name is taken, and nothing changes
    CliTestSupport.Run again = CliTestSupport.run(home, "tune", CliTestSupport.repoRoot().resolve(example).toString());
    assertEquals(2, again.exitCode(), again::all);
    assertTrue(again.err().contains("HyperParameterTuningJobName"), again::err);
    assertEquals(20, json(ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", name, "--output", "json").out())
        .get("TrainingJobSummaries").size());
  }

  /** With MaxParallelTrainingJobs 1 and one RandomSeed, two tuning jobs try the same things in the same order. */
  @Test
  void sameSeedSequentialRunsAreIdentical() {
    Path home = dir.resolve("home");
    List<List<String>> runs = new ArrayList<>();
    for (String name : List.of("repro-a", "repro-b", "repro-c")) {
      ObjectNode spec = TuneTestSupport.example(TuneTestSupport.COURSE_SPEC);
      spec.put("HyperParameterTuningJobName", name);
      TuneTestSupport.limits(spec).put("MaxNumberOfTrainingJobs", 6).put("MaxParallelTrainingJobs", 1);
      TuneTestSupport.config(spec).put("RandomSeed", name.equals("repro-c") ? 124 : 123);
      ok(home, "tune", TuneTestSupport.write(dir, name + ".json", spec).toString());
      JsonNode list = json(ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", name, "--output", "json",
          "--sort-by", "Name").out()).get("TrainingJobSummaries");
      assertEquals(6, list.size());
      List<String> trace = new ArrayList<>();
      for (JsonNode j : list) {
        trace.add(j.get("TunedHyperParameters").toString() + " -> "
            + j.get("FinalHyperParameterTuningJobObjectiveMetric").get("Value").asText());
      }
      assertEquals(6, new HashSet<>(trace).size(), "six different configurations: " + trace);
      assertEquals(1, TuneTestSupport.maxOverlap(spansOf(list)), "one at a time");
      runs.add(trace);
    }
    assertEquals(runs.get(0), runs.get(1), "same seed, same tuned values and objectives in the same order");
    assertNotEquals(runs.get(0), runs.get(2), "another seed explores differently");
  }

  private static List<TuneTestSupport.Span> spansOf(JsonNode list) {
    List<TuneTestSupport.Span> spans = new ArrayList<>();
    list.forEach(j -> spans.add(TuneTestSupport.Span.of(j)));
    return spans;
  }

  /** Checks every tuned value against the spec's ranges; returns the configuration. */
  private static Map<String, String> assertInRanges(ObjectNode spec, JsonNode tuned) {
    JsonNode ranges = TuneTestSupport.config(spec).get("ParameterRanges");
    Map<String, String> config = new TreeMap<>();
    tuned.properties().forEach(e -> config.put(e.getKey(), e.getValue().asText()));
    assertEquals(new HashSet<>(rangeNames(spec)), config.keySet(), "exactly the tuned hyperparameters");
    for (JsonNode r : ranges.path("IntegerParameterRanges")) {
      String v = config.get(r.get("Name").asText());
      assertTrue(v.matches("-?\\d+"), () -> r.get("Name").asText() + " is an integer: " + v);
      long x = Long.parseLong(v);
      assertTrue(x >= r.get("MinValue").asLong() && x <= r.get("MaxValue").asLong(), () -> r + " holds " + v);
    }
    for (JsonNode r : ranges.path("ContinuousParameterRanges")) {
      String v = config.get(r.get("Name").asText());
      double x = Double.parseDouble(v);
      assertTrue(x >= r.get("MinValue").asDouble() && x <= r.get("MaxValue").asDouble(), () -> r + " holds " + v);
    }
    return config;
  }

  private static List<String> rangeNames(ObjectNode spec) {
    JsonNode ranges = TuneTestSupport.config(spec).get("ParameterRanges");
    List<String> names = new ArrayList<>();
    for (String kind : List.of("IntegerParameterRanges", "ContinuousParameterRanges", "CategoricalParameterRanges")) {
      ranges.path(kind).forEach(r -> names.add(r.get("Name").asText()));
    }
    assertFalse(names.isEmpty());
    return names;
  }

  private static Set<Integer> rangeSet(int from, int to) {
    return java.util.stream.IntStream.rangeClosed(from, to).boxed().collect(Collectors.toSet());
  }

  private static double rmseOf(List<String> predictions, List<String> labels) {
    assertEquals(labels.size(), predictions.size());
    double sum = 0;
    for (int i = 0; i < labels.size(); i++) {
      double d = Double.parseDouble(predictions.get(i)) - Double.parseDouble(labels.get(i));
      sum += d * d;
    }
    return Math.sqrt(sum / labels.size());
  }
}
