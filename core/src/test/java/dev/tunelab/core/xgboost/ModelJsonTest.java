package dev.tunelab.core.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunelab.core.train.TrainingListener;
import dev.tunelab.core.train.TrainingOutcome;
import dev.tunelab.core.train.TrainingRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelJsonTest {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A two-round gbtree model in XGBoost 3.4's layout, trees reduced to what the cutter reads. */
  static final String TWO_ROUNDS = "{\"learner\":{\"attributes\":{},\"gradient_booster\":{\"model\":{"
      + "\"gbtree_model_param\":{\"num_parallel_tree\":\"1\",\"num_trees\":\"2\"},\"iteration_indptr\":[0,1,2],"
      + "\"tree_info\":[0,0],\"trees\":[{\"id\":0,\"base_weights\":[1E0,2.5E-1]},{\"id\":1,\"base_weights\":[3E0]}],"
      + "\"weight_drop\":[1E0,5E-1]},\"name\":\"gbtree\"},"
      + "\"learner_model_param\":{\"base_score\":\"[2.2820265E1]\",\"num_class\":\"0\"}},\"version\":[3,4,0]}";

  @Test
  void baseScoreVectorsOfOneValueBecomeScalars() {
    assertEquals("2.2820265E1", ModelJson.scalarBaseScore("[2.2820265E1]"));
    assertEquals("5E-1", ModelJson.scalarBaseScore("[5E-1,5E-1,5E-1]"));
    assertEquals("[1E0,2E0]", ModelJson.scalarBaseScore("[1E0,2E0]"));
    assertEquals("0.5", ModelJson.scalarBaseScore("0.5"));
  }

  @Test
  void keepsTheFirstRoundsWithExactNumbersAndDartInTheOldLayout() throws Exception {
    byte[] out = ModelJson.prepare(TWO_ROUNDS.getBytes(StandardCharsets.UTF_8), 1, Map.of("best_iteration", "0"));
    String text = new String(out, StandardCharsets.UTF_8);
    JsonNode learner = JSON.readTree(out).get("learner");
    JsonNode booster = learner.get("gradient_booster");
    assertEquals("dart", booster.get("name").asText());
    JsonNode model = booster.get("gbtree").get("model");
    assertEquals("1", model.get("gbtree_model_param").get("num_trees").asText());
    assertEquals(1, model.get("trees").size());
    assertEquals("[0,1]", model.get("iteration_indptr").toString());
    assertEquals(1, model.get("tree_info").size());
    assertEquals(1, booster.get("weight_drop").size());
    assertFalse(model.has("weight_drop"));
    assertEquals("2.2820265E1", learner.get("learner_model_param").get("base_score").asText());
    assertEquals("0", learner.get("attributes").get("best_iteration").asText());
    assertTrue(text.contains("\"base_weights\":[1.0,0.25]"), "floats keep a decimal point: " + text);
    assertTrue(text.contains("\"weight_drop\":[1.0]"), text);
  }

  @Test
  void refusesToKeepMoreRoundsThanTheModelHas() {
    assertThrows(IllegalArgumentException.class,
        () -> ModelJson.prepare(TWO_ROUNDS.getBytes(StandardCharsets.UTF_8), 3, Map.of()));
  }

  @Test
  void savedModelHasBestRoundsScalarBaseScoreAndBestIteration(@TempDir Path dir) throws Exception {
    Boston b = Boston.split(42);
    TrainingOutcome out = new XGBoostTrainer().train(new TrainingRequest("j", XGBoostTrainerTest.course(),
        Map.of("train", b.train, "validation", b.validation), Map.of(), dir, Duration.ofHours(1), 1, null),
        TrainingListener.NONE);
    JsonNode learner = JSON.readTree(Files.readAllBytes(out.modelArtifact())).get("learner");
    JsonNode model = learner.get("gradient_booster").get("model");
    assertEquals(out.bestIteration() + 1, model.get("trees").size());
    assertEquals(Integer.toString(out.bestIteration() + 1), model.get("gbtree_model_param").get("num_trees").asText());
    assertFalse(learner.get("learner_model_param").get("base_score").asText().startsWith("["));
    assertEquals(Integer.toString(out.bestIteration()), learner.get("attributes").get("best_iteration").asText());
  }
}
