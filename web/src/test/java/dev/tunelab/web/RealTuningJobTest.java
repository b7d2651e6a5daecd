package dev.tunelab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard over a store a real tuning job (the course's, 4 XGBoost jobs) filled. */
class RealTuningJobTest {

  @TempDir Path home;

  @Test
  void servesTheCourseJobsCurvesAndLogs() throws Exception {
    Stores.realCourseJob(home, "course", 4);
    List<TrainingJobRecord> records;
    try (JobStore store = JobStore.openSqlite(home)) {
      records = store.trainingJobsOf("course");
    }
    HttpClient client = HttpClient.newHttpClient();
    try (DashboardServer server = new DashboardServer(home, null, 0,
        Assets.fromClassPath("dev/tunelab/web/testpage/"))) {
      server.start();
      JsonNode tuning = get(client, server, "api/tuning-jobs/course");
      assertEquals("Completed", tuning.get("Status").asText());
      assertEquals(4, tuning.get("TrainingJobs").size());
      assertEquals(4, tuning.get("Counters").get("Completed").asInt());
      assertEquals(2, tuning.get("MaxParallelTrainingJobs").asInt());
      assertEquals(5, tuning.get("Ranges").size());
      assertTrue(tuning.get("Importance").isNull(), "4 jobs < 2 x 5 + 1");
      for (int i = 0; i < 4; i++) {
        JsonNode j = tuning.get("TrainingJobs").get(i);
        assertEquals(records.get(i).name(), j.get("Name").asText());
        assertTrue(j.get("InitialDesign").asBoolean(), "Bayesian's first 10 are random");
        assertEquals(records.get(i).objectiveValue(), j.get("Objective").asDouble());
      }
      String name = records.get(0).name();
      JsonNode training = get(client, server, "api/training-jobs/" + name);
      JsonNode validation = training.get("Metrics").get("validation:rmse");
      int rounds = validation.get("Rounds").size();
      assertTrue(rounds > 1, training::toString);
      assertEquals(rounds, training.get("Metrics").get("train:rmse").get("Rounds").size());
      // the best iteration is the round of the least validation rmse, whose value is the objective
      int best = 0;
      for (int r = 1; r < rounds; r++) {
        if (validation.get("Values").get(r).asDouble() < validation.get("Values").get(best).asDouble()) {
          best = r;
        }
      }
      assertEquals(validation.get("Rounds").get(best).asInt(), training.get("BestIteration").asInt());
      assertEquals(records.get(0).objectiveValue(), validation.get("Values").get(best).asDouble(), 1e-4);
      JsonNode logs = get(client, server, "api/training-jobs/" + name + "/logs?limit=3");
      assertEquals(3, logs.get("Lines").size());
      assertTrue(logs.get("More").asBoolean());
    }
  }

  private static JsonNode get(HttpClient client, DashboardServer server, String path) throws Exception {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r::body);
    return Json.mapper().readTree(r.body());
  }
}
