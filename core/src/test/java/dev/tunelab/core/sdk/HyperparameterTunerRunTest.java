package dev.tunelab.core.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.spec.JsonSpecReader;
import dev.tunelab.core.spec.TuningJobSpecParser;
import dev.tunelab.core.spec.WarmStartType;
import dev.tunelab.core.store.NoSuchJobException;
import dev.tunelab.core.tuning.TuningJobRunner;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Real tuning jobs through the Java API: one shared 5-job run, then attach, warm start and stop. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HyperparameterTunerRunTest {

  private static final int JOBS = 5;

  @TempDir static Path home;
  private HyperparameterTuner tuner;
  private List<TrainingJobRecord> jobs;

  @BeforeAll
  void tune() {
    tuner = Course.tuner(home).maxJobs(JOBS).maxParallelJobs(2).randomSeed(11);
    tuner.fit(Course.INPUTS, "sdk-run");
    try (JobStore store = JobStore.openSqlite(home)) {
      jobs = store.trainingJobsOf("sdk-run");
    }
  }

  @Test
  void fitWaitsAndTheJobEndsCompletedWithTheMinimumAsBest() {
    JsonNode d = tuner.describe();
    assertEquals("Completed", d.path("HyperParameterTuningJobStatus").asText());
    assertEquals(JOBS, d.path("TrainingJobStatusCounters").path("Completed").asInt());
    assertEquals(JOBS, jobs.size());
    TrainingJobRecord min = jobs.stream().min((a, b) -> Double.compare(a.objectiveValue(), b.objectiveValue())).orElseThrow();
    assertEquals(min.name(), tuner.bestTrainingJob());
    JsonNode best = d.path("BestTrainingJob");
    assertEquals(min.name(), best.path("TrainingJobName").asText());
    assertEquals(min.objectiveValue(), best.path("FinalHyperParameterTuningJobObjectiveMetric").path("Value").asDouble());
    assertEquals("Minimize", best.path("FinalHyperParameterTuningJobObjectiveMetric").path("Type").asText());
    assertEquals(5, best.path("TunedHyperParameters").size());
  }

  @Test
  void analyticsHasTheSdkColumnsAndOneRowPerJob() {
    Table t = tuner.analytics();
    assertEquals(JOBS, t.rowCount());
    List<String> columns = t.columnNames();
    assertTrue(columns.containsAll(List.of("max_depth", "eta", "min_child_weight", "subsample", "gamma")), columns.toString());
    assertEquals(List.of("TrainingJobName", "TrainingJobStatus", "FinalObjectiveValue", "TrainingStartTime",
        "TrainingEndTime", "TrainingElapsedTimeSeconds"), columns.subList(5, 11));
    assertEquals(11, columns.size());
    double min = t.doubleColumn("FinalObjectiveValue").min();
    assertEquals(tuner.describe().path("BestTrainingJob").path("FinalHyperParameterTuningJobObjectiveMetric")
        .path("Value").asDouble(), min);
    for (int i = 0; i < t.rowCount(); i++) {
      double depth = t.doubleColumn("max_depth").get(i);
      assertTrue(depth >= 3 && depth <= 12 && depth == Math.rint(depth), "max_depth " + depth);
    }
  }

  @Test
  void theBestEstimatorIsTheBestJobWithItsModel() throws Exception {
    Estimator best = tuner.bestEstimator();
    assertEquals(tuner.bestTrainingJob(), best.latestTrainingJob());
    Path model = best.modelData();
    assertTrue(Files.isRegularFile(model) && Files.size(model) > 0 || Files.isDirectory(model), model.toString());
    TrainingJobRecord rec = jobs.stream().filter(j -> j.name().equals(tuner.bestTrainingJob())).findFirst().orElseThrow();
    rec.tunedHyperParameters().forEach((k, v) -> assertEquals(v, best.hyperparameters().get(k), k));
    assertEquals("200", best.hyperparameters().get("num_round"));
    assertEquals(Estimator.XGBOOST_IMAGE, best.trainingImage());
    JsonNode d = best.describe();
    assertEquals("Completed", d.path("TrainingJobStatus").asText());
    assertEquals(rec.name(), d.path("TrainingJobName").asText());
  }

  @Test
  void attachRebuildsTheTunerFromTheStoredSpec() {
    HyperparameterTuner attached = HyperparameterTuner.attach("sdk-run", home);
    assertEquals("sdk-run", attached.latestTuningJob());
    assertEquals("validation:rmse", attached.objectiveMetricName());
    assertEquals("Minimize", attached.objectiveType());
    assertEquals("Bayesian", attached.strategy());
    assertEquals(JOBS, attached.maxJobs());
    assertEquals(2, attached.maxParallelJobs());
    assertEquals(11, attached.randomSeed());
    assertEquals(Course.ranges().size(), attached.hyperparameterRanges().size());
    Course.ranges().forEach((name, range) -> assertEquals(range, attached.hyperparameterRanges().get(name), name));
    assertEquals("reg:linear", attached.estimator().hyperparameters().get("objective"));
    assertTrue(!attached.estimator().hyperparameters().containsKey("max_depth"), "tuned names are not static");
    assertEquals(tuner.bestTrainingJob(), attached.bestTrainingJob());
    assertEquals(tuner.describe().path("BestTrainingJob"), attached.describe().path("BestTrainingJob"));
    // the rebuilt tuner writes the same ranges and objective as the original
    JsonNode original = tuner.createRequest("x", Course.INPUTS).path("HyperParameterTuningJobConfig");
    JsonNode rebuilt = attached.createRequest("x", Course.INPUTS).path("HyperParameterTuningJobConfig");
    assertEquals(original.path("ParameterRanges"), rebuilt.path("ParameterRanges"));
    assertEquals(original.path("HyperParameterTuningJobObjective"), rebuilt.path("HyperParameterTuningJobObjective"));
    assertEquals(original.path("ResourceLimits"), rebuilt.path("ResourceLimits"));
  }

  @Test
  void warmStartCopiesCarryTheSdkShapedConfig() {
    HyperparameterTuner child = tuner.identicalDatasetAndAlgorithmTuner("older-job");
    JsonNode ws = child.createRequest("sdk-child", Course.INPUTS).path("WarmStartConfig");
    assertEquals("IdenticalDataAndAlgorithm", ws.path("WarmStartType").asText());
    assertEquals("sdk-run", ws.path("ParentHyperParameterTuningJobs").get(0).path("HyperParameterTuningJobName").asText());
    assertEquals("older-job", ws.path("ParentHyperParameterTuningJobs").get(1).path("HyperParameterTuningJobName").asText());
    assertEquals(tuner.createRequest("a", Course.INPUTS).path("HyperParameterTuningJobConfig"),
        child.createRequest("a", Course.INPUTS).path("HyperParameterTuningJobConfig"));
    assertEquals(null, child.latestTuningJob());
    assertEquals(null, tuner.warmStartConfig(), "the original is unchanged");
    HyperparameterTuner transfer = tuner.transferLearningTuner();
    assertEquals(new WarmStartConfig(WarmStartType.TRANSFER_LEARNING, List.of("sdk-run")), transfer.warmStartConfig());
  }

  @Test
  void aWarmStartedFitReportsItsParentAndTheOverallBest() {
    HyperparameterTuner child = tuner.identicalDatasetAndAlgorithmTuner().maxJobs(2);
    child.fit(Course.INPUTS, "sdk-warm");
    JsonNode d = child.describe();
    assertEquals("sdk-run", d.path("WarmStartConfig").path("ParentHyperParameterTuningJobs")
        .get(0).path("HyperParameterTuningJobName").asText());
    double parentBest = tuner.describe().path("BestTrainingJob").path("FinalHyperParameterTuningJobObjectiveMetric")
        .path("Value").asDouble();
    double overall = d.path("OverallBestTrainingJob").path("FinalHyperParameterTuningJobObjectiveMetric")
        .path("Value").asDouble();
    assertTrue(overall <= parentBest, overall + " vs parent " + parentBest);
  }

  @Test
  void stopFromAnotherThreadEndsAWaitingFitStopped() throws Exception {
    // MaxRuntimeInSeconds is only a safety net should stop() not work
    HyperparameterTuner long_ = Course.tuner(home).maxJobs(500).maxParallelJobs(1).randomSeed(3).maxRuntimeInSeconds(120);
    AtomicReference<Throwable> stopper = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        while (!twoJobsRan(long_)) {
          Thread.sleep(20);
        }
      } catch (Throwable e) {
        stopper.set(e);
      } finally {
        long_.stop();
      }
    });
    t.start();
    long_.fit(Course.INPUTS, "sdk-stop");
    t.join(30_000);
    assertEquals(null, stopper.get());
    JsonNode d = long_.describe();
    assertEquals("Stopped", d.path("HyperParameterTuningJobStatus").asText());
    int ran = long_.analytics().rowCount();
    assertTrue(ran >= 2 && ran < 500, ran + " jobs");
  }

  private static boolean twoJobsRan(HyperparameterTuner t) {
    try {
      return t.latestTuningJob() != null && t.analytics().rowCount() >= 2;
    } catch (NoSuchJobException notYetRecorded) {
      return false;
    }
  }

  @Test
  void aBackgroundFitReturnsAtOnceAndCanBeStoppedAndWaitedFor() {
    HyperparameterTuner bg = Course.tuner(home).maxJobs(500).maxParallelJobs(1).randomSeed(5).maxRuntimeInSeconds(120);
    bg.fit(Course.INPUTS, "sdk-bg", false);
    try {
      assertEquals("sdk-bg", bg.latestTuningJob());
      JsonNode now = bg.describe();
      assertEquals("InProgress", now.path("HyperParameterTuningJobStatus").asText());
      assertThrows(IllegalStateException.class, () -> bg.fit(Course.INPUTS, "sdk-bg-2", false));
    } finally {
      bg.stop();
      bg.waitForCompletion();
    }
    assertEquals("Stopped", bg.describe().path("HyperParameterTuningJobStatus").asText());
    assertTrue(bg.analytics().rowCount() < 500);
  }

  @Test
  void aTuningJobWithoutAResultHasNoBestTrainingJobAsTheSdkRaises() {
    ObjectNode request = Course.tuner(home).maxJobs(3).createRequest("sdk-empty", Course.INPUTS);
    try (JobStore store = JobStore.openSqlite(home)) {
      TuningJobRunner runner = new TuningJobRunner(store, home);
      runner.create(runner.prepare(TuningJobSpecParser.parse(JsonSpecReader.parse(request.toString(), "test", n -> { }), home)));
    }
    HyperparameterTuner attached = HyperparameterTuner.attach("sdk-empty", home);
    IllegalStateException e = assertThrows(IllegalStateException.class, attached::bestTrainingJob);
    assertTrue(e.getMessage().contains("sdk-empty"), e.getMessage());
    assertEquals("InProgress", attached.describe().path("HyperParameterTuningJobStatus").asText());
    attached.stop();
    assertEquals("Stopping", attached.describe().path("HyperParameterTuningJobStatus").asText());
  }
}
