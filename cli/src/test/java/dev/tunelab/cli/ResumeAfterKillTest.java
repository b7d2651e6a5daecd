package dev.tunelab.cli;

import static dev.tunelab.cli.TuneTestSupport.json;
import static dev.tunelab.cli.TuneTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a REAL {@code tunelab tune} process in the middle of a tuning job, then
 * {@code tunelab resume}: the tuning job ends Completed with exactly MaxNumberOfTrainingJobs
 * completed training jobs, keeps every job completed before the kill unchanged, and turns the
 * jobs the kill interrupted into retryable failures that do not count.
 *
 * <p>The training command (byo/gate.sh) lets the first three jobs finish and holds every later
 * one until the test opens a gate file, so the kill always meets exactly MaxParallelTrainingJobs
 * running jobs instead of racing jobs of a few milliseconds on a loaded machine.
 */
@Tag("slow")
class ResumeAfterKillTest {

  private static final int JOBS = 12;
  private static final int PARALLEL = 2;

  @TempDir Path dir;

  @Test
  void killNineThenResumeEndsWithTheExactCount() throws Exception {
    Path home = dir.resolve("home");
    String name = "kill-resume-" + Long.toHexString(System.nanoTime() & 0xffffffL);
    Path gate = dir.resolve("gate");
    Path specFile = ByoTuningTest.gatedSpec(dir, name, JOBS, PARALLEL, 3, gate);
    Path log = dir.resolve("tune.log");

    // asynchronous: the gate frees the first three jobs to arrive, which need not be jobs 1-3; in
    // order, a held job 3 would hold back job 5 until its MaxRuntime
    Process tune = TuneTestSupport.startCliProcess(log, "tune", specFile.toString(), "--home", home.toString(),
        "--asynchronous");
    Map<String, Double> completedBeforeKill = new LinkedHashMap<>();
    Set<String> interrupted = new HashSet<>();
    try {
      waitUntilMidway(tune, home, name, log);
      tune.destroyForcibly(); // SIGKILL: no shutdown hook, no clean stop
      assertTrue(tune.waitFor(30, TimeUnit.SECONDS), "the killed process ended");
      assertEquals(137, tune.exitValue(), "killed by SIGKILL");
    } finally {
      tune.destroyForcibly();
    }

    try (JobStore store = JobStore.openSqlite(home)) {
      assertEquals(TuningJobStatus.InProgress, store.tuningJob(name).orElseThrow().status(),
          "a killed tuning process leaves its tuning job InProgress");
      for (TrainingJobRecord j : store.trainingJobsOf(name)) {
        if (j.status() == TrainingJobStatus.Completed) {
          completedBeforeKill.put(j.name(), j.objectiveValue());
        } else if (!j.status().isTerminal()) {
          interrupted.add(j.name());
        }
      }
    }
    assertEquals(3, completedBeforeKill.size(), completedBeforeKill::toString);
    assertEquals(PARALLEL, interrupted.size(), "the kill interrupted the jobs held at the gate");
    Files.createFile(gate); // the jobs of the resume (and the killed process's orphans) may finish now

    CliTestSupport.Run resume = CliTestSupport.run(home, "resume", name);
    assertEquals(0, resume.exitCode(), resume::all);
    assertTrue(resume.out().contains("Tuning job " + name + ": Completed"), resume::out);
    assertTrue(resume.out().contains(interrupted.size() + " training job(s) left InProgress marked Failed"), resume::out);

    try (JobStore store = JobStore.openSqlite(home)) {
      assertEquals(TuningJobStatus.Completed, store.tuningJob(name).orElseThrow().status());
      List<TrainingJobRecord> jobs = store.trainingJobsOf(name);
      Set<String> names = new HashSet<>();
      Pattern namePattern = Pattern.compile(Pattern.quote(name) + "-\\d{3}-[0-9a-f]{8}");
      int completed = 0;
      for (TrainingJobRecord j : jobs) {
        assertTrue(names.add(j.name()), "no duplicate training job name: " + j.name());
        assertTrue(namePattern.matcher(j.name()).matches(), j.name());
        assertTrue(j.status().isTerminal(), () -> "no training job left " + j.status() + ": " + j.name());
        if (j.status() == TrainingJobStatus.Completed) {
          completed++;
        }
        if (interrupted.contains(j.name())) {
          assertEquals(TrainingJobStatus.Failed, j.status(), j.name());
          assertTrue(j.retryableFailure(), j.name());
          assertNotNull(j.failureReason());
          assertTrue(j.failureReason().startsWith("RetryableError"), j.failureReason());
        } else {
          assertEquals(TrainingJobStatus.Completed, j.status(), () -> j.name() + ": " + j.failureReason());
        }
      }
      assertEquals(JOBS, completed, "exactly MaxNumberOfTrainingJobs completed");
      assertEquals(JOBS + interrupted.size(), jobs.size(), "the interrupted jobs were replaced, not counted");
      for (Map.Entry<String, Double> e : completedBeforeKill.entrySet()) {
        TrainingJobRecord j = store.trainingJob(e.getKey()).orElseThrow();
        assertEquals(TrainingJobStatus.Completed, j.status(), "completed before the kill: " + e.getKey());
        assertEquals(e.getValue(), j.objectiveValue(), "objective unchanged: " + e.getKey());
      }
      String best = store.tuningJob(name).orElseThrow().bestTrainingJob();
      double min = jobs.stream().filter(j -> j.objectiveValue() != null).mapToDouble(TrainingJobRecord::objectiveValue)
          .min().orElseThrow();
      assertEquals(min, store.trainingJob(best).orElseThrow().objectiveValue(), 0.0, "best over both processes' jobs");
    }

    JsonNode describe = json(ok(home, "describe-hyper-parameter-tuning-job", name).out());
    JsonNode counters = describe.get("TrainingJobStatusCounters");
    assertEquals(JOBS, counters.get("Completed").asInt(), counters::toString);
    assertEquals(interrupted.size(), counters.get("RetryableError").asInt(), counters::toString);
    assertEquals(0, counters.get("NonRetryableError").asInt(), counters::toString);
    assertEquals(0, counters.get("InProgress").asInt(), counters::toString);

    // a finished tuning job cannot be resumed, and nothing changes
    CliTestSupport.Run again = CliTestSupport.run(home, "resume", name);
    assertEquals(2, again.exitCode(), again::all);
    assertTrue(again.err().contains(name) && again.err().contains("Completed"), again::err);
    try (JobStore store = JobStore.openSqlite(home)) {
      assertEquals(JOBS + interrupted.size(), store.trainingJobsOf(name).size());
    }
  }

  @Test
  void resumeOfAnUnknownTuningJobIsBadInput() {
    CliTestSupport.Run r = CliTestSupport.run(dir.resolve("home"), "resume", "no-such-tuning-job");
    assertEquals(2, r.exitCode(), r::all);
    assertTrue(r.err().contains("no-such-tuning-job"), r::err);
  }

  /** Polls the store until >= 3 training jobs completed and one is running. */
  private static void waitUntilMidway(Process tune, Path home, String name, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.exists(home.resolve("tunelab.db"))) {
      check(tune, deadline, log);
      Thread.sleep(20);
    }
    try (JobStore store = JobStore.openSqlite(home)) {
      while (true) {
        check(tune, deadline, log);
        if (store.tuningJob(name).isPresent()) {
          List<TrainingJobRecord> jobs = store.trainingJobsOf(name);
          long completed = jobs.stream().filter(j -> j.status() == TrainingJobStatus.Completed).count();
          long running = jobs.stream().filter(j -> j.status() == TrainingJobStatus.InProgress).count();
          if (completed == 3 && running == PARALLEL) {
            return;
          }
        }
        Thread.sleep(5);
      }
    }
  }

  private static void check(Process tune, long deadline, Path log) {
    if (!tune.isAlive()) {
      fail("the tune process ended before it could be killed (exit " + tune.exitValue() + "):\n"
          + TuneTestSupport.read(log));
    }
    if (System.nanoTime() > deadline) {
      fail("no progress within 120 s:\n" + TuneTestSupport.read(log));
    }
  }
}
