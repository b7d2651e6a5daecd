package dev.tunelab.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many threads, and two store instances on one file, writing at once: every row lands. */
class ConcurrencyTest {
  private static final Instant T0 = Instant.parse("2020-08-04T14:30:48.123Z");
  private static final int ROUNDS = 200;

  @TempDir Path home;

  @Test
  void eightThreadsAppendingToDifferentJobsLoseNothing() throws Exception {
    try (JobStore store = JobStore.openSqlite(home)) {
      store.createTuningJob(new NewTuningJob("tj", "{}", T0));
      runWriters(List.of(store), 8);
      assertAllRows(store, 8);
    }
  }

  @Test
  void twoStoresOnOneFileWriteConcurrentlyWithoutBusyErrors() throws Exception {
    try (JobStore a = JobStore.openSqlite(home); JobStore b = JobStore.openSqlite(home)) {
      a.createTuningJob(new NewTuningJob("tj", "{}", T0));
      runWriters(List.of(a, b), 8);
      assertAllRows(a, 8);
      assertAllRows(b, 8);
    }
  }

  @Test
  void concurrentCreatesOfOneNameLetExactlyOneWin() throws Exception {
    try (JobStore a = JobStore.openSqlite(home); JobStore b = JobStore.openSqlite(home)) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        JobStore store = i % 2 == 0 ? a : b;
        results.add(pool.submit(() -> {
          start.await();
          try {
            store.createTuningJob(new NewTuningJob("same", "{}", T0));
            return true;
          } catch (JobExistsException e) {
            return false;
          }
        }));
      }
      start.countDown();
      int wins = 0;
      for (Future<Boolean> f : results) {
        wins += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      pool.shutdown();
      assertEquals(1, wins);
    }
  }

  /** Each writer thread owns one training job and appends ROUNDS rounds, one call per round. */
  private static void runWriters(List<JobStore> stores, int threads) throws Exception {
    for (int t = 0; t < threads; t++) {
      stores.get(0).createTrainingJob(new NewTrainingJob(name(t), "tj", t + 1,
          Map.of("eta", "0.1"), Map.of(), null, T0, null));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      JobStore store = stores.get(t % stores.size());
      String job = name(t);
      futures.add(pool.submit((Callable<Void>) () -> {
        start.await();
        store.markTrainingStarted(job, T0);
        for (int r = 0; r < ROUNDS; r++) {
          Instant now = T0.plusMillis(r);
          store.appendLogLines(job, List.of(LogLine.of(now, "[" + r + "]\ttrain-rmse:1")));
          store.appendMetrics(job, List.of(new MetricPoint("train:rmse", r, r, now),
              new MetricPoint("validation:rmse", r, -r, now)));
        }
        store.finishTrainingJob(job, new TrainingJobResult(TrainingJobStatus.Completed,
            T0.plusSeconds(1), Map.of("validation:rmse", 1.0), 1.0, null, null, ROUNDS));
        return null;
      }));
    }
    // a reader polling like `describe` / `logs --follow` while they write
    JobStore reader = stores.get(stores.size() - 1);
    futures.add(pool.submit((Callable<Void>) () -> {
      start.await();
      for (int i = 0; i < 100; i++) {
        reader.trainingJobsOf("tj");
        reader.logLines(name(0), 0, 50);
        reader.stopRequested("tj");
      }
      return null;
    }));
    start.countDown();
    for (Future<?> f : futures) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
  }

  private static void assertAllRows(JobStore store, int threads) {
    assertEquals(threads, store.trainingJobsOf("tj").size());
    for (int t = 0; t < threads; t++) {
      String job = name(t);
      List<LogLine> lines = store.logLines(job, 0, 10 * ROUNDS);
      assertEquals(ROUNDS, lines.size(), job);
      for (int r = 0; r < ROUNDS; r++) {
        assertEquals(r + 1, lines.get(r).seq());
        assertEquals("[" + r + "]\ttrain-rmse:1", lines.get(r).text());
      }
      List<MetricPoint> metrics = store.metrics(job);
      assertEquals(2 * ROUNDS, metrics.size(), job);
      for (int r = 0; r < ROUNDS; r++) {
        assertEquals(new MetricPoint("validation:rmse", r, -r, T0.plusMillis(r)),
            metrics.get(2 * r + 1));
      }
      assertEquals(TrainingJobStatus.Completed, store.trainingJob(job).orElseThrow().status());
    }
  }

  private static String name(int thread) {
    return String.format("tj-%03d", thread + 1);
  }
}
