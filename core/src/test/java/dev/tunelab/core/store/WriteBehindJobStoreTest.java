package dev.tunelab.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link WriteBehindJobStore} on a real SQLite store: queued writes land in order, this process
 * reads its own writes, the record a finish returns is the one the store then holds, a failing
 * write surfaces instead of vanishing, and {@link SqliteJobStore#writeTogether} is all or nothing.
 */
class WriteBehindJobStoreTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path home;
  JobStore store;

  @BeforeEach
  void open() {
    store = JobStore.openSqlite(home);
    store.createTuningJob(new NewTuningJob("tj", "{}", T0));
  }

  @AfterEach
  void close() {
    store.close();
  }

  static NewTrainingJob job(int seq) {
    return new NewTrainingJob("tj-" + seq, "tj", seq, Map.of("eta", "0.1", "max_depth", "" + seq),
        Map.of("max_depth", "" + seq), "{\"TrainingJobName\":\"tj-" + seq + "\"}", T0.plusMillis(seq), null);
  }

  static TrainingJobResult completed(double objective) {
    return new TrainingJobResult(TrainingJobStatus.Completed, T0.plusSeconds(5),
        Map.of("validation:rmse", objective, "train:rmse", objective / 2), objective, "/models/m.json", null, 7);
  }

  @Test
  void theRecordAFinishReturnsIsTheOneTheStoreHolds() {
    TrainingJobRecord returned;
    try (WriteBehindJobStore behind = new WriteBehindJobStore(store)) {
      behind.startTrainingJob(job(1), ProcessOwner.current());
      behind.appendProgress("tj-1", List.of(LogLine.of(T0, "[0]\tvalidation-rmse:3.5")),
          List.of(new MetricPoint("validation:rmse", 0, 3.5, T0)));
      returned = behind.finishTrainingJob("tj-1", completed(3.5));
      behind.setBestTrainingJob("tj", "tj-1");
    }
    TrainingJobRecord stored = store.trainingJob("tj-1").orElseThrow();
    // the store stamps its own last-modified time; everything else must agree
    assertEquals(stored, new TrainingJobRecord(returned.name(), returned.tuningJobName(), returned.sequence(),
        returned.status(), returned.hyperParameters(), returned.tunedHyperParameters(), returned.specJson(),
        returned.creationTime(), returned.startTime(), returned.endTime(), stored.lastModifiedTime(),
        returned.finalMetrics(), returned.objectiveValue(), returned.objectiveStatus(), returned.modelArtifact(),
        returned.failureReason(), returned.jobDir(), returned.roundsTrained(), returned.retryableFailure()));
    assertEquals(TrainingJobStatus.Completed, stored.status());
    assertEquals(T0.plusMillis(1), stored.startTime(), "started when recorded");
    assertEquals(1, store.logLines("tj-1", 0, 10).size());
    assertEquals(1, store.metrics("tj-1").size());
    assertEquals("tj-1", store.tuningJob("tj").orElseThrow().bestTrainingJob());
  }

  @Test
  void thisProcessReadsItsOwnWritesAtOnce() {
    try (WriteBehindJobStore behind = new WriteBehindJobStore(store)) {
      behind.startTrainingJob(job(1), ProcessOwner.current());
      // no wait in between: the read must see the queued insert
      assertEquals(TrainingJobStatus.InProgress, behind.trainingJob("tj-1").orElseThrow().status());
      behind.appendLogLines("tj-1", List.of(LogLine.of(T0, "a"), LogLine.of(T0, "b")));
      assertEquals(List.of("a", "b"), behind.logLines("tj-1", 0, 10).stream().map(LogLine::text).toList());
      behind.finishTrainingJob("tj-1", completed(2.0));
      assertEquals(1, behind.trainingJobsOf("tj").stream().filter(j -> j.status().isTerminal()).count());
    }
  }

  @Test
  void manyTrainingThreadsQueueTheirJobsAndEveryWriteLandsInOrder() throws Exception {
    int threads = 6;
    int rounds = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (WriteBehindJobStore behind = new WriteBehindJobStore(store)) {
      List<Future<TrainingJobRecord>> futures = new ArrayList<>();
      for (int t = 1; t <= threads; t++) {
        int seq = t;
        futures.add(pool.submit(() -> {
          behind.startTrainingJob(job(seq), ProcessOwner.current());
          for (int r = 0; r < rounds; r++) {
            behind.appendProgress("tj-" + seq, List.of(LogLine.of(T0, "round " + r)),
                List.of(new MetricPoint("validation:rmse", r, r, T0)));
          }
          return behind.finishTrainingJob("tj-" + seq, completed(seq));
        }));
      }
      for (Future<TrainingJobRecord> f : futures) {
        assertEquals(TrainingJobStatus.Completed, f.get().status());
      }
    } finally {
      pool.shutdown();
    }
    for (int t = 1; t <= threads; t++) {
      List<LogLine> lines = store.logLines("tj-" + t, 0, 1000);
      assertEquals(rounds, lines.size());
      for (int r = 0; r < rounds; r++) {
        assertEquals("round " + r, lines.get(r).text());
      }
      assertEquals(rounds, store.metrics("tj-" + t).size());
      assertEquals(TrainingJobStatus.Completed, store.trainingJob("tj-" + t).orElseThrow().status());
    }
  }

  @Test
  void aFailingWriteIsRetriedAloneAndThenSurfaces() {
    WriteBehindJobStore behind = new WriteBehindJobStore(store);
    behind.startTrainingJob(job(1), ProcessOwner.current());
    behind.appendLogLines("no-such-job", List.of(LogLine.of(T0, "lost")));
    behind.appendLogLines("tj-1", List.of(LogLine.of(T0, "kept")));
    JobStoreException e = assertThrows(JobStoreException.class, behind::drain);
    assertTrue(e.getMessage().contains("no-such-job"), e.getMessage());
    // the good writes of the same batch were written one by one
    assertEquals(List.of("kept"), store.logLines("tj-1", 0, 10).stream().map(LogLine::text).toList());
    assertThrows(JobStoreException.class, behind::close);
    // the wrapped store stays open and usable
    assertTrue(store.trainingJob("tj-1").isPresent());
  }

  @Test
  void writeTogetherKeepsAllOrNothing() {
    store.createTrainingJob(job(1), ProcessOwner.current());
    assertThrows(RuntimeException.class, () -> store.writeTogether(() -> {
      store.appendLogLines("tj-1", List.of(LogLine.of(T0, "rolled back")));
      store.appendLogLines("no-such-job", List.of(LogLine.of(T0, "fails")));
    }));
    assertTrue(store.logLines("tj-1", 0, 10).isEmpty());
    store.writeTogether(() -> {
      store.appendLogLines("tj-1", List.of(LogLine.of(T0, "one")));
      store.appendLogLines("tj-1", List.of(LogLine.of(T0, "two")));
    });
    assertEquals(List.of("one", "two"), store.logLines("tj-1", 0, 10).stream().map(LogLine::text).toList());
    assertFalse(store.trainingJob("tj-1").orElseThrow().status().isTerminal());
  }
}
