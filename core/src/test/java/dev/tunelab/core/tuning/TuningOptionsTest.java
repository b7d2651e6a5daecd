package dev.tunelab.core.tuning;

import dev.tunelab.core.json.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.api.DescribeTuningJob;
import dev.tunelab.core.spec.JsonSpecReader;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.spec.TuningJobSpecParser;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SageMaker's tuning options on the course's spec with real XGBoost training: completion
 * criteria, early stopping Auto, Hyperband and warm start.
 */
@Tag("slow")
class TuningOptionsTest {

  @TempDir Path home;
  JobStore store;
  TuningJobRunner runner;

  @BeforeEach
  void open() {
    store = JobStore.openSqlite(home);
    runner = new TuningJobRunner(store, home);
  }

  @AfterEach
  void close() throws Exception {
    store.close();
  }

  static ObjectNode courseSpec(String name, int jobs, int parallel, long seed) throws IOException {
    ObjectNode s = (ObjectNode) Json.mapper().readTree(examples().resolve("boston-xgboost-hpo.json").toFile());
    s.put("HyperParameterTuningJobName", name);
    ObjectNode cfg = (ObjectNode) s.get("HyperParameterTuningJobConfig");
    ((ObjectNode) cfg.get("ResourceLimits")).put("MaxNumberOfTrainingJobs", jobs).put("MaxParallelTrainingJobs", parallel);
    cfg.put("RandomSeed", seed);
    return s;
  }

  static Path examples() {
    Path p = Path.of("").toAbsolutePath();
    return (p.getFileName().toString().equals("core") ? p.getParent() : p).resolve("examples");
  }

  static ObjectNode config(ObjectNode spec) {
    return (ObjectNode) spec.get("HyperParameterTuningJobConfig");
  }

  TuningJobRecord run(ObjectNode spec) {
    TuningJobSpec parsed = TuningJobSpecParser.parse(JsonSpecReader.parse(spec.toString(), "test", n -> { }), examples());
    return runner.run(runner.prepare(parsed), TuningObserver.NONE, new AtomicBoolean());
  }

  JsonNode describe(String name) {
    return DescribeTuningJob.of(store, name);
  }

  @Test
  void targetObjectiveEndsTheJobEarlyAsCompleted() throws IOException {
    ObjectNode spec = courseSpec("target", 20, 1, 3);
    config(spec).putObject("TuningJobCompletionCriteria").put("TargetObjectiveMetricValue", 100.0);
    TuningJobRecord rec = run(spec);
    assertEquals(TuningJobStatus.Completed, rec.status());
    assertEquals(1, store.trainingJobsOf("target").size(), "the first job already reaches RMSE 100");
    JsonNode details = DescribeTuningJob.storedCompletionDetails(store, "target").orElseThrow();
    assertTrue(details.get("CompletionReason").asText().startsWith("TargetObjectiveMetricValue"), details::toString);
  }

  @Test
  void bestObjectiveNotImprovingEndsTheJob() throws IOException {
    ObjectNode spec = courseSpec("plateau", 40, 1, 5);
    config(spec).putObject("TuningJobCompletionCriteria").putObject("BestObjectiveNotImproving")
        .put("MaxNumberOfTrainingJobsNotImproving", 3);
    TuningJobRecord rec = run(spec);
    assertEquals(TuningJobStatus.Completed, rec.status());
    List<TrainingJobRecord> jobs = store.trainingJobsOf("plateau");
    assertTrue(jobs.size() < 40, "ended before the budget: " + jobs.size());
    // the last 3 jobs did not improve the best of the jobs before them by more than 1%
    double bestBefore = jobs.subList(0, jobs.size() - 3).stream().mapToDouble(TrainingJobRecord::objectiveValue).min().orElseThrow();
    jobs.subList(jobs.size() - 3, jobs.size()).forEach(j -> assertTrue(j.objectiveValue() > bestBefore * 0.99));
    JsonNode details = DescribeTuningJob.storedCompletionDetails(store, "plateau").orElseThrow();
    assertEquals(3, details.get("NumberOfTrainingJobsObjectiveNotImproving").asInt());
    assertTrue(details.get("CompletionReason").asText().startsWith("BestObjectiveNotImproving"));
  }

  @Test
  void convergenceDetectedEndsTheJobWhenTheBestStopsMoving() throws IOException {
    ObjectNode spec = courseSpec("converge", 40, 1, 7);
    config(spec).putObject("TuningJobCompletionCriteria").putObject("ConvergenceDetected")
        .put("CompleteOnConvergence", "Enabled");
    TuningJobRecord rec = run(spec);
    assertEquals(TuningJobStatus.Completed, rec.status());
    List<TrainingJobRecord> jobs = store.trainingJobsOf("converge");
    assertTrue(jobs.size() >= CompletionRules.CONVERGENCE_MIN_JOBS && jobs.size() < 40, "jobs: " + jobs.size());
    // TuneLab's rule: the best of all jobs is within 1% of the best of the first half
    double all = jobs.stream().mapToDouble(TrainingJobRecord::objectiveValue).min().orElseThrow();
    double firstHalf = jobs.subList(0, jobs.size() / 2).stream().mapToDouble(TrainingJobRecord::objectiveValue).min().orElseThrow();
    assertTrue(firstHalf - all <= 0.01 * firstHalf, firstHalf + " vs " + all);
    JsonNode details = DescribeTuningJob.storedCompletionDetails(store, "converge").orElseThrow();
    assertTrue(details.get("CompletionReason").asText().startsWith("ConvergenceDetected"), details::toString);
    assertNotNull(details.get("ConvergenceDetectedTime"));
  }

  @Test
  void earlyStoppingAutoStopsSomeJobsAndTrainsFewerRounds() throws IOException {
    TuningJobRecord off = run(courseSpec("es-off", 20, 1, 11));
    ObjectNode auto = courseSpec("es-auto", 20, 1, 11);
    config(auto).put("TrainingJobEarlyStoppingType", "Auto");
    TuningJobRecord on = run(auto);
    assertEquals(TuningJobStatus.Completed, off.status());
    assertEquals(TuningJobStatus.Completed, on.status());
    long stopped = store.trainingJobsOf("es-auto").stream().filter(j -> j.status() == TrainingJobStatus.Stopped).count();
    assertTrue(stopped > 0, "some training jobs end Stopped");
    JsonNode d = describe("es-auto");
    assertEquals(stopped, d.get("TrainingJobStatusCounters").get("Stopped").asLong());
    assertTrue(rounds("es-auto") < rounds("es-off"), rounds("es-auto") + " vs " + rounds("es-off"));
  }

  @Test
  void hyperbandTrainsFewerRoundsThanBayesian() throws IOException {
    TuningJobRecord bayes = run(courseSpec("bo", 20, 2, 13));
    ObjectNode hb = courseSpec("hb", 20, 2, 13);
    config(hb).put("Strategy", "Hyperband");
    config(hb).putObject("StrategyConfig").putObject("HyperbandStrategyConfig").put("MinResource", 1).put("MaxResource", 200);
    TuningJobRecord rec = run(hb);
    assertEquals(TuningJobStatus.Completed, bayes.status());
    assertEquals(TuningJobStatus.Completed, rec.status());
    assertEquals(20, store.trainingJobsOf("hb").size());
    assertTrue(rounds("hb") < rounds("bo"), rounds("hb") + " vs " + rounds("bo"));
    assertNotNull(rec.bestTrainingJob());
  }

  @Test
  void warmStartChildReportsOverallBestAndIncompatibleChildrenAreRefused() throws IOException {
    run(courseSpec("parent", 20, 3, 17));
    double parentBest = store.trainingJob(store.tuningJob("parent").orElseThrow().bestTrainingJob()).orElseThrow().objectiveValue();
    ObjectNode child = courseSpec("child", 10, 1, 19);
    child.putObject("WarmStartConfig").put("WarmStartType", "IdenticalDataAndAlgorithm")
        .putArray("ParentHyperParameterTuningJobs").addObject().put("HyperParameterTuningJobName", "parent");
    TuningJobRecord rec = run(child);
    assertEquals(TuningJobStatus.Completed, rec.status());
    JsonNode d = describe("child");
    double overall = d.get("OverallBestTrainingJob").get("FinalHyperParameterTuningJobObjectiveMetric").get("Value").asDouble();
    assertTrue(overall <= parentBest, "overall best includes the parent's best");

    assertRefused(child, "child-metric", c -> ((ObjectNode) config(c).get("HyperParameterTuningJobObjective"))
        .put("MetricName", "validation:mae"), "objective");
    assertRefused(child, "child-type", c -> {
      ObjectNode ranges = (ObjectNode) config(c).get("ParameterRanges");
      ranges.withArray("IntegerParameterRanges").remove(0); // max_depth integer...
      ranges.withArray("ContinuousParameterRanges").addObject().put("Name", "max_depth").put("MinValue", "3").put("MaxValue", "12");
    }, "type");
    assertRefused(child, "child-data", c -> ((ObjectNode) c.get("TrainingJobDefinition").get("InputDataConfig").get(0)
        .get("DataSource").get("S3DataSource")).put("S3Uri", "dataset:boston/train?seed=9"), "same input data");
    assertRefused(child, "child-set", c -> ((ObjectNode) c.get("TrainingJobDefinition").get("StaticHyperParameters"))
        .put("alpha", "1"), "set of hyperparameters");
    assertRefused(child, "child-missing", c -> ((ObjectNode) c.get("WarmStartConfig").get("ParentHyperParameterTuningJobs").get(0))
        .put("HyperParameterTuningJobName", "nope"), "existing tuning job");
  }

  private void assertRefused(ObjectNode base, String name, Consumer<ObjectNode> change, String rule) {
    ObjectNode c = base.deepCopy();
    c.put("HyperParameterTuningJobName", name);
    change.accept(c);
    SpecException e = assertThrows(SpecException.class, () -> run(c));
    assertTrue(e.getMessage().contains(rule), e::getMessage);
    assertTrue(store.tuningJob(name).isEmpty(), "nothing recorded for a refused child");
  }

  private long rounds(String tuningJob) {
    return store.trainingJobsOf(tuningJob).stream().mapToLong(TrainingJobRecord::roundsTrained).sum();
  }
}
