package dev.tunelab.core.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TuningJobCompletionCriteria end a tuning job early as Completed, with the reason in
 * TuningJobCompletionDetails. Grid with one job at a time, so job k has x = k and the objective
 * sequence is chosen by the test.
 */
class CompletionCriteriaTest extends FakeTuningTest {

  /** The fake trains 4 rounds of 1 s and ends at objective {@code finals[x - 1]}. */
  void objectives(double... finals) {
    runner(hps -> {
      double v = finals[x(hps) - 1];
      return FakeTrainer.Plan.train(4, r -> v + (3 - r));
    });
  }

  static ObjectNode criteria(ObjectNode spec) {
    return config(spec).putObject("TuningJobCompletionCriteria");
  }

  @Test
  void targetObjectiveMetricValueEndsTheJobOnceTheBestReachesIt() {
    objectives(9, 8, 7, 6.5, 6, 5, 4, 3, 2, 1);
    ObjectNode spec = spec("target", "Grid", 10, 1);
    criteria(spec).put("TargetObjectiveMetricValue", 6.5);
    TuningJobRecord rec = run(spec);
    assertEquals(TuningJobStatus.Completed, rec.status());
    List<TrainingJobRecord> jobs = jobs("target");
    assertEquals(4, jobs.size(), "x = 4 reaches 6.5 (the target itself counts)");
    assertEquals(jobs.get(3).name(), rec.bestTrainingJob());
    assertEquals("TargetObjectiveMetricValue 6.5 reached by " + jobs.get(3).name() + " (6.5)",
        completionDetails("target").get("CompletionReason").asText());
  }

  @Test
  void targetObjectiveMetricValueOfAMaximizedObjectiveIsReachedFromBelow() {
    objectives(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    ObjectNode spec = spec("target-max", "Grid", 10, 1);
    ((ObjectNode) config(spec).get("HyperParameterTuningJobObjective")).put("Type", "Maximize");
    criteria(spec).put("TargetObjectiveMetricValue", 2.5);
    TuningJobRecord rec = run(spec);
    assertEquals(3, jobs("target-max").size());
    assertEquals(jobs("target-max").get(2).name(), rec.bestTrainingJob());
    assertTrue(completionDetails("target-max").get("CompletionReason").asText().startsWith("TargetObjectiveMetricValue 2.5"));
  }

  @Test
  void bestObjectiveNotImprovingCountsJobsThatImproveByOnePercentOrLess() {
    // x=3 is a new best but only 0.2% better: it does not count as an improvement
    objectives(10, 5, 4.99, 6, 5.5, 1, 1, 1, 1, 1);
    ObjectNode spec = spec("plateau", "Grid", 10, 1);
    criteria(spec).putObject("BestObjectiveNotImproving").put("MaxNumberOfTrainingJobsNotImproving", 3);
    TuningJobRecord rec = run(spec);
    assertEquals(TuningJobStatus.Completed, rec.status());
    List<TrainingJobRecord> jobs = jobs("plateau");
    assertEquals(5, jobs.size());
    assertEquals(jobs.get(2).name(), rec.bestTrainingJob(), "the best is the best, however small the gain");
    JsonNode details = completionDetails("plateau");
    assertEquals(3, details.get("NumberOfTrainingJobsObjectiveNotImproving").asInt());
    assertEquals("BestObjectiveNotImproving: 3 training jobs in a row did not improve the best objective by more than 1%",
        details.get("CompletionReason").asText());
  }

  @Test
  void aFailedJobDoesNotImprove() {
    runner(hps -> x(hps) == 3 ? FakeTrainer.Plan.fail() : FakeTrainer.Plan.train(2, r -> x(hps) == 1 ? 5 : 9));
    ObjectNode spec = spec("plateau-fail", "Grid", 10, 1);
    criteria(spec).putObject("BestObjectiveNotImproving").put("MaxNumberOfTrainingJobsNotImproving", 3);
    run(spec);
    assertEquals(4, jobs("plateau-fail").size(), "x=2 worse, x=3 failed, x=4 worse");
  }

  @Test
  void convergenceDetectedEndsTheJobWhenTheLaterHalfBarelyImproves() {
    // the best of the first 5 is 5.0; the best of all 10 is 4.96, within 1%
    objectives(10, 8, 6, 5, 5.5, 5.2, 4.96, 5.3, 5.05, 5.2, 1, 1);
    ObjectNode spec = spec("converge", "Grid", 12, 1);
    criteria(spec).putObject("ConvergenceDetected").put("CompleteOnConvergence", "Enabled");
    TuningJobRecord rec = run(spec);
    assertEquals(TuningJobStatus.Completed, rec.status());
    assertEquals(CompletionRules.CONVERGENCE_MIN_JOBS, jobs("converge").size());
    JsonNode details = completionDetails("converge");
    assertEquals("ConvergenceDetected: the best objective improved by less than 1% over the last 5 of 10 training jobs",
        details.get("CompletionReason").asText());
    assertEquals(T0.plusSeconds(10 * 4).toString(), details.get("ConvergenceDetectedTime").asText(),
        "detected when the 10th job of 4 rounds of 1 s ended, on the test clock");
    assertEquals(T0.plusSeconds(10 * 4), rec.endTime());
  }

  @Test
  void convergenceIsReportedButDoesNotEndTheJobUnlessEnabled() {
    objectives(10, 8, 6, 5, 5.5, 5.2, 4.96, 5.3, 5.05, 5.2, 1, 1);
    TuningJobRecord rec = run(spec("no-converge", "Grid", 12, 1));
    assertEquals(12, jobs("no-converge").size());
    JsonNode details = completionDetails("no-converge");
    assertEquals("MaxNumberOfTrainingJobs (12) reached", details.get("CompletionReason").asText());
    assertEquals(Instant.parse("2026-01-01T00:00:40Z").toString(), details.get("ConvergenceDetectedTime").asText());
    assertEquals(TuningJobStatus.Completed, rec.status());
  }

  @Test
  void convergenceNeedsTenJobsWithAnObjective() {
    objectives(5, 5, 5, 5, 5, 5, 5, 5, 5);
    ObjectNode spec = spec("short", "Grid", 9, 1);
    criteria(spec).putObject("ConvergenceDetected").put("CompleteOnConvergence", "Enabled");
    run(spec);
    assertEquals(9, jobs("short").size());
    assertFalse(completionDetails("short").has("ConvergenceDetectedTime"));
  }
}
