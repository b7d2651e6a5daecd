package dev.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a request body given to the wrong command is named, with the command that runs it,
 * and exit code 2; a misspelt hyperparameter gets a suggestion; and the block printed after
 * {@code tune} says "model: none written" for a bring-your-own job that wrote no model (it used
 * to print "model: null"), whose describe-training-job then has no ModelArtifacts.
 */
class TeachingErrorsCliTest {

  @TempDir Path dir;

  @Test
  void aTrainingBodyGivenToTuneAndATuningBodyGivenToTrainExitTwoNamingTheOtherCommand() {
    Path home = dir.resolve("home");
    Path train = CliTestSupport.repoRoot().resolve("examples/boston-xgboost-train.json");
    CliTestSupport.Run r = CliTestSupport.run(home, "tune", train.toString());
    assertEquals(2, r.exitCode(), r::all);
    assertTrue(r.err().contains("this is a CreateTrainingJob request body")
        && r.err().contains("run it with `tunelab train " + train + "`"), r::all);

    Path tune = CliTestSupport.repoRoot().resolve(TuneTestSupport.COURSE_SPEC);
    CliTestSupport.Run t = CliTestSupport.run(home, "train", tune.toString());
    assertEquals(2, t.exitCode(), t::all);
    assertTrue(t.err().contains("this is a CreateHyperParameterTuningJob request body")
        && t.err().contains("run it with `tunelab tune " + tune + "`"), t::all);
  }

  @Test
  void aMisspeltRangeNameExitsTwoWithASuggestion() {
    ObjectNode spec = TuneTestSupport.example(TuneTestSupport.COURSE_SPEC);
    ((ObjectNode) TuneTestSupport.config(spec).get("ParameterRanges").get("ContinuousParameterRanges").get(0))
        .put("Name", "learning_rat");
    Path file = TuneTestSupport.write(dir, "spec.json", spec);
    CliTestSupport.Run r = CliTestSupport.run(dir.resolve("home"), "tune", file.toString());
    assertEquals(2, r.exitCode(), r::all);
    assertTrue(r.err().contains("HyperParameterTuningJobConfig.ParameterRanges.ContinuousParameterRanges[0].Name:"
        + " unknown hyperparameter 'learning_rat'; did you mean 'learning_rate'?"), r::all);
  }

  @Test
  void theBestJobBlockSaysNoModelWasWritten() throws Exception {
    Path home = dir.resolve("home");
    ObjectNode spec = ByoTuningTest.spec(dir, ByoTuningTest.script("/byo/no-model.sh"), "no-model", "Random",
        ByoTuningTest.continuousX(0, 1), Map.of(), "loss=([0-9.]+)", 2);
    Path file = TuneTestSupport.write(dir, "spec.json", spec);
    CliTestSupport.Run r = TuneTestSupport.ok(home, "tune", file.toString());
    assertTrue(r.out().contains("  model: none written"), r::all);
    assertFalse(r.out().contains("null"), r::all);
    JsonNode describe = TuneTestSupport.json(TuneTestSupport.ok(home, "describe-hyper-parameter-tuning-job", "no-model").out());
    String best = describe.path("BestTrainingJob").path("TrainingJobName").asText();
    JsonNode job = TuneTestSupport.json(TuneTestSupport.ok(home, "describe-training-job", best).out());
    assertFalse(job.has("ModelArtifacts"), job::toString);
  }
}
