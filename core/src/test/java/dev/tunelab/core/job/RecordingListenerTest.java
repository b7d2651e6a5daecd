package dev.tunelab.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.NewTrainingJob;
import dev.tunelab.core.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a second process sees of a running job that reported a round and then went quiet. */
class RecordingListenerTest {

  @TempDir Path home;

  @Test
  void aQuietJobsLastRoundReachesTheStoreWithoutAnotherLine() throws Exception {
    Path jobDir = Files.createDirectories(home.resolve("jobs/quiet"));
    try (JobStore writerStore = JobStore.openSqlite(home); JobStore reader = JobStore.openSqlite(home)) {
      writerStore.createTrainingJob(new NewTrainingJob("quiet", null, 0, Map.of(), Map.of(), null,
          Instant.now().truncatedTo(ChronoUnit.MILLIS), jobDir));
      RecordingListener listener = new RecordingListener(writerStore, "quiet", jobDir, TrainingListener.NONE);
      listener.log("[0]#011validation-rmse:3.5");
      listener.metric("validation:rmse", 0, 3.5);

      // nothing else is added: only the periodic flush can write the buffered round
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (reader.metrics("quiet").isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(1, reader.metrics("quiet").size(), "the round reached the store while the job was quiet");
      assertEquals(1, reader.logLines("quiet", 0, 10).size());
      assertTrue(Files.readString(jobDir.resolve(RecordingListener.LOG_FILE)).contains("validation-rmse:3.5"),
          "the log stream file is flushed too");
      listener.flush();
      assertEquals(1, reader.metrics("quiet").size(), "the final flush writes nothing twice");
    }
  }
}
