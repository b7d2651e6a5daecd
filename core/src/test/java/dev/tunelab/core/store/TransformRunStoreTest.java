package dev.tunelab.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transform runs in the store, and the version 1 → 2 upgrade that added their table. */
class TransformRunStoreTest {

  private static final Instant T0 = Instant.parse("2026-12-02T10:53:20.123Z");

  @TempDir Path home;

  private static NewTrainingJob trainingJob(String name, String tuning, int sequence) {
    return new NewTrainingJob(name, tuning, sequence, Map.of("eta", "0.1"), Map.of("eta", "0.1"),
        null, T0, null);
  }

  @Test
  void recordsRunsAndListsThemNewestFirstWithTheirTuningJob() {
    try (JobStore store = JobStore.openSqlite(home)) {
      store.createTuningJob(new NewTuningJob("tj", "{}", T0));
      store.createTrainingJob(trainingJob("tj-001", "tj", 1));
      Map<String, Double> scores = new java.util.LinkedHashMap<>();
      scores.put("rmse", 2.0);
      scores.put("mse", 4.0);
      long first = store.recordTransformRun(NewTransformRun.of(T0, "tj-001", Path.of("/d/x.csv"),
          Path.of("/d/y.csv"), scores, new double[] {1, 2, 3},
          new double[] {1.5, 2.5, Double.NaN}));
      long second = store.recordTransformRun(NewTransformRun.of(T0.plusSeconds(1), "gone",
          Path.of("/d/x.csv"), Path.of("/d/y.csv"), Map.of("rmse", 1.0), new double[] {7},
          new double[] {8}));
      assertTrue(second > first);
      List<TransformRunRecord> runs = store.transformRuns();
      assertEquals(2, runs.size());
      assertEquals("gone", runs.get(0).trainingJobName());
      assertNull(runs.get(0).tuningJobName(), "no such training job: no tuning job");
      TransformRunRecord r = runs.get(1);
      assertEquals(first, r.id());
      assertEquals(T0, r.time());
      assertEquals("tj", r.tuningJobName());
      assertEquals(Path.of("/d/x.csv"), r.input());
      assertEquals(3, r.rows());
      assertEquals(List.of("rmse", "mse"), List.copyOf(r.metrics().keySet()));
      assertEquals(List.of(1.0, 2.0, 3.0), r.actual());
      assertEquals(1.5, r.predicted().get(0));
      assertTrue(r.predicted().get(2).isNaN(), "NaN survives the JSON column");
    }
  }

  @Test
  void keepsTheFirstTenThousandPointsAndTheFullRowCount() {
    double[] a = new double[12_345];
    double[] p = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = i;
      p[i] = -i;
    }
    NewTransformRun run = NewTransformRun.of(T0, "j", Path.of("/x"), Path.of("/y"), Map.of(), a, p);
    assertEquals(12_345, run.rows());
    assertEquals(NewTransformRun.MAX_POINTS, run.actual().size());
    assertEquals(9_999.0, run.actual().get(9_999));
    assertEquals(-9_999.0, run.predicted().get(9_999));
  }

  @Test
  void refusesRelativePathsAndMismatchedPoints() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
        NewTransformRun.of(T0, "j", Path.of("x.csv"), Path.of("/y"), Map.of(), new double[1],
            new double[1]));
    assertTrue(e.getMessage().contains("input"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> NewTransformRun.of(T0, "j", Path.of("/x"),
        Path.of("/y"), Map.of(), new double[2], new double[1]));
  }

  @Test
  void aVersionOneStoreGetsTheTableAndKeepsItsJobs() throws Exception {
    try (JobStore store = JobStore.openSqlite(home)) {
      store.createTuningJob(new NewTuningJob("old", "{}", T0));
    }
    // make the file as version 1 left it: no transform_run table, user_version 1
    String url = "jdbc:sqlite:" + home.resolve("tunelab.db");
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.execute("DROP TABLE transform_run");
      st.execute("PRAGMA user_version = 1");
    }
    try (JobStore store = JobStore.openSqlite(home)) {
      assertTrue(store.tuningJob("old").isPresent());
      assertTrue(store.transformRuns().isEmpty());
      store.recordTransformRun(NewTransformRun.of(T0, "x", Path.of("/a"), Path.of("/b"),
          Map.of("rmse", 1.0), new double[] {1}, new double[] {2}));
      assertEquals(1, store.transformRuns().size());
    }
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      rs.next();
      assertEquals(Schema.VERSION, rs.getInt(1), "upgraded all the way");
    }
  }
}
