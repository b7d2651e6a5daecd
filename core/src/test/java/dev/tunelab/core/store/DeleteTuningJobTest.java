package dev.tunelab.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JobStore#deleteTuningJob}: everything the store keeps for a tuning job goes, nothing of
 * another job does, and a tuning job that may still run is refused with nothing removed.
 */
class DeleteTuningJobTest {

  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123Z");

  @TempDir Path home;
  private JobStore store;

  @BeforeEach
  void open() {
    store = JobStore.openSqlite(home);
  }

  @AfterEach
  void close() {
    store.close();
  }

  /** A tuning job with {@code jobs} finished training jobs, each with a log line and a metric. */
  private void tuningJob(String name, int jobs, TuningJobStatus end) {
    store.createTuningJob(new NewTuningJob(name, "{}", T0));
    store.putTuningJobAttribute(name, TuningJobAttribute.BASE_DIR, "/tmp");
    for (int i = 1; i <= jobs; i++) {
      String tj = name + "-00" + i;
      store.createTrainingJob(new NewTrainingJob(tj, name, i, Map.of("eta", "0.1"), Map.of("eta", "0.1"), "{}",
          T0, home.resolve("jobs").resolve(tj)));
      store.markTrainingStarted(tj, T0);
      store.appendProgress(tj, List.of(new LogLine(0, T0, "line " + i)),
          List.of(new MetricPoint("validation:rmse", 0, 1.0 + i, T0)));
      store.finishTrainingJob(tj, new TrainingJobResult(TrainingJobStatus.Completed, T0.plusSeconds(1),
          Map.of("validation:rmse", 1.0 + i), 1.0 + i, null, null, 1));
    }
    if (jobs > 0) {
      store.setBestTrainingJob(name, name + "-001");
    }
    if (end != null) {
      store.updateTuningJobStatus(name, end, null, T0.plusSeconds(5));
    }
  }

  @Test
  void removesTheTuningJobItsTrainingJobsLogsMetricsAndAttributesOnly() throws Exception {
    tuningJob("gone", 3, TuningJobStatus.Completed);
    tuningJob("kept", 2, TuningJobStatus.Completed);
    store.createTrainingJob(new NewTrainingJob("lone", null, 0, Map.of(), Map.of(), null, T0, null));

    List<TrainingJobRecord> removed = store.deleteTuningJob("gone");

    assertEquals(List.of("gone-001", "gone-002", "gone-003"), removed.stream().map(TrainingJobRecord::name).toList());
    assertTrue(store.tuningJob("gone").isEmpty());
    for (String tj : List.of("gone-001", "gone-002", "gone-003")) {
      assertTrue(store.trainingJob(tj).isEmpty(), tj);
    }
    // no row of theirs is left in any table: only kept's 2 jobs (a line and a metric each) and
    // its one attribute, and the lone job
    assertEquals(2, count("log_line"));
    assertEquals(2, count("metric"));
    assertEquals(1, count("tuning_job_attribute"));
    assertEquals(3, count("training_job"));
    assertEquals(1, count("tuning_job"));
    assertThrows(NoSuchJobException.class, () -> store.trainingJobsOf("gone"));
    // the other jobs are untouched
    assertEquals(2, store.trainingJobsOf("kept").size());
    assertEquals(1, store.logLines("kept-002", 0, 10).size());
    assertEquals(1, store.metrics("kept-002").size());
    assertEquals("kept-001", store.tuningJob("kept").orElseThrow().bestTrainingJob());
    assertTrue(store.trainingJob("lone").isPresent());

    // the name is free again, with sequence numbers from 1
    store.createTuningJob(new NewTuningJob("gone", "{}", T0));
    assertEquals(1, store.nextTrainingJobSequence("gone"));
    assertTrue(store.tuningJobAttribute("gone", TuningJobAttribute.BASE_DIR).isEmpty(), "no attribute survives");
  }

  private long count(String table) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("tunelab.db"));
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void unknownNameIsNoSuchJob() {
    assertThrows(NoSuchJobException.class, () -> store.deleteTuningJob("nope"));
  }

  @Test
  void refusedWhileItsOwnerLivesOrBeforeAnyOwnerClaimedIt() {
    tuningJob("running", 1, null);
    // no owner yet: a background process may be about to claim it
    JobStateException starting = assertThrows(JobStateException.class, () -> store.deleteTuningJob("running"));
    assertTrue(starting.getMessage().contains("stop-hyper-parameter-tuning-job running"), starting.getMessage());

    store.claimTuningJob("running");
    JobStateException owned = assertThrows(JobStateException.class, () -> store.deleteTuningJob("running"));
    assertTrue(owned.getMessage().contains("run by process " + ProcessHandle.current().pid()), owned.getMessage());

    store.requestStop("running");
    assertThrows(JobStateException.class, () -> store.deleteTuningJob("running"), "Stopping is still running");
    assertEquals(1, store.trainingJobsOf("running").size(), "nothing removed");
    assertEquals(1, store.logLines("running-001", 0, 10).size(), "nothing removed");
  }

  @Test
  void anOrphanedTuningJobWhoseProcessDiedMayBeDeleted() throws Exception {
    tuningJob("orphan", 2, null);
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    // a pid that ended (and, should it be reused, a start time no process has)
    store.putTuningJobAttribute("orphan", TuningJobAttribute.OWNER_PID,
        new ProcessOwner(p.pid(), Instant.EPOCH).encode());

    assertEquals(2, store.deleteTuningJob("orphan").size());
    assertTrue(store.tuningJob("orphan").isEmpty());
  }

  @Test
  void aReadOnlyStoreCannotDelete() {
    tuningJob("ro", 1, TuningJobStatus.Completed);
    try (JobStore ro = JobStore.openSqliteReadOnly(home)) {
      assertThrows(JobStoreException.class, () -> ro.deleteTuningJob("ro"));
    }
    assertTrue(store.tuningJob("ro").isPresent());
  }
}
