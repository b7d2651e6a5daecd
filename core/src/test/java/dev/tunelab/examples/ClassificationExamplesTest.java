package dev.tunelab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.spec.JsonSpecReader;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.spec.TuningJobSpecParser;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import dev.tunelab.core.transform.BatchTransform;
import dev.tunelab.core.tuning.TuningJobRunner;
import dev.tunelab.core.tuning.TuningObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the two classification examples ({@code examples/breast-cancer-xgboost-f1-hpo.json} on
 * validation:f1, {@code examples/wine-xgboost-mlogloss-hpo.json} on validation:mlogloss) as
 * {@code tunelab tune} does, then scores the best model on the held-out test split.
 */
@Tag("slow")
class ClassificationExamplesTest {

  private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  @TempDir Path home;

  private TrainingJobRecord tuneAndGetBest(String file, double plausible, boolean maximize) {
    TuningJobSpec spec = TuningJobSpecParser.parse(EXAMPLES.resolve(file), n -> { });
    try (JobStore store = JobStore.openSqlite(home)) {
      TuningJobRunner runner = new TuningJobRunner(store, home);
      TuningJobRecord job = runner.run(runner.prepare(spec), TuningObserver.NONE, new AtomicBoolean());
      assertEquals(TuningJobStatus.Completed, job.status());
      assertEquals(20, store.trainingJobsOf(spec.name()).size());
      TrainingJobRecord best = store.trainingJob(job.bestTrainingJob()).orElseThrow();
      double v = best.objectiveValue();
      assertTrue(maximize ? v > plausible : v < plausible, file + ": best " + v);
      for (TrainingJobRecord j : store.trainingJobsOf(spec.name())) {
        assertFalse(maximize ? j.objectiveValue() > v : j.objectiveValue() < v, "the best is the best: " + j.name());
      }
      return best;
    }
  }

  @Test
  void breastCancerTunedOnValidationF1ScoresWellOnTheTestSplit() {
    TrainingJobRecord best = tuneAndGetBest("breast-cancer-xgboost-f1-hpo.json", 0.9, true);
    Path data = EXAMPLES.resolve("data/breast-cancer");
    BatchTransform.Result r = BatchTransform.run(Path.of(best.modelArtifact()), data.resolve("test-features.csv"),
        home.resolve("bc.out"), data.resolve("test-labels.csv"));
    assertEquals("binary:logistic", r.objective());
    assertTrue(r.metric("auc") > 0.95 && r.metric("accuracy") > 0.9 && r.metric("f1_binary") > 0.85,
        r.metrics().toString());
  }

  @Test
  void wineTunedOnValidationMloglossScoresWellOnTheTestSplit() throws Exception {
    TrainingJobRecord best = tuneAndGetBest("wine-xgboost-mlogloss-hpo.json", 0.5, false);
    Path data = EXAMPLES.resolve("data/wine");
    Path out = home.resolve("wine.out");
    BatchTransform.Result r = BatchTransform.run(Path.of(best.modelArtifact()), data.resolve("test-features.csv"),
        out, data.resolve("test-labels.csv"));
    assertEquals("multi:softprob", r.objective());
    assertTrue(Files.readAllLines(out).stream().allMatch(l -> l.split(",").length == 3), "class probabilities");
    assertTrue(r.metric("accuracy") > 0.85 && r.metric("f1_macro") > 0.85 && r.metric("mlogloss") < 0.5,
        r.metrics().toString());
  }

  @Test
  void aMetricThatDoesNotFitTheObjectiveIsRefusedBeforeAnythingIsRecorded() {
    Path example = EXAMPLES.resolve("breast-cancer-xgboost-f1-hpo.json");
    // the objective fixed: the parser refuses the tuning job's MetricName
    ObjectNode json = JsonSpecReader.read(example, n -> { }).copy();
    ObjectNode statics = (ObjectNode) json.path("TrainingJobDefinition").path("StaticHyperParameters");
    statics.put("objective", "reg:squarederror").remove("eval_metric");
    SpecException e = assertThrows(SpecException.class, () -> TuningJobSpecParser.parse(
        JsonSpecReader.parse(json.toString(), "spec", n -> { }), example.getParent()));
    assertEquals("HyperParameterTuningJobConfig.HyperParameterTuningJobObjective.MetricName", e.field());
    assertTrue(e.getMessage().contains("'validation:f1'")
        && e.getMessage().contains("StaticHyperParameters.objective=reg:squarederror"), e.getMessage());

    // the objective tuned: the range's values are checked before the tuning job is recorded
    statics.remove("objective");
    ObjectNode ranges = (ObjectNode) json.path("HyperParameterTuningJobConfig").path("ParameterRanges");
    ranges.putArray("CategoricalParameterRanges").addObject().put("Name", "objective")
        .putArray("Values").add("binary:logistic").add("reg:squarederror");
    TuningJobSpec spec = TuningJobSpecParser.parse(JsonSpecReader.parse(json.toString(), "spec", n -> { }),
        example.getParent());
    try (JobStore store = JobStore.openSqlite(home)) {
      TuningJobRunner runner = new TuningJobRunner(store, home);
      SpecException tuned = assertThrows(SpecException.class, () -> runner.prepare(spec));
      assertTrue(tuned.getMessage().contains("HyperParameterTuningJobObjective.MetricName")
          && !tuned.getMessage().contains("_tuning_objective_metric")
          && tuned.getMessage().contains("validation:f1")
          && tuned.getMessage().contains("HyperParameters.objective=reg:squarederror"), tuned.getMessage());
      assertTrue(store.tuningJob(spec.name()).isEmpty(), "nothing recorded");
    }
  }
}
