package dev.tunelab.core.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.store.JobStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One training job through {@link Estimator#fit}, and attach. */
class EstimatorTest {

  @TempDir Path home;

  @Test
  void fitRunsOneTrainingJobAndAttachRebuildsIt() throws Exception {
    List<String> log = new ArrayList<>();
    Estimator xgb = Course.estimator(home).maxRuntime(Duration.ofMinutes(10)).logs(log::add);
    xgb.fit(Course.INPUTS, "boston-base");
    assertEquals("boston-base", xgb.latestTrainingJob());
    JsonNode d = xgb.describe();
    assertEquals("Completed", d.path("TrainingJobStatus").asText());
    assertEquals("0.2", d.path("HyperParameters").path("eta").asText());
    assertEquals("4", d.path("HyperParameters").path("gamma").asText());
    assertEquals(600, d.path("StoppingCondition").path("MaxRuntimeInSeconds").asInt());
    assertTrue(log.stream().anyMatch(l -> l.contains("validation-rmse")), "log lines reach the sink");
    Path model = xgb.modelData();
    assertTrue(Files.exists(model), model.toString());

    Estimator attached = Estimator.attach("boston-base", home);
    assertEquals(xgb.hyperparameters(), attached.hyperparameters());
    assertEquals(model, attached.modelData());
    assertEquals(Estimator.XGBOOST_IMAGE, attached.trainingImage());
    assertEquals(Duration.ofMinutes(10), attached.maxRuntime());
    assertEquals(d.path("FinalMetricDataList"), attached.describe().path("FinalMetricDataList"));
  }

  @Test
  void defaultTrainingJobNamesFollowTheSdkAndNeverCollide() {
    Estimator xgb = Course.estimator(home).setHyperparameters("num_round", 5, "early_stopping_rounds", 2);
    xgb.fit(Course.INPUTS);
    String first = xgb.latestTrainingJob();
    xgb.fit(Course.INPUTS);
    String second = xgb.latestTrainingJob();
    assertTrue(first.matches("xgboost-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{3}"), first);
    assertTrue(!first.equals(second), first + " " + second);
    try (JobStore store = JobStore.openSqlite(home)) {
      assertEquals(2, store.trainingJobs().size());
    }
  }

  @Test
  void badInputIsRefusedByTheTrainParserAndNothingIsRecorded() {
    SpecException noNumRound = assertThrows(SpecException.class, () -> Estimator.xgboost().home(home)
        .setHyperparameters("max_depth", 5).fit(Course.INPUTS, "no-num-round"));
    assertTrue(noNumRound.getMessage().contains("num_round"), noNumRound.getMessage());
    SpecException image = assertThrows(SpecException.class, () -> Estimator.image("my-image").home(home)
        .setHyperparameters("num_round", 5).fit(Course.INPUTS, "bad-image"));
    assertTrue(image.getMessage().contains("my-image"), image.getMessage());
    SpecException channel = assertThrows(SpecException.class, () -> Course.estimator(home)
        .fit(Map.of("train", "no/such/file.csv", "validation", "dataset:boston/validation"), "bad-channel"));
    assertTrue(channel.getMessage().contains("no/such/file.csv"), channel.getMessage());
    IllegalArgumentException value = assertThrows(IllegalArgumentException.class, () -> Course.estimator(home)
        .fit(Map.of("train", 42), "bad-value"));
    assertTrue(value.getMessage().contains("inputs.train"), value.getMessage());
    try (JobStore store = JobStore.openSqlite(home)) {
      assertTrue(store.trainingJobs().isEmpty());
    }
  }

  @Test
  void aCommandEstimatorWritesItsEntrypointAndMetricDefinitions() {
    Estimator byo = Estimator.command("python3", "train.py").metricDefinition("validation:loss", "loss=([0-9.]+)")
        .containerArguments(List.of("--verbose")).setHyperparameters("epochs", 3);
    JsonNode req = byo.trainingRequest("byo", Map.of("train", "data/train.csv"));
    JsonNode alg = req.path("AlgorithmSpecification");
    assertEquals("python3", alg.path("ContainerEntrypoint").get(0).asText());
    assertEquals("train.py", alg.path("ContainerEntrypoint").get(1).asText());
    assertEquals("--verbose", alg.path("ContainerArguments").get(0).asText());
    assertEquals("validation:loss", alg.path("MetricDefinitions").get(0).path("Name").asText());
    assertEquals("loss=([0-9.]+)", alg.path("MetricDefinitions").get(0).path("Regex").asText());
    assertTrue(!alg.has("TrainingImage"));
    assertEquals("3", req.path("HyperParameters").path("epochs").asText());
    assertEquals("python3", byo.baseJobName());
    assertThrows(IllegalArgumentException.class, () -> Estimator.command(List.of()));
  }
}
