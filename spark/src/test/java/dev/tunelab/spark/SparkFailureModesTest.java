package dev.tunelab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import dev.tunelab.spark.SparkTuning.Launched;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bring-your-own commands as Spark tasks, and how a job ends on Spark when it is stopped or its
 * task fails: each as the thread pool would end it, with the reason Spark gave.
 */
class SparkFailureModesTest {

  @TempDir Path dir;

  @Test
  void bringYourOwnCommandRunsAsTasks() throws Exception {
    ObjectNode spec = SparkTuning.byoSpec(dir, "byo-spark", 4, 2, "0");
    TuningJobRecord rec = SparkTuning.run(dir, dir, spec, "local[2]", Map.of(), new AtomicBoolean(), null);
    assertEquals(TuningJobStatus.Completed, rec.status());
    List<Launched> jobs = SparkTuning.launched(dir, "byo-spark");
    assertEquals(4, jobs.size());
    try (JobStore store = JobStore.openSqlite(dir)) {
      for (TrainingJobRecord j : store.trainingJobsOf("byo-spark")) {
        double x = Double.parseDouble(j.tunedHyperParameters().get("x"));
        assertEquals((x - 3) * (x - 3), j.objectiveValue(), 1e-5, j.name());
        Path model = j.jobDir().resolve("model").resolve("model.txt");
        assertEquals(j.tunedHyperParameters().get("x"), Files.readString(model).strip(), "model came back: " + model);
        assertTrue(store.logLines(j.name(), 0, 100).stream().anyMatch(l -> l.text().startsWith("training x=")),
            "the command's output relayed to the store");
      }
    }
  }

  @Test
  void stoppingTheTuningJobStopsItsRunningTasks() throws Exception {
    stopWhileTwoRun("byo-stop", "0", Map.of(), "Stopped");
  }

  @Test
  void aTaskThatDoesNotStopInTimeHasItsSparkJobCancelled() throws Exception {
    // no grace at all, and commands that ignore SIGTERM (so they outlive the stop by 2 s): the job
    // group is cancelled as soon as the stop is seen
    List<Launched> jobs = stopWhileTwoRun("byo-cancel", "1", Map.of(SparkTrainingExecutor.STOP_GRACE, "0"), "Stopped");
    try (JobStore store = JobStore.openSqlite(dir)) {
      for (TrainingJobRecord j : store.trainingJobsOf("byo-cancel")) {
        assertTrue(j.failureReason().startsWith("Stopped: its Spark task was cancelled"), j.failureReason());
      }
    }
    assertEquals(2, jobs.size());
  }

  private List<Launched> stopWhileTwoRun(String name, String ignoreTerm, Map<String, String> conf, String status)
      throws Exception {
    ObjectNode spec = SparkTuning.byoSpec(dir, name, 4, 2, "60");
    ((ObjectNode) spec.get("TrainingJobDefinition").get("StaticHyperParameters")).put("ignore_term", ignoreTerm);
    AtomicBoolean interrupt = new AtomicBoolean();
    long start = System.nanoTime();
    Thread stopper = new Thread(() -> {
      // once both commands have started (their first line reached the store), stop the tuning job
      try (JobStore store = JobStore.openSqliteReadOnly(dir)) {
        for (int i = 0; i < 1200; i++) {
          Thread.sleep(50);
          if (store.trainingJobsOf(name).stream().filter(j -> !store.logLines(j.name(), 0, 1).isEmpty())
              .count() == 2) {
            break;
          }
        }
      } catch (InterruptedException e) {
        return;
      }
      interrupt.set(true);
    });
    TuningJobRecord rec = SparkTuning.run(dir, dir, spec, "local[2]", conf, interrupt, store -> stopper.start());
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(TuningJobStatus.Stopped, rec.status());
    assertTrue(seconds < 40, "stopped long before the 60 s commands end: " + seconds);
    List<Launched> jobs = SparkTuning.launched(dir, name);
    assertEquals(2, jobs.size(), jobs.toString());
    assertTrue(jobs.stream().allMatch(j -> j.status().equals(status)), jobs.toString());
    return jobs;
  }

  @Test
  void aTaskThatFailsIsAFailedTrainingJobNotACrash() throws Exception {
    // broadcast nothing, so each executor reads the channel from its path; the path is gone by
    // then (as when the data is not on a filesystem the executors see): the task fails
    ObjectNode spec = SparkTuning.example("wine-xgboost-mlogloss-hpo.json", "wine-fail", 2, 1, 1);
    ObjectNode def = (ObjectNode) spec.get("TrainingJobDefinition");
    Path wine = SparkTuning.EXAMPLES.resolve("data").resolve("wine");
    Path train = dir.resolve("train.csv");
    Files.copy(wine.resolve("train.csv"), train);
    for (var channel : def.get("InputDataConfig")) {
      String name = channel.get("ChannelName").asText();
      ((ObjectNode) channel.get("DataSource").get("S3DataSource")).put("S3Uri",
          name.equals("train") ? train.toString() : wine.resolve(name + ".csv").toString());
    }
    TuningJobRecord rec = SparkTuning.run(dir, dir, spec, "local[2]",
        Map.of(SparkTrainingExecutor.BROADCAST_LIMIT, "0"), new AtomicBoolean(), store -> {
          try {
            Files.delete(train);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    assertEquals(TuningJobStatus.Failed, rec.status(), String.valueOf(rec.failureReason()));
    try (JobStore store = JobStore.openSqlite(dir)) {
      List<TrainingJobRecord> jobs = store.trainingJobsOf("wine-fail");
      assertEquals(2, jobs.size());
      for (TrainingJobRecord j : jobs) {
        assertEquals("Failed", j.status().name());
        assertTrue(j.failureReason().startsWith("InternalError: the Spark task failed"), j.failureReason());
        assertTrue(j.failureReason().contains("train.csv"), j.failureReason());
      }
    }
  }
}
