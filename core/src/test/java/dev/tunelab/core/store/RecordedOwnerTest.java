package dev.tunelab.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JobStore#createTrainingJob(NewTrainingJob, ProcessOwner)}: a lone training job recorded
 * for another process (create-training-job's background JVM) lives and dies with that process.
 */
class RecordedOwnerTest {

  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123Z");

  @TempDir Path home;

  @Test
  void aLoneJobRecordedForAnotherProcessFailsWhenThatProcessIsGone() throws Exception {
    Process child = new ProcessBuilder("sleep", "30").start();
    try (JobStore store = JobStore.openSqlite(home)) {
      store.createTrainingJob(new NewTrainingJob("bg", null, 0, Map.of(), Map.of(), null, T0, null),
          ProcessOwner.of(child.toHandle()));
      assertEquals(TrainingJobStatus.InProgress, store.trainingJob("bg").orElseThrow().status(),
          "its process runs: the job is InProgress although this process did not record itself as owner");
      assertEquals(child.pid(), store.trainingJobOwner("bg").orElseThrow().pid());
      assertTrue(store.trainingJobOwner("nope").isEmpty());

      child.destroyForcibly();
      child.waitFor();
      TrainingJobRecord failed = store.trainingJob("bg").orElseThrow();
      assertEquals(TrainingJobStatus.Failed, failed.status());
      assertTrue(failed.failureReason().startsWith("RetryableError"), failed.failureReason());
      assertTrue(failed.failureReason().contains("pid " + child.pid()), failed.failureReason());
    } finally {
      child.destroyForcibly();
    }
  }
}
