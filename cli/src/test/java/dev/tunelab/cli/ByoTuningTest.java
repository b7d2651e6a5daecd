package dev.tunelab.cli;

import dev.tunelab.core.json.Json;
import static dev.tunelab.cli.TuneTestSupport.json;
import static dev.tunelab.cli.TuneTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.LogLine;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bring-your-own training commands tuned through the CLI: the test script
 * {@code byo/train-quadratic.sh} prints {@code epoch=N loss=V} lines whose last loss is
 * (x - 0.3)^2 + 0.25, so every objective can be checked against the tuned x. A second spec makes
 * the script fail in three ways (exit 3 with output/failure, exit 3 without, no metric) and the
 * tuning job must carry on with the rest.
 */
class ByoTuningTest {

  @TempDir Path dir;

  /** The last loss the script prints for x. */
  static double expectedObjective(double x) {
    return (x - 0.3) * (x - 0.3) + 0.25;
  }

  static Path script() {
    return script("/byo/train-quadratic.sh");
  }

  /** A test script from the class path, e.g. {@code /byo/pairs.sh}. */
  static Path script(String resource) {
    try {
      return Path.of(ByoTuningTest.class.getResource(resource).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A tuning spec running train-quadratic.sh; {@code ranges} is the ParameterRanges object. */
  ObjectNode spec(String name, String strategy, ObjectNode ranges, Map<String, String> statics, String regex,
      Integer maxJobs) throws Exception {
    return spec(dir, script(), name, strategy, ranges, statics, regex, maxJobs);
  }

  /**
   * Writes {@code dir/spec.json}: a Random tuning job of byo/gate.sh (tickets in
   * {@code dir/tickets}) whose first {@code free} jobs finish and every later one waits for the
   * file {@code gate}, so a kill or a stop always meets running jobs.
   */
  static Path gatedSpec(Path dir, String name, int jobs, int parallel, int free, Path gate) throws Exception {
    Path tickets = Files.createDirectories(dir.resolve("tickets"));
    ObjectNode spec = spec(dir, script("/byo/gate.sh"), name, "Random", continuousX(0, 1),
        Map.of("tickets", tickets.toString(), "gate", gate.toString(), "free", Integer.toString(free)),
        "loss=([0-9.]+)", jobs);
    TuneTestSupport.limits(spec).put("MaxParallelTrainingJobs", parallel);
    return TuneTestSupport.write(dir, "spec.json", spec);
  }

  /**
   * A tuning spec running {@code script} with bash (data channel in {@code dir}, 2 jobs at once);
   * {@code ranges} is the ParameterRanges object.
   */
  static ObjectNode spec(Path dir, Path script, String name, String strategy, ObjectNode ranges,
      Map<String, String> statics, String regex, Integer maxJobs) throws Exception {
    Files.writeString(dir.resolve("train.csv"), "1,2,3\n4,5,6\n");
    ObjectNode s = Json.object();
    s.put("HyperParameterTuningJobName", name);
    ObjectNode cfg = s.putObject("HyperParameterTuningJobConfig");
    cfg.put("Strategy", strategy);
    cfg.putObject("HyperParameterTuningJobObjective").put("Type", "Minimize").put("MetricName", "loss");
    ObjectNode limits = cfg.putObject("ResourceLimits").put("MaxParallelTrainingJobs", 2);
    if (maxJobs != null) {
      limits.put("MaxNumberOfTrainingJobs", maxJobs);
    }
    cfg.set("ParameterRanges", ranges);
    cfg.put("RandomSeed", 11);
    ObjectNode def = s.putObject("TrainingJobDefinition");
    ObjectNode st = def.putObject("StaticHyperParameters");
    statics.forEach(st::put);
    ObjectNode alg = def.putObject("AlgorithmSpecification");
    alg.put("TrainingInputMode", "File");
    alg.putArray("ContainerEntrypoint").add("bash").add(script.toString());
    alg.putArray("MetricDefinitions").addObject().put("Name", "loss").put("Regex", regex);
    ObjectNode channel = def.putArray("InputDataConfig").addObject();
    channel.put("ChannelName", "train");
    channel.putObject("DataSource").putObject("S3DataSource").put("S3DataType", "S3Prefix").put("S3Uri", "train.csv");
    def.putObject("OutputDataConfig").put("S3OutputPath", "s3://tunelab-local/byo/output");
    def.putObject("ResourceConfig").put("InstanceType", "ml.m5.large").put("InstanceCount", 1).put("VolumeSizeInGB", 1);
    def.putObject("StoppingCondition").put("MaxRuntimeInSeconds", 60);
    return s;
  }

  static ObjectNode continuousX(double min, double max) {
    ObjectNode ranges = Json.object();
    ranges.putArray("ContinuousParameterRanges").addObject().put("Name", "x")
        .put("MinValue", Double.toString(min)).put("MaxValue", Double.toString(max));
    return ranges;
  }

  /**
   * MaxParallelTrainingJobs 2 runs two jobs at once: the pairs.sh jobs can only finish once their
   * partner has started, so the recorded spans must overlap pairwise, and never by more than 2.
   */
  @Test
  void jobsRunInParallelUpToTheLimit() throws Exception {
    Path home = dir.resolve("home");
    Path tickets = Files.createDirectories(dir.resolve("tickets"));
    ObjectNode s = spec(dir, script("/byo/pairs.sh"), "byo-pairs", "Random", continuousX(0, 1),
        Map.of("tickets", tickets.toString()), "loss=([0-9.]+)", 4);
    ok(home, "tune", TuneTestSupport.write(dir, "pairs.json", s).toString());
    JsonNode list = json(ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", "byo-pairs", "--output", "json")
        .out()).get("TrainingJobSummaries");
    assertEquals(4, list.size());
    List<TuneTestSupport.Span> spans = new java.util.ArrayList<>();
    for (JsonNode j : list) {
      assertEquals("Completed", j.get("TrainingJobStatus").asText(), j::toString);
      spans.add(TuneTestSupport.Span.of(j));
    }
    assertEquals(2, TuneTestSupport.maxOverlap(spans), "two jobs at once, never more: " + spans);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Random", "Bayesian"})
  void scriptTunedWithMetricRegex(String strategy) throws Exception {
    Path home = dir.resolve("home");
    String name = "byo-" + strategy.toLowerCase();
    ObjectNode s = spec(name, strategy, continuousX(0, 1), Map.of(), "loss=([0-9.]+)", 8);
    ok(home, "tune", TuneTestSupport.write(dir, name + ".json", s).toString());

    JsonNode describe = json(ok(home, "describe-hyper-parameter-tuning-job", name).out());
    assertEquals("Completed", describe.get("HyperParameterTuningJobStatus").asText());
    assertEquals(8, describe.get("TrainingJobStatusCounters").get("Completed").asInt());
    assertEquals(8, describe.get("ObjectiveStatusCounters").get("Succeeded").asInt());
    JsonNode list = json(ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", name, "--output", "json").out())
        .get("TrainingJobSummaries");
    assertEquals(8, list.size());
    double best = Double.POSITIVE_INFINITY;
    for (JsonNode j : list) {
      assertEquals("Completed", j.get("TrainingJobStatus").asText(), j::toString);
      double x = Double.parseDouble(j.get("TunedHyperParameters").get("x").asText());
      assertTrue(x >= 0 && x <= 1, "x in range: " + x);
      double objective = j.get("FinalHyperParameterTuningJobObjectiveMetric").get("Value").asDouble();
      assertEquals(expectedObjective(x), objective, 2e-6, "the LAST printed loss for x=" + x);
      best = Math.min(best, objective);
    }
    assertEquals(best, describe.get("BestTrainingJob").get("FinalHyperParameterTuningJobObjectiveMetric")
        .get("Value").asDouble(), 0.0);

    // the job's own record: every hyperparameter as a string, the metric in FinalMetricDataList, its model folder
    String first = list.get(0).get("TrainingJobName").asText();
    JsonNode job = json(ok(home, "describe-training-job", first).out());
    assertEquals("loss", job.get("HyperParameters").get("_tuning_objective_metric").asText());
    assertEquals("loss", job.get("FinalMetricDataList").get(0).get("MetricName").asText());
    Path model = Path.of(job.get("ModelArtifacts").get("S3ModelArtifacts").asText());
    String x = list.get(0).get("TunedHyperParameters").get("x").asText();
    assertEquals(Double.parseDouble(x), Double.parseDouble(Files.readString(model.resolve("model.txt")).trim()), 0.0,
        "the script's model file in SM_MODEL_DIR is the job's model artifact");
    String logs = ok(home, "logs", first).out();
    assertEquals(3, logs.lines().filter(l -> l.matches("epoch=\\d loss=[0-9.]+")).count(), logs);
  }

  @Test
  void failingJobsAreFailedWithAReasonAndTheTuningJobGoesOn() throws Exception {
    Path home = dir.resolve("home");
    ObjectNode ranges = Json.object();
    ArrayNode values = ranges.putArray("CategoricalParameterRanges").addObject().put("Name", "x").putArray("Values");
    List.of("0.1", "0.3", "0.45", "0.6", "0.8", "0.9").forEach(values::add);
    ObjectNode s = spec("byo-failures", "Grid", ranges, Map.of("failures", "on"), "loss=([0-9.]+)", null);
    CliTestSupport.Run tune = ok(home, "tune", TuneTestSupport.write(dir, "failures.json", s).toString());
    assertTrue(tune.out().contains("Training jobs: 6 launched, 2 Completed"), tune::out);

    JsonNode list = json(ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", "byo-failures", "--output",
        "json").out()).get("TrainingJobSummaries");
    Map<String, JsonNode> byX = new HashMap<>();
    list.forEach(j -> byX.put(j.get("TunedHyperParameters").get("x").asText(), j));
    assertEquals(6, byX.size(), "each grid value once");
    for (String ok : List.of("0.3", "0.45")) {
      JsonNode j = byX.get(ok);
      assertEquals("Completed", j.get("TrainingJobStatus").asText(), j::toString);
      assertEquals("Succeeded", j.get("ObjectiveStatus").asText());
      assertEquals(expectedObjective(Double.parseDouble(ok)),
          j.get("FinalHyperParameterTuningJobObjectiveMetric").get("Value").asDouble(), 2e-6);
    }
    assertFailed(byX.get("0.1"), "ObjectiveMetricMissing");
    assertFailed(byX.get("0.6"), "exit code 3");
    assertTrue(byX.get("0.6").get("FailureReason").asText().contains("diverged"), "last lines of its log");
    assertFailed(byX.get("0.8"), "x=0.8 is too large for this model");
    assertFailed(byX.get("0.9"), "x=0.9 is too large for this model");

    JsonNode describe = json(ok(home, "describe-hyper-parameter-tuning-job", "byo-failures").out());
    assertEquals("Completed", describe.get("HyperParameterTuningJobStatus").asText());
    JsonNode counters = describe.get("TrainingJobStatusCounters");
    assertEquals(2, counters.get("Completed").asInt(), counters::toString);
    assertEquals(4, counters.get("NonRetryableError").asInt(), counters::toString);
    assertEquals(0, counters.get("RetryableError").asInt(), counters::toString);
    assertEquals(0, counters.get("InProgress").asInt(), counters::toString);
    JsonNode objective = describe.get("ObjectiveStatusCounters");
    assertEquals(2, objective.get("Succeeded").asInt(), "only Completed jobs' objectives are used: " + objective);
    assertEquals(4, objective.get("Failed").asInt(), objective::toString);
    assertEquals(byX.get("0.3").get("TrainingJobName").asText(),
        describe.get("BestTrainingJob").get("TrainingJobName").asText());

    // filtering by status and sorting by objective see the same split
    JsonNode failed = json(ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", "byo-failures", "--output",
        "json", "--status-equals", "Failed").out()).get("TrainingJobSummaries");
    assertEquals(4, failed.size());
    failed.forEach(j -> assertEquals("Failed", j.get("TrainingJobStatus").asText()));
    JsonNode byObjective = json(ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", "byo-failures",
        "--output", "json", "--sort-by", "FinalObjectiveMetricValue").out()).get("TrainingJobSummaries");
    assertEquals(List.of("0.3", "0.45"), names(byObjective),
        "sorting by objective lists the jobs whose objective the tuner used, best first");
  }

  private static List<String> names(JsonNode list) {
    return java.util.stream.StreamSupport.stream(list.spliterator(), false)
        .map(j -> j.get("TunedHyperParameters").get("x").asText()).collect(Collectors.toList());
  }

  private static void assertFailed(JsonNode job, String reason) {
    assertNotNull(job);
    assertEquals("Failed", job.get("TrainingJobStatus").asText(), job::toString);
    assertTrue(job.path("FailureReason").asText().contains(reason), () -> "FailureReason should contain '" + reason
        + "': " + job);
    assertEquals("Failed", job.get("ObjectiveStatus").asText(), job::toString);
    assertNull(job.get("FinalHyperParameterTuningJobObjectiveMetric"), () -> "a failed job has no final objective: " + job);
  }

  /** SageMaker writes a TAB as #011 in its regexes (CloudWatch's escape); the script prints a real TAB. */
  @Test
  void sageMakerTabEscapeMatchesARealTab() throws Exception {
    Path home = dir.resolve("home");
    ObjectNode s = spec("byo-tabs", "Random", continuousX(0, 1), Map.of("format", "tab"),
        "epoch=[0-9]+#011loss=([0-9.]+)", 4);
    ok(home, "tune", TuneTestSupport.write(dir, "tabs.json", s).toString());
    JsonNode list = json(ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", "byo-tabs", "--output", "json")
        .out()).get("TrainingJobSummaries");
    assertEquals(4, list.size());
    for (JsonNode j : list) {
      assertEquals("Completed", j.get("TrainingJobStatus").asText(), j::toString);
      double x = Double.parseDouble(j.get("TunedHyperParameters").get("x").asText());
      assertEquals(expectedObjective(x), j.get("FinalHyperParameterTuningJobObjectiveMetric").get("Value").asDouble(), 2e-6);
    }
    try (JobStore store = JobStore.openSqlite(home)) {
      List<LogLine> lines = store.logLines(list.get(0).get("TrainingJobName").asText(), 0, 100);
      assertTrue(lines.stream().anyMatch(l -> l.text().contains("\tloss=")), "the script printed a real TAB: " + lines);
      assertFalse(lines.stream().anyMatch(l -> l.text().contains(" loss=")), "and no space-separated form");
    }
  }
}
