package dev.tunelab.cli;

import static dev.tunelab.cli.TuneTestSupport.json;
import static dev.tunelab.cli.TuneTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kill -9 of a REAL {@code tunelab tune} process at seeded moments, then {@code tunelab resume}
 * (a real process too): every time the tuning job ends Completed with exactly
 * MaxNumberOfTrainingJobs completed training jobs and consistent TrainingJobStatusCounters, every
 * job completed before a kill is still Completed with the same objective, no job process is left
 * alive, never more than MaxParallelTrainingJobs job processes run at once, and SQLite's
 * {@code PRAGMA integrity_check} passes right after each kill and at the end.
 *
 * <p>The jobs are bring-your-own {@code byo/crash-job.sh} runs of about half a second: a burst of
 * 2,000 metric lines (the store is written all the time), then silent work. A job whose tuner
 * died during the silent work lingers for 30 s, as a long training job would, so a job process
 * that outlives its tuner is there to be found. Every job process carries a per-case marker in
 * its command line ({@code --marker}) and its environment ({@code Environment}), which is how
 * {@link MarkedProcesses} finds it and its children in {@code /proc}.
 *
 * <p>Kill moments (15 kills in 13 cases): eight deterministic states of the run (the store file
 * just created, the tuning job just created, the first job just launched, metric lines being
 * stored, both slots running, half the jobs done, the last wave running, a job process in its
 * silent work), each plus a seeded
 * jitter of 0-29 ms; three delays drawn from {@code Random(SEED)} over the first 1.2 s after the
 * tuning job exists; and two cases that also kill the first {@code resume}, a seeded 0-599 ms
 * after it launched its first job, and resume a second time.
 */
@Tag("slow")
class CrashResumeTest {

  /** Seed of every kill delay. */
  static final long SEED = 20261202L;
  static final int JOBS = 6;
  static final int PARALLEL = 2;
  static final int BURST_LINES = 2000;
  static final int QUIET_MILLIS = 400;
  static final long WAIT_SECONDS = 120;

  /** A state of the killed run after which the kill comes. */
  enum Trigger {
    /** tunelab.db exists: the tune process is creating its store. */
    STORE_CREATED,
    /** The tuning job's row exists; maybe no training job yet. */
    TUNING_JOB_CREATED,
    /** A training job is InProgress: a bring-your-own process was just launched. */
    FIRST_JOB_RUNNING,
    /** A running job already has stored metric points: its burst is being written to the store. */
    METRICS_STREAMING,
    /** Two jobs InProgress: both slots hold a running bring-your-own process. */
    BOTH_SLOTS_RUNNING,
    /** Three jobs Completed and one running. */
    HALF_DONE,
    /** Four jobs Completed and one running: the last wave. */
    LAST_WAVE_RUNNING,
    /**
     * A job process is in its silent work (its {@code sleep} child is alive), where it does not
     * notice a dead tuner: the kill leaves it running as an orphan unless TuneLab reaps it.
     */
    SILENT_WORK
  }

  /**
   * One case.
   *
   * @param label             its name in reports
   * @param trigger           the state of the tune process after which it is killed
   * @param delayMillis       how long after the trigger the kill comes
   * @param resumeKillMillis  if {@code >= 0}, the first resume is killed too, this long after it
   *                          launched its first training job, and a second resume finishes
   */
  record KillPoint(String label, Trigger trigger, long delayMillis, long resumeKillMillis) {
    @Override
    public String toString() {
      return label;
    }
  }

  /** The 13 cases, their delays drawn from {@code Random(SEED)}. */
  static Stream<KillPoint> killPoints() {
    Random random = new Random(SEED);
    List<KillPoint> points = new ArrayList<>();
    for (Trigger t : Trigger.values()) {
      long jitter = random.nextInt(30);
      points.add(new KillPoint(t.name().toLowerCase() + " +" + jitter + "ms", t, jitter, -1));
    }
    for (int i = 0; i < 3; i++) {
      long delay = random.nextInt(1200);
      points.add(new KillPoint("seeded: tuning_job_created +" + delay + "ms", Trigger.TUNING_JOB_CREATED, delay, -1));
    }
    for (int i = 0; i < 2; i++) {
      long delay = random.nextInt(400);
      long resumeDelay = random.nextInt(600);
      points.add(new KillPoint("seeded: tuning_job_created +" + delay + "ms, then resume killed at first job +"
          + resumeDelay + "ms", Trigger.TUNING_JOB_CREATED, delay, resumeDelay));
    }
    return points.stream();
  }

  @TempDir Path dir;

  private final String marker = "crash-marker-" + UUID.randomUUID();
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    started.forEach(Process::destroyForcibly);
    MarkedProcesses.killAll(marker); // job processes this case's runs left behind
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("killPoints")
  void killNineThenResumeLosesNothing(KillPoint point) throws Exception {
    Path home = dir.resolve("home");
    String name = "crash-" + Long.toHexString(System.nanoTime() & 0xffffffL);
    ObjectNode spec = ByoTuningTest.spec(dir, ByoTuningTest.script("/byo/crash-job.sh"), name, "Random",
        ByoTuningTest.continuousX(0, 1), Map.of("marker", marker, "burst", Integer.toString(BURST_LINES),
            "quiet-ms", Integer.toString(QUIET_MILLIS)), "loss=([0-9.]+)", JOBS);
    TuneTestSupport.limits(spec).put("MaxParallelTrainingJobs", PARALLEL);
    TuneTestSupport.definition(spec).putObject("Environment").put("CRASH_TEST_MARKER", marker);
    Path specFile = TuneTestSupport.write(dir, "spec.json", spec);

    int kills = 0;
    boolean existedAtKill;
    Map<String, Double> completedBeforeAKill = new LinkedHashMap<>();
    Set<String> interrupted = new TreeSet<>();
    List<String> processViolations = new ArrayList<>();
    int mostJobProcesses = 0;

    // 1. tune, killed at the point
    Path tuneLog = dir.resolve("tune.log");
    Process tune = start(tuneLog, "tune", specFile.toString(), "--home", home.toString());
    waitFor(point.trigger(), tune, home, name, tuneLog, marker);
    Thread.sleep(point.delayMillis());
    kill(tune, tuneLog, "tune");
    kills++;
    Snapshot snap = snapshot(home, name, "after killing tune at " + point);
    existedAtKill = snap.tuningJob().isPresent();
    completedBeforeAKill.putAll(snap.completed());
    interrupted.addAll(snap.unfinished());

    // 2. resume (killed too in the double-kill cases), until one finishes
    int round = 0;
    while (true) {
      round++;
      Path log = dir.resolve("resume-" + round + ".log");
      boolean killThisOne = point.resumeKillMillis() >= 0 && round == 1;
      boolean exists = snap.tuningJob().isPresent();
      Process resume = start(log, "resume", name, "--home", home.toString());
      Watch watch = watch(resume, snap, killThisOne ? point.resumeKillMillis() : -1);
      processViolations.addAll(watch.violations());
      mostJobProcesses = Math.max(mostJobProcesses, watch.mostJobProcesses());
      String out = TuneTestSupport.read(log);
      if (watch.killed()) {
        assertEquals(137, resume.exitValue(), "resume killed by SIGKILL");
        kills++;
        snap = snapshot(home, name, "after killing resume " + round);
        for (Map.Entry<String, Double> e : completedBeforeAKill.entrySet()) {
          assertEquals(e.getValue(), snap.completed().get(e.getKey()), "still Completed with the same objective after "
              + "the second kill: " + e.getKey());
        }
        completedBeforeAKill.putAll(snap.completed());
        interrupted.addAll(snap.unfinished());
        continue;
      }
      assertNoStackTrace(out);
      if (!exists) {
        // killed before the tuning job existed: nothing to resume, and the same spec starts afresh
        assertEquals(2, resume.exitValue(), out);
        assertTrue(out.contains(name), out);
        Path again = dir.resolve("tune-again.log");
        Process retune = start(again, "tune", specFile.toString(), "--home", home.toString());
        Watch w = watch(retune, snap, -1);
        processViolations.addAll(w.violations());
        mostJobProcesses = Math.max(mostJobProcesses, w.mostJobProcesses());
        assertEquals(0, retune.exitValue(), TuneTestSupport.read(again));
        assertNoStackTrace(TuneTestSupport.read(again));
      } else if (snap.tuningJob().get().status().isTerminal()) {
        // killed after the tuning job was Completed: nothing to resume, nothing changes
        assertEquals(TuningJobStatus.Completed, snap.tuningJob().get().status());
        assertEquals(2, resume.exitValue(), out);
        assertTrue(out.contains("Completed"), out);
      } else {
        assertEquals(0, resume.exitValue(), out);
        assertTrue(out.contains("Tuning job " + name + ": Completed"), out);
      }
      break;
    }

    // 3. no job process outlives the runs. Depends on i13-proc (job processes in their own
    //    process group, reaped by resume from the recorded PIDs): without it, a job killed during
    //    its silent work lingers as an orphan, and resume runs beside it.
    List<MarkedProcesses.Proc> left = lingering(2_000);
    List<String> integrity = StoreIntegrity.check(home);
    System.out.printf("CrashResumeTest [%s]: %d kill(s), tuning job existed at the kill: %s, %d job(s) interrupted,"
        + " %d completed before a kill, at most %d job processes at once during resume, %d left alive, integrity %s%n",
        point, kills, existedAtKill, interrupted.size(), completedBeforeAKill.size(), mostJobProcesses, left.size(), integrity);

    // 4. the store: exact counts, nothing lost
    assertEquals(List.of("ok"), integrity, "PRAGMA integrity_check at the end");
    try (JobStore store = JobStore.openSqlite(home)) {
      assertEquals(TuningJobStatus.Completed, store.tuningJob(name).orElseThrow().status());
      List<TrainingJobRecord> jobs = store.trainingJobsOf(name);
      int completed = 0;
      int failed = 0;
      Set<String> names = new HashSet<>();
      for (TrainingJobRecord j : jobs) {
        assertTrue(names.add(j.name()), "no duplicate training job name: " + j.name());
        if (j.status() == TrainingJobStatus.Completed) {
          completed++;
          double x = Double.parseDouble(j.tunedHyperParameters().get("x"));
          assertEquals(ByoTuningTest.expectedObjective(x), j.objectiveValue(), 2e-6, "the objective of " + j.name());
        } else {
          failed++;
          assertEquals(TrainingJobStatus.Failed, j.status(), () -> j.name() + ": " + j.failureReason());
          assertTrue(interrupted.contains(j.name()), () -> "only jobs a kill interrupted fail: " + j.name() + " "
              + j.failureReason());
          assertTrue(j.retryableFailure() && j.failureReason().startsWith("RetryableError"),
              () -> j.name() + ": " + j.failureReason());
        }
      }
      assertEquals(JOBS, completed, "exactly MaxNumberOfTrainingJobs completed");
      for (Map.Entry<String, Double> e : completedBeforeAKill.entrySet()) {
        TrainingJobRecord j = store.trainingJob(e.getKey()).orElseThrow();
        assertEquals(TrainingJobStatus.Completed, j.status(), "Completed before a kill: " + e.getKey());
        assertEquals(e.getValue(), j.objectiveValue(), "the same objective as before the kill: " + e.getKey());
      }
      double min = jobs.stream().filter(j -> j.status() == TrainingJobStatus.Completed)
          .mapToDouble(TrainingJobRecord::objectiveValue).min().orElseThrow();
      String best = store.tuningJob(name).orElseThrow().bestTrainingJob();
      assertEquals(min, store.trainingJob(best).orElseThrow().objectiveValue(), 0.0, "the best over every run");

      JsonNode counters = json(ok(home, "describe-hyper-parameter-tuning-job", name).out())
          .get("TrainingJobStatusCounters");
      assertEquals(JOBS, counters.get("Completed").asInt(), counters::toString);
      assertEquals(failed, counters.get("RetryableError").asInt(), counters::toString);
      assertEquals(0, counters.get("NonRetryableError").asInt(), counters::toString);
      assertEquals(0, counters.get("InProgress").asInt(), counters::toString);
      assertEquals(0, counters.get("Stopped").asInt(), counters::toString);
    }

    // depends on i13-proc (see 3.)
    assertTrue(processViolations.isEmpty(), () -> "while resume ran: " + String.join("\n", processViolations));
    assertTrue(mostJobProcesses <= PARALLEL, "at most MaxParallelTrainingJobs job processes at once during resume, saw "
        + mostJobProcesses);
    assertTrue(left.isEmpty(), () -> "job processes alive after the last run ended: " + left);
  }

  // ---------------------------------------------------------------------------------------------

  private Process start(Path log, String... args) throws Exception {
    Process p = TuneTestSupport.startCliProcess(log, args);
    started.add(p);
    return p;
  }

  /** SIGKILL (Process.destroyForcibly on Linux); the process must still have been running. */
  private static void kill(Process p, Path log, String what) throws Exception {
    assertTrue(p.isAlive(), () -> what + " ended before the kill:\n" + TuneTestSupport.read(log));
    p.destroyForcibly();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), what + " ended after SIGKILL");
    assertEquals(137, p.exitValue(), () -> what + " was killed by SIGKILL:\n" + TuneTestSupport.read(log));
  }

  /** Polls the home until the run reaches {@code trigger}. */
  private static void waitFor(Trigger trigger, Process tune, Path home, String name, Path log, String marker)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    Path db = home.resolve("tunelab.db");
    while (!Files.exists(db)) {
      check(tune, deadline, log, trigger);
      Thread.sleep(1);
    }
    if (trigger == Trigger.STORE_CREATED) {
      return;
    }
    if (trigger == Trigger.SILENT_WORK) {
      while (MarkedProcesses.find(marker).stream().noneMatch(p -> p.commandLine().startsWith("sleep "))) {
        check(tune, deadline, log, trigger);
        Thread.sleep(10);
      }
      return;
    }
    try (JobStore store = JobStore.openSqlite(home)) {
      while (true) {
        check(tune, deadline, log, trigger);
        if (store.tuningJob(name).isPresent() && reached(trigger, store, name)) {
          return;
        }
        Thread.sleep(10);
      }
    }
  }

  private static boolean reached(Trigger trigger, JobStore store, String name) {
    List<TrainingJobRecord> jobs = store.trainingJobsOf(name);
    Predicate<TrainingJobRecord> running = j -> !j.status().isTerminal();
    long inProgress = jobs.stream().filter(running).count();
    long completed = jobs.stream().filter(j -> j.status() == TrainingJobStatus.Completed).count();
    return switch (trigger) {
      case STORE_CREATED, TUNING_JOB_CREATED, SILENT_WORK -> true;
      case FIRST_JOB_RUNNING -> inProgress >= 1;
      case METRICS_STREAMING -> jobs.stream().filter(running).anyMatch(j -> !store.metrics(j.name()).isEmpty());
      case BOTH_SLOTS_RUNNING -> inProgress == PARALLEL;
      case HALF_DONE -> completed >= JOBS / 2 && inProgress >= 1;
      case LAST_WAVE_RUNNING -> completed >= JOBS - PARALLEL && inProgress >= 1;
    };
  }

  private static void check(Process tune, long deadline, Path log, Trigger trigger) {
    if (!tune.isAlive()) {
      fail("tune ended (exit " + tune.exitValue() + ") before " + trigger + ":\n" + TuneTestSupport.read(log));
    }
    if (System.nanoTime() > deadline) {
      fail("no " + trigger + " within " + WAIT_SECONDS + " s:\n" + TuneTestSupport.read(log));
    }
  }

  /**
   * The store right after a kill.
   *
   * @param tuningJob  the tuning job, if the kill came after it was created
   * @param completed  Completed training jobs and their objectives
   * @param unfinished training jobs not in a terminal state (the kill interrupted them)
   * @param names      every training job name
   */
  record Snapshot(Optional<TuningJobRecord> tuningJob, Map<String, Double> completed, Set<String> unfinished,
      Set<String> names) { }

  private static Snapshot snapshot(Path home, String name, String when) {
    // the raw store the kill left, before any TuneLab code opens it again
    List<String> integrity = StoreIntegrity.check(home);
    assertTrue(integrity.equals(List.of("ok")) || integrity.equals(List.of("no store")),
        () -> "PRAGMA integrity_check " + when + ": " + integrity);
    if (integrity.equals(List.of("no store"))) {
      return new Snapshot(Optional.empty(), Map.of(), Set.of(), Set.of());
    }
    try (JobStore store = JobStore.openSqlite(home)) {
      Optional<TuningJobRecord> tuning = store.tuningJob(name);
      Map<String, Double> completed = new LinkedHashMap<>();
      Set<String> unfinished = new HashSet<>();
      Set<String> names = new HashSet<>();
      if (tuning.isPresent()) {
        for (TrainingJobRecord j : store.trainingJobsOf(name)) {
          names.add(j.name());
          if (j.status() == TrainingJobStatus.Completed) {
            completed.put(j.name(), j.objectiveValue());
          } else if (!j.status().isTerminal()) {
            unfinished.add(j.name());
          }
        }
      }
      return new Snapshot(tuning, completed, unfinished, names);
    }
  }

  /**
   * What the job processes did while one resume (or tune) process ran.
   *
   * @param killed           whether the test killed the process
   * @param mostJobProcesses the most training jobs with a live process at one sample
   * @param violations       a job process of an interrupted job seen alive after a new job's
   *                         process started, and the like
   */
  record Watch(boolean killed, int mostJobProcesses, List<String> violations) { }

  /**
   * Samples /proc every few milliseconds until {@code p} ends; with {@code killAfterMillis >= 0}
   * kills it that long after its first new training job process appeared.
   */
  private Watch watch(Process p, Snapshot before, long killAfterMillis) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    long firstNewJob = -1;
    int most = 0;
    List<String> violations = new ArrayList<>();
    while (p.isAlive()) {
      if (System.nanoTime() > deadline) {
        fail("the process did not end within " + WAIT_SECONDS + " s");
      }
      List<MarkedProcesses.Proc> procs = MarkedProcesses.find(marker);
      Set<String> jobsAlive = procs.stream().filter(MarkedProcesses.Proc::inCommandLine)
          .map(MarkedProcesses.Proc::trainingJobName).collect(Collectors.toCollection(TreeSet::new));
      most = Math.max(most, jobsAlive.size());
      boolean newJob = jobsAlive.stream().anyMatch(j -> !before.names().contains(j));
      if (newJob && firstNewJob < 0) {
        firstNewJob = System.nanoTime();
      }
      if (newJob) {
        List<MarkedProcesses.Proc> stale = procs.stream().filter(q -> before.names().contains(q.trainingJobName()))
            .toList();
        if (!stale.isEmpty() && violations.size() < 5) {
          violations.add("processes of interrupted jobs alive while new jobs run " + jobsAlive + ": " + stale);
        }
      }
      if (killAfterMillis >= 0 && firstNewJob >= 0
          && System.nanoTime() - firstNewJob >= TimeUnit.MILLISECONDS.toNanos(killAfterMillis)) {
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Watch(true, most, violations);
      }
      Thread.sleep(25);
    }
    if (killAfterMillis >= 0) {
      fail("resume ended before it could be killed, exit " + p.exitValue());
    }
    return new Watch(false, most, violations);
  }

  /** The marked processes still alive after waiting up to {@code millis} for them to go. */
  private List<MarkedProcesses.Proc> lingering(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    List<MarkedProcesses.Proc> left = MarkedProcesses.find(marker);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
      left = MarkedProcesses.find(marker);
    }
    return left;
  }

  private static void assertNoStackTrace(String log) {
    assertTrue(!log.contains("\tat ") && !log.contains("Exception"), () -> "no stack trace or exception:\n" + log);
  }
}
