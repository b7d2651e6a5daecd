package dev.tunelab.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.spec.MetricDefinition;
import dev.tunelab.core.train.RecordingListener;
import dev.tunelab.core.train.TrainingOutcome;
import dev.tunelab.core.train.TrainingOutcome.Status;
import dev.tunelab.core.train.TrainingRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes: a job's processes (even a grandchild that started a session of its own) end
 * with the job; the processes of a job whose TuneLab process died are reaped; metric extraction
 * cannot hang on what a job prints; jobs do not see TuneLab's environment beyond PATH, HOME,
 * locale, TZ and TMPDIR.
 */
class JobProcessLifetimeTest {

  @TempDir Path work;

  private TrainingRequest request(String name, Duration maxRuntime) {
    return new TrainingRequest(name, Map.of(), Map.of(), Map.of(), work.resolve("jobs").resolve(name),
        maxRuntime, 1, () -> false);
  }

  private ProcessCommand bash(String script) {
    return new ProcessCommand(List.of("bash", "-c", script), List.of(), work, Map.of());
  }

  static boolean alive(long pid) {
    return ProcStat.of(pid).map(ProcStat::running).orElse(false);
  }

  static long readPid(Path file) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Files.exists(file) || Files.readString(file).isBlank()) {
      assertTrue(System.nanoTime() < deadline, "no pid in " + file);
      Thread.sleep(10);
    }
    return Long.parseLong(Files.readString(file).trim());
  }

  /**
   * Issue 13, fault 1: (a+)+$ against a's ending in '!' made java.util.regex backtrack for
   * minutes on the training thread, where neither MaxRuntime nor a stop was checked. With RE2/J
   * the job is stopped at its MaxRuntime (2 s) although it prints such lines without end.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aPathologicalMetricRegexCannotKeepAJobPastItsMaxRuntime() {
    ProcessTrainer trainer = new ProcessTrainer(
        bash("while :; do printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\\n'; sleep 0.01; done"),
        List.of(new MetricDefinition("loss", "(a+)+$"), new MetricDefinition("other", "((a|aa)+)+b=(\\d+)")));
    long start = System.nanoTime();
    TrainingOutcome out = trainer.train(request("regex-job", Duration.ofSeconds(2)), new RecordingListener());
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(Status.STOPPED, out.status(), out.failureReason());
    assertTrue(out.failureReason().startsWith("MaxRuntimeExceeded"), out.failureReason());
    assertTrue(seconds < 15, "stopped near its MaxRuntime of 2 s, not after " + seconds + " s");
  }

  /** A job's background grandchild that started its own session ends with the job. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aDetachedGrandchildEndsWithItsJob() throws Exception {
    Path pidFile = work.resolve("grandchild.pid");
    Path jobPidFile = work.resolve("job.pid");
    ProcessTrainer trainer = new ProcessTrainer(bash("echo $$ > " + jobPidFile
        + "; setsid sleep 1000 </dev/null >/dev/null 2>&1 & echo $! > " + pidFile + "; echo loss=1"),
        List.of(new MetricDefinition("loss", "loss=(\\S+)")));
    TrainingOutcome out = trainer.train(request("detach-job", Duration.ofSeconds(60)), new RecordingListener());
    assertEquals(Status.COMPLETED, out.status(), out.failureReason());
    long job = readPid(jobPidFile);
    long grandchild = readPid(pidFile);
    assertFalse(alive(grandchild), "the setsid grandchild " + grandchild + " ended with the job");
    assertFalse(alive(job));
    if (JobSession.available()) {
      // the job ran as the leader of its own session
      assertFalse(Files.exists(work.resolve("jobs/detach-job").resolve(JobProcessRecord.FILE_NAME)),
          "the process record is removed when the job ends");
    }
  }

  /** The job's environment holds the contract's variables, PATH and HOME, and nothing else of TuneLab's. */
  @Test
  void jobsSeeOnlyTheInheritedSubsetOfTheEnvironment() {
    Map<String, String> env = JobEnvironment.inherited(Map.of("PATH", "/bin", "HOME", "/h", "LANG", "C.UTF-8",
        "LC_ALL", "C", "TZ", "UTC", "TMPDIR", "/t", "PARENT_SECRET", "hunter2", "AWS_SECRET_ACCESS_KEY", "k",
        "LD_PRELOAD", "/evil.so"));
    assertEquals(Map.of("PATH", "/bin", "HOME", "/h", "LANG", "C.UTF-8", "LC_ALL", "C", "TZ", "UTC",
        "TMPDIR", "/t"), env);
  }

  /**
   * The processes of a job whose TuneLab process died (kill -9, so neither its shutdown hook nor,
   * here, any watchdog ran) are ended by the reaper from the job folder's record: the job's
   * session and a grandchild in a session of its own; a record whose owner lives is left alone.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void theReaperEndsTheJobsOfADeadOwnerOnly() throws Exception {
    Path jobs = Files.createDirectories(work.resolve("jobs"));
    Process deadOwner = new ProcessBuilder("sleep", "60").start();
    long ownerTicks = ProcStat.of(deadOwner.pid()).orElseThrow().startTicks();
    deadOwner.destroyForcibly().waitFor();

    Path orphanDir = Files.createDirectories(jobs.resolve("orphan"));
    Path livingDir = Files.createDirectories(jobs.resolve("living"));
    Process orphan = startJob("orphan-token", orphanDir.resolve("grandchild.pid"));
    Process living = startJob("living-token", livingDir.resolve("grandchild.pid"));
    try {
      long orphanGrandchild = readPid(orphanDir.resolve("grandchild.pid"));
      long livingGrandchild = readPid(livingDir.resolve("grandchild.pid"));
      boolean session = JobSession.available();
      new JobProcessRecord(orphan.pid(), ProcStat.of(orphan.pid()).orElseThrow().startTicks(), deadOwner.pid(),
          ownerTicks, session, "orphan-token").write(orphanDir);
      JobProcessRecord.started(living.pid(), session, "living-token").write(livingDir);

      assertEquals(1, OrphanReaper.reap(jobs));
      assertTrue(orphan.waitFor(5, TimeUnit.SECONDS), "the orphaned job ended");
      assertFalse(alive(orphanGrandchild), "its detached grandchild ended");
      assertFalse(Files.exists(orphanDir.resolve(JobProcessRecord.FILE_NAME)), "its record is removed");
      assertTrue(living.isAlive() && alive(livingGrandchild), "a job of a living owner is left alone");
      assertTrue(Files.exists(livingDir.resolve(JobProcessRecord.FILE_NAME)));
    } finally {
      ProcessTree.orphan(orphan.pid(), -1, "orphan-token", false).signal(true);
      ProcessTree.orphan(living.pid(), -1, "living-token", false).signal(true);
    }
  }

  private static Process startJob(String token, Path grandchildPid) throws IOException {
    List<String> argv = new java.util.ArrayList<>(JobSession.prefix());
    argv.addAll(List.of("bash", "-c", "setsid sleep 1000 </dev/null >/dev/null 2>&1 & echo $! > " + grandchildPid
        + "; exec sleep 1000"));
    ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put(ProcessTree.TOKEN_VARIABLE, token);
    return pb.start();
  }
}
