package dev.tunelab.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.json.Json;
import dev.tunelab.optimizer.space.ParameterRange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Spec errors that teach: a misspelt field or hyperparameter name gets the closest correct one,
 * a request body of the other kind is named with the command that runs it, and no message speaks
 * of {@code _tuning_objective_metric} unless the user wrote it.
 */
class TeachingSpecErrorsTest {

  private static final Path BASE = TuningJobSpecParserTest.COURSE_SPEC.getParent();
  private static final Path TRAIN_SPEC = BASE.resolve("boston-xgboost-train.json");

  private static TuningJobSpec tuning(ObjectNode s) {
    return TuningJobSpecParser.parse(JsonSpecReader.parse(s.toString(), "spec.json", n -> { }), BASE);
  }

  private static TrainingJobSpec training(ObjectNode s, String source) {
    return TrainingJobSpecParser.parse(JsonSpecReader.parse(s.toString(), source, n -> { }), BASE);
  }

  private static ObjectNode trainExample() throws IOException {
    return (ObjectNode) Json.mapper().readTree(TRAIN_SPEC.toFile());
  }

  @Test
  void distanceCountsASwapAsOneEdit() {
    assertEquals(1, Suggestions.distance("learning_rat", "learning_rate"));
    assertEquals(1, Suggestions.distance("Stratgey", "Strategy"));
    assertEquals(3, Suggestions.distance("kitten", "sitting"));
    assertEquals(Optional.of("Strategy"), Suggestions.closest("strategy", List.of("Strategy", "RandomSeed")));
    assertEquals(Optional.empty(), Suggestions.closest("colour", List.of("Strategy", "RandomSeed")));
    assertEquals(Optional.empty(), Suggestions.closest("Strategy", List.of("Strategy")));
  }

  @Test
  void aMisspeltRangeNameGetsTheClosestHyperparameterAtItsPath() {
    ObjectNode s = TuningJobSpecParserTest.example();
    TuningJobSpecParserTest.range(s, TuningJobSpecParserTest.CONT, 0).put("Name", "learning_rat");
    SpecException e = assertThrows(SpecException.class, () -> tuning(s));
    assertTrue(e.getMessage().startsWith("HyperParameterTuningJobConfig.ParameterRanges.ContinuousParameterRanges[0].Name:"
        + " unknown hyperparameter 'learning_rat'; did you mean 'learning_rate'?"), e.getMessage());
  }

  @Test
  void aMisspeltStaticOrTrainingHyperparameterGetsTheClosestName() throws IOException {
    ObjectNode s = TuningJobSpecParserTest.example();
    TuningJobSpecParserTest.statics(s).remove("num_round");
    TuningJobSpecParserTest.statics(s).put("num_rounds", "10");
    SpecException e = assertThrows(SpecException.class, () -> tuning(s));
    assertTrue(e.getMessage().startsWith("TrainingJobDefinition.StaticHyperParameters.num_rounds: unknown hyperparameter"
        + " 'num_rounds'; did you mean 'num_round'?"), e.getMessage());

    ObjectNode t = trainExample();
    ((ObjectNode) t.get("HyperParameters")).put("subsampel", "0.5");
    SpecException te = assertThrows(SpecException.class, () -> training(t, "t.json"));
    assertTrue(te.getMessage().startsWith("HyperParameters.subsampel: unknown hyperparameter 'subsampel'; did you mean"
        + " 'subsample'?"), te.getMessage());
  }

  @Test
  void aNameFarFromEveryHyperparameterListsTheNamesAccepted() {
    ObjectNode s = TuningJobSpecParserTest.example();
    TuningJobSpecParserTest.statics(s).put("zzzzzzzzzz", "1");
    SpecException e = assertThrows(SpecException.class, () -> tuning(s));
    assertTrue(e.getMessage().contains("unknown hyperparameter 'zzzzzzzzzz'; expected one of the algorithm's"
        + " hyperparameters: ") && e.getMessage().contains("max_depth"), e.getMessage());
    assertFalse(e.getMessage().contains("_tuning_objective_metric"), e.getMessage());
  }

  @Test
  void aMisspeltFieldGetsTheClosestField() {
    ObjectNode s = TuningJobSpecParserTest.example();
    ObjectNode cfg = TuningJobSpecParserTest.cfg(s);
    cfg.set("Stratgey", cfg.remove("Strategy"));
    SpecException e = assertThrows(SpecException.class, () -> tuning(s));
    assertTrue(e.getMessage().startsWith("HyperParameterTuningJobConfig.Stratgey: unknown field; did you mean"
        + " 'Strategy'? (expected one of ["), e.getMessage());

    ObjectNode far = TuningJobSpecParserTest.example();
    TuningJobSpecParserTest.cfg(far).put("Colour", "blue");
    SpecException f = assertThrows(SpecException.class, () -> tuning(far));
    assertTrue(f.getMessage().startsWith("HyperParameterTuningJobConfig.Colour: unknown field; expected one of ["),
        f.getMessage());
  }

  @Test
  void aTrainingBodyGivenToTuneIsNamedWithTheCommandThatRunsIt() throws IOException {
    ObjectNode t = trainExample();
    SpecException e = assertThrows(SpecException.class, () -> TuningJobSpecParser.parse(
        JsonSpecReader.parse(t.toString(), "examples/boston-xgboost-train.json", n -> { }), BASE));
    assertTrue(e.getMessage().contains("this is a CreateTrainingJob request body")
        && e.getMessage().endsWith("run it with `tunelab train examples/boston-xgboost-train.json`"), e.getMessage());
  }

  @Test
  void aTuningBodyGivenToTrainIsNamedWithTheCommandThatRunsIt() {
    ObjectNode s = TuningJobSpecParserTest.example();
    SpecException e = assertThrows(SpecException.class, () -> training(s, "my spec.json"));
    assertTrue(e.getMessage().contains("this is a CreateHyperParameterTuningJob request body")
        && e.getMessage().endsWith("run it with `tunelab tune 'my spec.json'`"), e.getMessage());
  }

  @Test
  void theHyperparameterLimitSpeaksOfWhatTheUserWrote() {
    ObjectNode s = TuningJobSpecParserTest.example();
    // 5 ranges + 3 statics given; 92 more statics make 100, one over the 99 left by the added one
    for (int i = 0; i < 92; i++) {
      TuningJobSpecParserTest.statics(s).put("x" + i, "1");
    }
    SpecException e = assertThrows(SpecException.class, () -> tuning(s));
    assertTrue(e.getMessage().startsWith("TrainingJobDefinition.StaticHyperParameters: got '100 static and tunable"
        + " hyperparameters'; expected at most 99"), e.getMessage());
    assertFalse(e.getMessage().contains("_tuning_objective_metric"), e.getMessage());
  }

  @Test
  void hyperparametersAreShownInTheOrderTheSpecWritesThem() {
    ObjectNode s = TuningJobSpecParserTest.example();
    ObjectNode ranges = TuningJobSpecParserTest.ranges(s);
    ObjectNode reordered = Json.object();
    reordered.set("CategoricalParameterRanges", Json.mapper().createArrayNode().add(
        Json.object().put("Name", "grow_policy").set("Values", Json.mapper().createArrayNode().add("depthwise"))));
    reordered.set("ContinuousParameterRanges", ranges.get("ContinuousParameterRanges"));
    reordered.set("IntegerParameterRanges", ranges.get("IntegerParameterRanges"));
    TuningJobSpecParserTest.cfg(s).set("ParameterRanges", reordered);
    TuningJobSpec spec = tuning(s);
    assertEquals(List.of("grow_policy", "eta", "subsample", "gamma", "max_depth", "min_child_weight"),
        spec.rangeOrder());
    // the optimizer's order stays integer, continuous, categorical, whatever the request's
    assertEquals(List.of("max_depth", "min_child_weight", "eta", "subsample", "gamma", "grow_policy"),
        spec.space().ranges().stream().map(ParameterRange::name).toList());
    assertEquals(List.of("grow_policy", "eta", "max_depth"), List.copyOf(spec.inRangeOrder(
        java.util.Map.of("max_depth", "3", "eta", "0.1", "grow_policy", "depthwise")).keySet()));
    assertEquals(List.of("objective", "early_stopping_rounds", "num_round", "_tuning_objective_metric"),
        List.copyOf(spec.definition().hyperParameters().keySet()));
  }
}
