package dev.tunelab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.NewTransformRun;
import dev.tunelab.core.store.NoSuchJobException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API documents built from a store written with the store API. */
class DashboardDataTest {

  @TempDir Path home;
  private JobStore store;
  private DashboardData data;
  private List<String> jobs;

  @BeforeEach
  void fill() {
    store = JobStore.openSqlite(home);
    jobs = Stores.syntheticJob(store, "bayes", "Bayesian", 30);
    Stores.syntheticJob(store, "few", "Random", 4);
    data = new DashboardData(store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void tuningJobListHasTheSummaryOfEachNewestFirst() {
    JsonNode list = data.tuningJobs().get("TuningJobs");
    assertEquals(2, list.size());
    JsonNode bayes = null;
    for (JsonNode j : list) {
      if (j.get("Name").asText().equals("bayes")) {
        bayes = j;
      }
    }
    assertEquals("Bayesian", bayes.get("Strategy").asText());
    assertEquals("Completed", bayes.get("Status").asText());
    assertEquals("validation:rmse", bayes.get("ObjectiveMetric").asText());
    assertEquals("Minimize", bayes.get("ObjectiveType").asText());
    assertEquals(30, bayes.get("MaxNumberOfTrainingJobs").asInt());
    assertEquals(30, bayes.get("Counters").get("Completed").asInt());
    assertEquals(0, bayes.get("Counters").get("InProgress").asInt());
    double min = Double.POSITIVE_INFINITY;
    for (String j : jobs) {
      min = Math.min(min, store.trainingJob(j).orElseThrow().objectiveValue());
    }
    assertEquals(min, bayes.get("BestObjective").asDouble());
    assertTrue(bayes.get("EndTime").isTextual());
    assertEquals("2026-12-02T10:00:00Z", bayes.get("CreationTime").asText());
  }

  @Test
  void tuningJobHasRangesJobsInLaunchOrderTheInitialDesignAndTheImportance() {
    ObjectNode doc = data.tuningJob("bayes");
    assertEquals(3, doc.get("MaxParallelTrainingJobs").asInt());
    assertEquals(10, doc.get("InitialDesignSize").asInt());
    assertEquals("bayes", doc.get("Configuration").get("HyperParameterTuningJobName").asText());
    JsonNode ranges = doc.get("Ranges");
    assertEquals(6, ranges.size());
    Map<String, JsonNode> byName = new java.util.HashMap<>();
    ranges.forEach(r -> byName.put(r.get("Name").asText(), r));
    assertEquals("Integer", byName.get("max_depth").get("Type").asText());
    assertEquals("Linear", byName.get("max_depth").get("Scaling").asText(), "Auto resolved");
    assertEquals("3", byName.get("max_depth").get("MinValue").asText());
    assertEquals("Logarithmic", byName.get("eta").get("Scaling").asText());
    assertEquals("0.05", byName.get("eta").get("MinValue").asText());
    assertEquals("Categorical", byName.get("booster").get("Type").asText());
    assertEquals(Stores.HOSTILE, byName.get("booster").get("Values").get(1).asText());

    JsonNode list = doc.get("TrainingJobs");
    assertEquals(30, list.size());
    for (int i = 0; i < 30; i++) {
      JsonNode j = list.get(i);
      assertEquals(jobs.get(i), j.get("Name").asText());
      assertEquals(i + 1, j.get("Sequence").asInt());
      assertEquals(i < 10, j.get("InitialDesign").asBoolean(), "job " + (i + 1));
      assertEquals(store.trainingJob(jobs.get(i)).orElseThrow().objectiveValue(),
          j.get("Objective").asDouble());
      assertEquals(5, j.get("RoundsTrained").asInt());
      assertTrue(j.get("FailureReason").isNull());
      assertEquals(6, j.get("TunedHyperParameters").size());
    }
    // the objective is 3 + 20 eta: eta explains (nearly) all of it
    JsonNode importance = doc.get("Importance");
    assertTrue(importance.get("Method").asText().contains("Sobol"));
    double eta = 0;
    double sum = 0;
    for (JsonNode v : importance.get("Values")) {
      sum += v.get("Importance").asDouble();
      if (v.get("Name").asText().equals("eta")) {
        eta = v.get("Importance").asDouble();
      }
    }
    assertTrue(eta > 0.8, importance::toString);
    assertTrue(sum <= 1 + 1e-9, importance::toString);
    assertEquals(0, doc.get("TransformRuns").size());
  }

  @Test
  void randomJobsAreAllInitialDesignAndFewJobsHaveNoImportance() {
    ObjectNode doc = data.tuningJob("few");
    assertEquals(4, doc.get("InitialDesignSize").asInt());
    doc.get("TrainingJobs").forEach(j -> assertTrue(j.get("InitialDesign").asBoolean()));
    assertTrue(doc.get("Importance").isNull(), "4 jobs < 2 x 6 ranges + 1");
  }

  @Test
  void aWarmStartCountsItsParentsJobsTowardsTheInitialDesign() throws Exception {
    ObjectNode spec = (ObjectNode) dev.tunelab.core.json.Json.mapper().readTree(Stores.spec("child", "Bayesian", 5));
    spec.putObject("WarmStartConfig").put("WarmStartType", "IdenticalDataAndAlgorithm")
        .putArray("ParentHyperParameterTuningJobs").addObject().put("HyperParameterTuningJobName", "few");
    store.createTuningJob(new dev.tunelab.core.store.NewTuningJob("child", spec.toString(), Stores.T0));
    assertEquals(10 - 4, data.tuningJob("child").get("InitialDesignSize").asInt(), "4 parent jobs");
    assertTrue(data.tuningJob("child").get("Configuration").has("WarmStartConfig"));
  }

  @Test
  void trainingJobHasCurvesTheBestIterationAndNullForNaN() {
    ObjectNode doc = data.trainingJob(jobs.get(0));
    assertEquals("bayes", doc.get("TuningJobName").asText());
    assertEquals("validation:rmse", doc.get("ObjectiveMetric").asText());
    assertEquals("Minimize", doc.get("ObjectiveType").asText());
    assertEquals(3, doc.get("BestIteration").asInt());
    assertEquals("200", doc.get("HyperParameters").get("num_round").asText());
    assertFalse(doc.get("TunedHyperParameters").has("num_round"));
    assertEquals(2.0, doc.get("FinalMetrics").get("train:rmse").asDouble());
    JsonNode validation = doc.get("Metrics").get("validation:rmse");
    assertEquals("[0,1,2,3,4]", validation.get("Rounds").toString());
    assertTrue(validation.get("Values").get(4).isNull(), "NaN is null");
    assertEquals(10.0, doc.get("Metrics").get("train:rmse").get("Values").get(0).asDouble());
    assertThrows(NoSuchJobException.class, () -> data.trainingJob("nope"));
    assertThrows(NoSuchJobException.class, () -> data.tuningJob("nope"));
  }

  @Test
  void logsPageWithNextAndMore() {
    ObjectNode first = data.logs(jobs.get(0), 0, 1);
    assertEquals(1, first.get("Lines").size());
    assertEquals(1, first.get("Next").asInt());
    assertTrue(first.get("More").asBoolean());
    ObjectNode second = data.logs(jobs.get(0), 1, 1000);
    assertEquals(Stores.HOSTILE_LOG, second.get("Lines").get(0).get("Text").asText());
    assertEquals(2, second.get("Next").asInt());
    assertFalse(second.get("More").asBoolean());
    ObjectNode none = data.logs(jobs.get(0), 2, 10);
    assertEquals(0, none.get("Lines").size());
    assertEquals(2, none.get("Next").asInt());
    assertThrows(IllegalArgumentException.class, () -> data.logs(jobs.get(0), 0, 0));
    assertThrows(IllegalArgumentException.class, () -> data.logs(jobs.get(0), -1, 10));
  }

  @Test
  void transformRunsAndTheReportBundle() {
    store.recordTransformRun(NewTransformRun.of(Stores.T0, jobs.get(2), Path.of("/d/test.csv"),
        Path.of("/d/labels.csv"), Map.of("rmse", 3.5), new double[] {1, 2}, new double[] {1.5, Double.NaN}));
    store.recordTransformRun(NewTransformRun.of(Stores.T0, "lone-base", Path.of("/d/test.csv"),
        Path.of("/d/labels.csv"), Map.of("rmse", 4.5), new double[] {1}, new double[] {2}));
    store.recordTransformRun(NewTransformRun.of(Stores.T0, "few-001-00000001", Path.of("/d/t.csv"),
        Path.of("/d/l.csv"), Map.of("rmse", 9.0), new double[] {1}, new double[] {2}));
    JsonNode all = data.transformRuns().get("TransformRuns");
    assertEquals(3, all.size());
    JsonNode run = all.get(2);
    assertEquals(jobs.get(2), run.get("TrainingJobName").asText());
    assertEquals("bayes", run.get("TuningJobName").asText());
    assertEquals("/d/test.csv", run.get("Input").asText());
    assertEquals(2, run.get("Rows").asInt());
    assertEquals(3.5, run.get("Metrics").get("rmse").asDouble());
    assertEquals("[1.0,2.0]", run.get("Actual").toString());
    assertTrue(run.get("Predicted").get(1).isNull());
    assertEquals(1, data.tuningJob("bayes").get("TransformRuns").size());

    ObjectNode report = data.report("bayes");
    assertEquals("bayes", report.get("TuningJob").get("Name").asText());
    assertEquals(30, report.get("TrainingJobs").size());
    JsonNode t = report.get("TrainingJobs").get(jobs.get(0));
    assertEquals(2, t.get("Logs").size());
    assertEquals(3, t.get("BestIteration").asInt());
    List<String> runs = new ArrayList<>();
    report.get("TransformRuns").forEach(r -> runs.add(r.get("TrainingJobName").asText()));
    assertEquals(List.of("lone-base", jobs.get(2)), runs, "its own runs and lone jobs' runs");
  }
}
