package dev.tunelab.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real second JVM writes to the same {@code tunelab.db} while this one writes from several
 * threads: no SQLITE_BUSY failures, every row lands, and the child's stop request reaches the
 * parent's poll (what {@code stop-hyper-parameter-tuning-job} does to a running {@code tune}).
 */
class CrossProcessTest {
  private static final Instant T0 = Instant.parse("2020-08-04T14:30:48.123Z");

  @TempDir Path home;

  @Test
  void secondProcessWritesAndRequestsStopWhileThisOneWrites() throws Exception {
    int childLines = 200;
    int threads = 3;
    int rounds = 150;
    try (JobStore store = JobStore.openSqlite(home)) {
      store.createTuningJob(new NewTuningJob("tj", "{}", T0));
      store.createTrainingJob(new NewTrainingJob("child-log", null, 0, Map.of(), Map.of(), null,
          T0, null));
      for (int t = 0; t < threads; t++) {
        store.createTrainingJob(new NewTrainingJob(String.format("tj-%03d", t + 1), "tj", t + 1,
            Map.of(), Map.of(), null, T0, null));
      }

      Process child = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"),
          "-Xshare:auto", "-XX:TieredStopAtLevel=1",
          StoreWriterMain.class.getName(), home.toString(), "tj", "child-log",
          Integer.toString(childLines))
          .redirectErrorStream(true)
          .start();

      AtomicBoolean sawStop = new AtomicBoolean();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String job = String.format("tj-%03d", t + 1);
        futures.add(pool.submit(() -> {
          // keep writing until the child has finished, so the two processes overlap
          for (int r = 0; child.isAlive() || r < rounds; r++) {
            store.appendProgress(job, List.of(LogLine.of(Instant.now(), "[" + r + "]")),
                List.of(new MetricPoint("validation:rmse", r, r, Instant.now())));
            if (store.stopRequested("tj")) {
              sawStop.set(true);
            }
          }
          return null;
        }));
      }
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child finished");
      String childOutput = new String(child.getInputStream().readAllBytes(),
          StandardCharsets.UTF_8);
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS); // rethrows any store failure
      }
      pool.shutdown();
      assertEquals(0, child.exitValue(), childOutput);

      assertTrue(sawStop.get() || store.stopRequested("tj"));
      assertTrue(store.stopRequested("tj"));
      assertEquals(TuningJobStatus.Stopping, store.tuningJob("tj").orElseThrow().status());
      List<LogLine> childLog = store.logLines("child-log", 0, 10_000);
      assertEquals(childLines, childLog.size());
      assertEquals("child " + (childLines - 1), childLog.get(childLines - 1).text());
      for (int t = 0; t < threads; t++) {
        String job = String.format("tj-%03d", t + 1);
        List<LogLine> lines = store.logLines(job, 0, 100_000);
        List<MetricPoint> metrics = store.metrics(job);
        assertTrue(lines.size() >= rounds, job);
        assertEquals(lines.size(), metrics.size(), job);
        assertEquals(lines.size(), lines.get(lines.size() - 1).seq(), "seqs are dense");
      }
    }
  }
}
