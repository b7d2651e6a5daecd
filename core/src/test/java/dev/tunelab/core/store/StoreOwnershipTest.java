package dev.tunelab.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who runs a job: tuning jobs are claimed atomically with the owner's pid and start time, and a
 * lone training job whose process is gone reads (and, in a writable store, is recorded) as a
 * retryable failure. Real processes stand in for dead owners and for pids reused by others.
 */
class StoreOwnershipTest {

  @TempDir Path home;

  /** A pid whose process has ended (and was reaped). */
  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    return p.pid();
  }

  /** A live process that is not this JVM: our parent. */
  private static ProcessHandle otherLiveProcess() {
    return ProcessHandle.current().parent().orElseThrow();
  }

  @Test
  void ownerIsAliveOnlyWhilePidAndStartTimeBothMatch() throws Exception {
    ProcessOwner me = ProcessOwner.current();
    assertTrue(me.isAlive());
    assertEquals(me, ProcessOwner.parse(me.encode()));
    assertFalse(new ProcessOwner(deadPid(), null).isAlive(), "a pid nobody uses");
    ProcessOwner parent = ProcessOwner.of(otherLiveProcess());
    assertTrue(parent.isAlive());
    // the same pid with another start time: the pid was reused by an unrelated process
    ProcessOwner reused = new ProcessOwner(parent.pid(), parent.start().minusSeconds(3600));
    assertFalse(reused.isAlive(), "a pid now used by a process that started later is not the owner");
    // stores written before the start time was recorded: the pid alone decides
    assertTrue(ProcessOwner.parse(Long.toString(parent.pid())).isAlive());
    assertThrows(JobStoreException.class, () -> ProcessOwner.parse("12x"));
  }

  @Test
  void claimingATuningJobRefusesALiveOwnerAndTakesOverADeadOrReusedOne() throws Exception {
    try (JobStore store = JobStore.openSqlite(home)) {
      store.createTuningJob(new NewTuningJob("tj", "{}", Instant.ofEpochMilli(1000)));
      assertEquals(Optional.empty(), store.claimTuningJob("tj"), "nobody owned it");
      assertEquals(ProcessOwner.current().encode(),
          store.tuningJobAttribute("tj", TuningJobAttribute.OWNER_PID).orElseThrow());
      assertEquals(ProcessOwner.current(), store.claimTuningJob("tj").orElseThrow(), "claiming again is fine");

      ProcessOwner live = ProcessOwner.of(otherLiveProcess());
      store.putTuningJobAttribute("tj", TuningJobAttribute.OWNER_PID, live.encode());
      JobStateException e = assertThrows(JobStateException.class, () -> store.claimTuningJob("tj"));
      assertTrue(e.getMessage().contains("another process") && e.getMessage().contains("pid " + live.pid()),
          e.getMessage());
      assertEquals(live.encode(), store.tuningJobAttribute("tj", TuningJobAttribute.OWNER_PID).orElseThrow(),
          "the loser changed nothing");

      ProcessOwner reused = new ProcessOwner(live.pid(), live.start().minusSeconds(86_400));
      store.putTuningJobAttribute("tj", TuningJobAttribute.OWNER_PID, reused.encode());
      assertEquals(reused, store.claimTuningJob("tj").orElseThrow(), "a reused pid does not block");

      store.putTuningJobAttribute("tj", TuningJobAttribute.OWNER_PID, Long.toString(deadPid()));
      store.claimTuningJob("tj");
      assertEquals(ProcessOwner.current().encode(),
          store.tuningJobAttribute("tj", TuningJobAttribute.OWNER_PID).orElseThrow());

      store.updateTuningJobStatus("tj", TuningJobStatus.Completed, null, null);
      JobStateException ended = assertThrows(JobStateException.class, () -> store.claimTuningJob("tj"));
      assertTrue(ended.getMessage().contains("Completed"), ended.getMessage());
    }
  }

  @Test
  void aLoneTrainingJobWhoseProcessDiedIsFailedRetryableWhereverItIsRead() throws Exception {
    long dead = deadPid();
    try (JobStore store = JobStore.openSqlite(home)) {
      store.createTrainingJob(lone("orphan"));
      store.createTrainingJob(lone("mine"));
      assertEquals(TrainingJobStatus.InProgress, store.trainingJob("orphan").orElseThrow().status(),
          "owned by this live process");
    }
    setOwner("orphan", dead + "@" + System.currentTimeMillis());

    // a read-only store says so without writing
    try (JobStore ro = JobStore.openSqliteReadOnly(home)) {
      TrainingJobRecord r = ro.trainingJob("orphan").orElseThrow();
      assertEquals(TrainingJobStatus.Failed, r.status());
      assertTrue(r.retryableFailure());
      assertTrue(r.failureReason().startsWith("RetryableError") && r.failureReason().contains("pid " + dead),
          r.failureReason());
      assertEquals(ObjectiveStatus.FAILED, r.objectiveStatus());
      assertEquals(TrainingJobStatus.Failed, ro.trainingJobs().stream()
          .filter(j -> j.name().equals("orphan")).findFirst().orElseThrow().status(), "list says so too");
      assertEquals(TrainingJobStatus.InProgress, ro.trainingJob("mine").orElseThrow().status());
    }
    assertEquals("InProgress", storedStatus("orphan"), "the read-only look wrote nothing");

    // opening for writing records it
    try (JobStore store = JobStore.openSqlite(home)) {
      assertEquals(TrainingJobStatus.Failed, store.trainingJob("orphan").orElseThrow().status());
    }
    assertEquals("Failed", storedStatus("orphan"));
    assertEquals("InProgress", storedStatus("mine"), "a job of a live process is left alone");
  }

  @Test
  void trainingJobsOfATuningJobAreLeftToResume() throws Exception {
    try (JobStore store = JobStore.openSqlite(home)) {
      store.createTuningJob(new NewTuningJob("tj", "{}", Instant.ofEpochMilli(1000)));
      store.createTrainingJob(new NewTrainingJob("tj-001-00000000", "tj", 1, Map.of(), Map.of(), null,
          Instant.ofEpochMilli(1000), null));
    }
    setOwner("tj-001-00000000", Long.toString(deadPid()));
    try (JobStore store = JobStore.openSqlite(home)) {
      assertEquals(TrainingJobStatus.InProgress, store.trainingJob("tj-001-00000000").orElseThrow().status(),
          "resume decides about the jobs of a tuning job (and does not count them)");
    }
  }

  @Test
  void aVersionTwoStoreIsReadAsItIsAndUpgradedWhenOpenedForWriting() throws Exception {
    try (JobStore store = JobStore.openSqlite(home)) {
      store.createTrainingJob(lone("old"));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("tunelab.db"));
         var st = c.createStatement()) {
      st.execute("ALTER TABLE training_job DROP COLUMN owner");
      st.execute("PRAGMA user_version = 2");
    }
    try (JobStore ro = JobStore.openSqliteReadOnly(home)) {
      assertEquals(TrainingJobStatus.InProgress, ro.trainingJob("old").orElseThrow().status(),
          "no owner recorded: nothing to decide");
    }
    try (JobStore store = JobStore.openSqlite(home)) {
      store.createTrainingJob(lone("new"));
      assertEquals(TrainingJobStatus.InProgress, store.trainingJob("old").orElseThrow().status());
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("tunelab.db"));
         var st = c.createStatement(); var rs = st.executeQuery("PRAGMA user_version")) {
      rs.next();
      assertEquals(Schema.VERSION, rs.getInt(1));
    }
  }

  private static NewTrainingJob lone(String name) {
    return new NewTrainingJob(name, null, 0, Map.of("a", "1"), Map.of(), "{}", Instant.ofEpochMilli(1000), null);
  }

  private void setOwner(String job, String owner) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("tunelab.db"));
         PreparedStatement ps = c.prepareStatement("UPDATE training_job SET owner = ? WHERE name = ?")) {
      ps.setString(1, owner);
      ps.setString(2, job);
      assertEquals(1, ps.executeUpdate());
    }
  }

  private String storedStatus(String job) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("tunelab.db"));
         PreparedStatement ps = c.prepareStatement("SELECT status FROM training_job WHERE name = ?")) {
      ps.setString(1, job);
      try (var rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

}
