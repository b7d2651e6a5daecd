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

  @Test
  void aLongLogIsStoredUpToItsCapWithOneMarkerAndTheFileIsCappedToo() throws Exception {
    Path jobDir = Files.createDirectories(home.resolve("jobs/chatty"));
    try (JobStore store = JobStore.openSqlite(home)) {
      store.createTrainingJob(new NewTrainingJob("chatty", null, 0, Map.of(), Map.of(), null,
          Instant.now().truncatedTo(ChronoUnit.MILLIS), jobDir));
      // 10 lines in the store, 300 bytes in the file (each line is 9 bytes with its newline)
      RecordingListener listener = new RecordingListener(store, "chatty", jobDir, TrainingListener.NONE,
          new LogLimits(10, 1_000_000, 300));
      for (int i = 0; i < 100; i++) {
        listener.log(String.format("line-%03d", i));
      }
      listener.flush();
      var stored = store.logLines("chatty", 0, 1000);
      assertEquals(11, stored.size());
      assertEquals("line-009", stored.get(9).text());
      assertEquals("[tunelab] 90 more log lines are not stored (the store keeps a job's first 10 lines"
          + " or 1000000 bytes); training.log in the job folder has them", stored.get(10).text());
      var file = Files.readAllLines(jobDir.resolve(RecordingListener.LOG_FILE));
      assertEquals(34, file.size());
      assertEquals("line-032", file.get(32));
      assertEquals("[tunelab] training.log stopped at its limit of 300 bytes: 67 more lines were left out",
          file.get(33));
    }
  }

  @Test
  void theByteCapAppliesToo() throws Exception {
    Path jobDir = Files.createDirectories(home.resolve("jobs/wide"));
    try (JobStore store = JobStore.openSqlite(home)) {
      store.createTrainingJob(new NewTrainingJob("wide", null, 0, Map.of(), Map.of(), null,
          Instant.now().truncatedTo(ChronoUnit.MILLIS), jobDir));
      RecordingListener listener = new RecordingListener(store, "wide", jobDir, TrainingListener.NONE,
          new LogLimits(1000, 2500, 1_000_000));
      for (int i = 0; i < 5; i++) {
        listener.log("x".repeat(999));
      }
      listener.flush();
      var stored = store.logLines("wide", 0, 1000);
      assertEquals(3, stored.size(), "two 1000-byte lines, then the marker");
      assertTrue(stored.get(2).text().startsWith("[tunelab] 3 more log lines are not stored"), stored.get(2).text());
      assertEquals(5, Files.readAllLines(jobDir.resolve(RecordingListener.LOG_FILE)).size());
    }
  }

  @Test
  void aLogFileThatCannotBeWrittenDoesNotStopTheJobOrTheStoredLog() throws Exception {
    Path jobDir = Files.createDirectories(home.resolve("jobs/full"));
    // training.log is a link to /dev/full: every write fails with ENOSPC, as EFBIG would
    Files.createSymbolicLink(jobDir.resolve(RecordingListener.LOG_FILE), Path.of("/dev/full"));
    try (JobStore store = JobStore.openSqlite(home)) {
      store.createTrainingJob(new NewTrainingJob("full", null, 0, Map.of(), Map.of(), null,
          Instant.now().truncatedTo(ChronoUnit.MILLIS), jobDir));
      RecordingListener listener = new RecordingListener(store, "full", jobDir, TrainingListener.NONE,
          new LogLimits(1000, 1_000_000, 1_000_000));
      String line = "y".repeat(1000);
      for (int i = 0; i < 200; i++) {
        listener.log(line); // 200 kB: more than the file's buffer, so the write fails on the way
      }
      assertTrue(listener.metric("m", 0, 1.0));
      listener.flush();
      assertEquals(200, store.logLines("full", 0, 1000).size());
      assertEquals(1, store.metrics("full").size());
    }
  }
}
