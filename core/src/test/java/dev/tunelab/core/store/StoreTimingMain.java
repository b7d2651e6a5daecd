package dev.tunelab.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures the store's costs for the report (not a test): opening (first in a JVM, which loads
 * the native library, and later), and a tuning job of 20 jobs x 200 rounds x (1 log line +
 * 2 metrics) written one transaction per round, per 10 rounds, and per job.
 * Run: {@code java -cp <test classpath> dev.tunelab.core.store.StoreTimingMain [dir]}.
 */
public final class StoreTimingMain {
  private StoreTimingMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("store-timing");
    long t0 = System.nanoTime();
    JobStore first = JobStore.openSqlite(dir.resolve("home"));
    long t1 = System.nanoTime();
    first.close();
    System.out.printf("open, first in JVM (new file, native lib load): %.1f ms%n", ms(t1 - t0));
    for (int i = 0; i < 3; i++) {
      long s = System.nanoTime();
      JobStore again = JobStore.openSqlite(dir.resolve("home"));
      long e = System.nanoTime();
      again.tuningJobs();
      long q = System.nanoTime();
      again.close();
      System.out.printf("open existing: %.2f ms (+ first query %.2f ms)%n", ms(e - s), ms(q - e));
    }
    int reps = 5;
    tuningJob(JobStore.openSqlite(dir.resolve("warmup")), 20, 200, 20); // JIT warm-up
    double[] writer = new double[reps];
    for (int rep = 0; rep < reps; rep++) {
      try (JobStore store = JobStore.openSqlite(dir.resolve("pw-" + rep))) {
        writer[rep] = tuningJobWithWriter(store, 20, 200);
      }
    }
    report("one ProgressWriter.add per round (defaults)", writer, 20);
    for (int batch : new int[] {1, 10, 200}) {
      double[] times = new double[reps];
      for (int rep = 0; rep < reps; rep++) {
        try (JobStore store = JobStore.openSqlite(dir.resolve("b" + batch + "-" + rep))) {
          times[rep] = tuningJob(store, 20, 200, batch);
        }
      }
      report(batch + " round(s) per appendProgress call", times, 20 * (200 / batch));
    }
    try (JobStore store = JobStore.openSqlite(dir.resolve("b1-0"))) {
      long s = System.nanoTime();
      int n = 1000;
      for (int i = 0; i < n; i++) {
        store.stopRequested("tj");
      }
      System.out.printf("stopRequested poll: %.1f us%n", ms(System.nanoTime() - s) * 1000 / n);
      s = System.nanoTime();
      for (int i = 0; i < 100; i++) {
        store.trainingJobsOf("tj");
      }
      System.out.printf("trainingJobsOf (20 jobs): %.2f ms%n", ms(System.nanoTime() - s) / 100);
      s = System.nanoTime();
      for (int i = 0; i < 100; i++) {
        store.logLines("tj-001-0a1b2c3d", 0, 1000);
      }
      System.out.printf("logLines (200 lines): %.2f ms%n", ms(System.nanoTime() - s) / 100);
    }
  }

  private static double tuningJob(JobStore store, int jobs, int rounds, int batch) {
    Instant t0 = Instant.now();
    long nanos = 0;
    long s = System.nanoTime();
    store.createTuningJob(new NewTuningJob("tj", "{}", t0));
    nanos += System.nanoTime() - s;
    for (int j = 1; j <= jobs; j++) {
      String name = String.format("tj-%03d-0a1b2c3d", j);
      List<LogLine> lines = new ArrayList<>();
      List<MetricPoint> points = new ArrayList<>();
      s = System.nanoTime();
      store.createTrainingJob(new NewTrainingJob(name, "tj", j, Map.of("max_depth", "5",
          "eta", "0.2"), Map.of("max_depth", "5"), "{}", t0, null));
      store.markTrainingStarted(name, t0);
      nanos += System.nanoTime() - s;
      for (int r = 0; r < rounds; r++) {
        Instant now = t0.plusMillis(r);
        lines.add(LogLine.of(now, "[" + r + "]\ttrain-rmse:1.21872\tvalidation-rmse:3.72621"));
        points.add(new MetricPoint("train:rmse", r, 1.21872, now));
        points.add(new MetricPoint("validation:rmse", r, 3.72621, now));
        if (lines.size() == batch) {
          s = System.nanoTime();
          store.appendProgress(name, lines, points);
          nanos += System.nanoTime() - s;
          lines.clear();
          points.clear();
        }
      }
      s = System.nanoTime();
      store.finishTrainingJob(name, new TrainingJobResult(TrainingJobStatus.Completed,
          t0.plusSeconds(1), Map.of("validation:rmse", 3.72621), 3.72621, null, null, rounds));
      store.setBestTrainingJob("tj", name);
      nanos += System.nanoTime() - s;
    }
    return ms(nanos);
  }

  private static double tuningJobWithWriter(JobStore store, int jobs, int rounds) {
    Instant t0 = Instant.now();
    long s = System.nanoTime();
    store.createTuningJob(new NewTuningJob("tj", "{}", t0));
    for (int j = 1; j <= jobs; j++) {
      String name = String.format("tj-%03d-0a1b2c3d", j);
      store.createTrainingJob(new NewTrainingJob(name, "tj", j, Map.of("max_depth", "5",
          "eta", "0.2"), Map.of("max_depth", "5"), "{}", t0, null));
      store.markTrainingStarted(name, t0);
      try (ProgressWriter writer = new ProgressWriter(store, name)) {
        for (int r = 0; r < rounds; r++) {
          Instant now = t0.plusMillis(r);
          writer.add(List.of(LogLine.of(now,
                  "[" + r + "]\ttrain-rmse:1.21872\tvalidation-rmse:3.72621")),
              List.of(new MetricPoint("train:rmse", r, 1.21872, now),
                  new MetricPoint("validation:rmse", r, 3.72621, now)));
        }
      }
      store.finishTrainingJob(name, new TrainingJobResult(TrainingJobStatus.Completed,
          t0.plusSeconds(1), Map.of("validation:rmse", 3.72621), 3.72621, null, null, rounds));
      store.setBestTrainingJob("tj", name);
    }
    return ms(System.nanoTime() - s);
  }

  private static void report(String how, double[] times, int calls) {
    double[] sorted = times.clone();
    java.util.Arrays.sort(sorted);
    System.out.printf("20 jobs x 200 rounds x (1 line + 2 metrics), %s: min %.1f ms, median %.1f ms"
        + " of store time (%d append calls + 80 others)%n", how, sorted[0],
        sorted[sorted.length / 2], calls);
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
