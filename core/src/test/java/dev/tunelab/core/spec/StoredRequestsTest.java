package dev.tunelab.core.spec;

import dev.tunelab.core.json.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.api.DescribeTuningJob;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.NewTrainingJob;
import dev.tunelab.core.store.NewTuningJob;
import dev.tunelab.core.store.TrainingJobResult;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.optimizer.Direction;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One reader of stored tuning requests, and describe deriving its answers from it. */
class StoredRequestsTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path home;

  private static Path examples() {
    Path p = Path.of("").toAbsolutePath();
    return (p.getFileName().toString().equals("core") ? p.getParent() : p).resolve("examples");
  }

  private static ObjectNode request(String name, String type) throws Exception {
    ObjectNode s = (ObjectNode) Json.mapper().readTree(examples().resolve("boston-xgboost-hpo.json").toFile());
    s.put("HyperParameterTuningJobName", name);
    ObjectNode cfg = (ObjectNode) s.get("HyperParameterTuningJobConfig");
    ((ObjectNode) cfg.get("HyperParameterTuningJobObjective")).put("Type", type);
    cfg.put("RandomSeed", 7);
    return s;
  }

  /** Stores a request as TuningJobRunner does: the parsed spec's JSON. */
  private static TuningJobSpec store(JobStore store, ObjectNode request) {
    TuningJobSpec spec = TuningJobSpecParser.parse(JsonSpecReader.parse(request.toString(), "test", n -> { }),
        examples());
    store.createTuningJob(new NewTuningJob(spec.name(), spec.json().toString(), T0));
    return spec;
  }

  @Test
  void aStoredRequestReadsBackIntoTheSpecItWasParsedAs() throws Exception {
    try (JobStore store = JobStore.openSqlite(home)) {
      TuningJobSpec original = store(store, request("stored", "Maximize"));
      TuningJobRecord rec = store.tuningJob("stored").orElseThrow();
      TuningJobSpec read = StoredRequests.tuningJob(rec, examples());
      assertEquals(original.name(), read.name());
      assertEquals(original.strategy(), read.strategy());
      assertEquals(Direction.MAXIMIZE, read.direction());
      assertEquals(original.objectiveMetric(), read.objectiveMetric());
      assertEquals(original.space(), read.space());
      assertEquals(7, read.randomSeed());
      assertEquals(original.maxTrainingJobs(), read.maxTrainingJobs());
      assertEquals(original.earlyStopping(), read.earlyStopping());
      assertEquals(original.staticHyperParameters(), read.staticHyperParameters());
      assertEquals(List.copyOf(original.staticHyperParameters().keySet()), List.copyOf(read.staticHyperParameters().keySet()),
          "static hyperparameters keep their request order");
      assertEquals(original.definition().algorithm().trainingImage(), read.definition().algorithm().trainingImage());
      assertEquals(List.of("validation:rmse", "ObjectiveMetric"),
          read.definition().algorithm().metricDefinitions().stream().map(m -> m.name()).toList(),
          "the stored request holds the definitions SageMaker adds, once");
      assertEquals(original.json().toString(), StoredRequests.tuningRequestAsStored(rec).toString(),
          "describe echoes what was stored");
    }
  }

  @Test
  void aTrainingJobOfATuningJobRanWithItsDefinition() throws Exception {
    try (JobStore store = JobStore.openSqlite(home)) {
      TuningJobSpec spec = store(store, request("parent", "Minimize"));
      store.createTrainingJob(new NewTrainingJob("parent-001", "parent", 1, Map.of("max_depth", "3"),
          Map.of("max_depth", "3"), "{\"not\": \"a CreateTrainingJob request\"}", T0, home.resolve("j")));
      TrainingJobSpec def = StoredRequests.trainingJob(store.trainingJob("parent-001").orElseThrow(),
          store.tuningJob("parent").orElseThrow(), null);
      assertEquals(spec.definition().algorithm().trainingImage(), def.algorithm().trainingImage());
      assertEquals(spec.definition().maxRuntime(), def.maxRuntime());
      assertEquals(spec.definition().resources(), def.resources());
    }
  }

  @Test
  void aStoredRequestThisVersionCannotReadNamesTheJob() {
    try (JobStore store = JobStore.openSqlite(home)) {
      store.createTuningJob(new NewTuningJob("broken", "{\"HyperParameterTuningJobName\": \"broken\"}", T0));
      SpecException e = assertThrows(SpecException.class,
          () -> StoredRequests.tuningJob(store.tuningJob("broken").orElseThrow(), null));
      assertTrue(e.getMessage().contains("HyperParameterTuningJobConfig"), e.getMessage());
    }
  }

  @Test
  void describeTakesTheWarmStartParentsAndDirectionFromTheStoredSpec() throws Exception {
    try (JobStore store = JobStore.openSqlite(home)) {
      store(store, request("parent", "Maximize"));
      finished(store, "parent-001", "parent", 1, 1.0);
      finished(store, "parent-002", "parent", 2, 3.0);
      ObjectNode child = request("child", "Maximize");
      child.putObject("WarmStartConfig").put("WarmStartType", "TransferLearning")
          .putArray("ParentHyperParameterTuningJobs").addObject().put("HyperParameterTuningJobName", "parent");
      store(store, child);
      finished(store, "child-001", "child", 1, 2.0);
      JsonNode d = DescribeTuningJob.of(store, "child");
      assertEquals("parent-002", d.path("OverallBestTrainingJob").path("TrainingJobName").asText(),
          "Maximize: the largest objective over the parents and this job");
      assertEquals("Maximize", d.path("OverallBestTrainingJob")
          .path("FinalHyperParameterTuningJobObjectiveMetric").path("Type").asText());
      assertEquals("TransferLearning", d.path("WarmStartConfig").path("WarmStartType").asText());
      assertEquals(1, d.path("ObjectiveStatusCounters").path("Succeeded").asInt());
      assertNotNull(d.get("HyperParameterTuningJobConfig"));
      assertEquals(StoredRequests.tuningRequestAsStored(store.tuningJob("child").orElseThrow())
          .get("HyperParameterTuningJobConfig"), d.get("HyperParameterTuningJobConfig"));
    }
  }

  private static void finished(JobStore store, String name, String tuning, int seq, double objective) {
    store.createTrainingJob(new NewTrainingJob(name, tuning, seq, Map.of("max_depth", "3"), Map.of("max_depth", "3"),
        "{}", T0, null));
    store.markTrainingStarted(name, T0);
    store.finishTrainingJob(name, new TrainingJobResult(TrainingJobStatus.Completed, T0.plusSeconds(1),
        Map.of("validation:rmse", objective), objective, null, null, 1, false));
  }
}
