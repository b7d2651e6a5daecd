package dev.tunelab.core.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Early stopping Auto (median rule) and Hyperband, judged round by round, with a fake trainer. */
class EarlyStoppingTest extends FakeTuningTest {

  /** num_round rounds of a curve falling towards 1, or towards 5 for x = 7 (a bad configuration). */
  static FakeTrainer.Plan oneBadCurve(Map<String, String> hps) {
    double base = x(hps) == 7 ? 5 : 1;
    return FakeTrainer.Plan.train(Integer.parseInt(hps.get("num_round")), r -> base + 1.0 / (r + 1));
  }

  @Test
  void autoStopsTheCurveWorseThanTheMedianAfterTheGraceRounds() {
    runner(EarlyStoppingTest::oneBadCurve);
    ObjectNode spec = spec("auto", "Grid", 8, 1);
    config(spec).put("TrainingJobEarlyStoppingType", "Auto");
    TuningJobRecord rec = run(spec);
    assertEquals(TuningJobStatus.Completed, rec.status());
    for (TrainingJobRecord j : jobs("auto")) {
      if (x(j) == 7) {
        assertEquals(TrainingJobStatus.Stopped, j.status());
        assertEquals(10, j.roundsTrained(), "grace: max(10, 10% of num_round 20) rounds");
        assertEquals(5.1, j.objectiveValue(), 1e-12, "a stopped job keeps its last objective");
      } else {
        assertEquals(TrainingJobStatus.Completed, j.status(), j.name());
        assertEquals(20, j.roundsTrained());
      }
    }
  }

  @Test
  void offLetsEveryCurveRunToTheEnd() {
    runner(EarlyStoppingTest::oneBadCurve);
    run(spec("off", "Grid", 8, 1));
    jobs("off").forEach(j -> {
      assertEquals(TrainingJobStatus.Completed, j.status(), j.name());
      assertEquals(20, j.roundsTrained());
    });
  }

  static ObjectNode hyperband(ObjectNode spec, int min, int max) {
    config(spec).put("Strategy", "Hyperband");
    config(spec).putObject("StrategyConfig").putObject("HyperbandStrategyConfig").put("MinResource", min)
        .put("MaxResource", max);
    return spec;
  }

  @Test
  void hyperbandStopsJobsAtTheRungsAndAtMaxResource() {
    // the fake reads num_round (20) itself: Hyperband stops it at MaxResource 9, or at rung 1 or 3
    runner(hps -> {
      int x = x(hps);
      return FakeTrainer.Plan.train(Integer.parseInt(hps.get("num_round")), r -> Math.abs(x - 20) + 1.0 / (r + 1));
    });
    TuningJobRecord rec = run(hyperband(spec("hb", "Random", 12, 1), 1, 9));
    assertEquals(TuningJobStatus.Completed, rec.status());
    List<TrainingJobRecord> jobs = jobs("hb");
    assertEquals(12, jobs.size());
    trainer.trained().forEach(h -> assertEquals("20", h.get("num_round"), "num_round is left to the job"));
    jobs.forEach(j -> {
      assertEquals(TrainingJobStatus.Stopped, j.status(), j.name());
      assertTrue(Set.of(1, 3, 9).contains(j.roundsTrained()), j.name() + " stopped after " + j.roundsTrained());
    });
    assertTrue(jobs.stream().anyMatch(j -> j.roundsTrained() == 9), "the best reach MaxResource");
    assertTrue(jobs.stream().anyMatch(j -> j.roundsTrained() < 9), "the others are stopped at a rung");
  }

  @Test
  void hyperbandGivesBuiltInXgboostNumRoundMaxResource() throws IOException {
    runner("validation:rmse", hps -> {
      int depth = Integer.parseInt(hps.get("max_depth"));
      return FakeTrainer.Plan.train(Integer.parseInt(hps.get("num_round")), r -> depth + 1.0 / (r + 1));
    });
    ObjectNode spec = hyperband(courseSpec("hb-xgb", 9, 1), 1, 27);
    TuningJobRecord rec = runner.run(runner.prepare(parse(spec, examples())), TuningObserver.NONE, new AtomicBoolean());
    assertEquals(TuningJobStatus.Completed, rec.status());
    assertEquals(9, trainer.trained().size());
    trainer.trained().forEach(h -> assertEquals("27", h.get("num_round"), "num_round = MaxResource, not the static 200"));
    List<TrainingJobRecord> jobs = jobs("hb-xgb");
    assertTrue(jobs.stream().anyMatch(j -> j.roundsTrained() == 27 && j.status() == TrainingJobStatus.Completed),
        "a job that survives the rungs trains num_round rounds and completes");
    assertTrue(jobs.stream().anyMatch(j -> j.roundsTrained() < 27 && j.status() == TrainingJobStatus.Stopped),
        "the others are stopped at a rung");
  }
}
