package dev.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, fault 4 and the environment leak, with REAL {@code tunelab tune} processes running
 * bring-your-own jobs (byo/hold.sh, which leaves its pids and environment in ticket folders and
 * starts a {@code setsid sleep 1000 &} grandchild): SIGTERM, or Ctrl-C (SIGINT to the terminal's
 * whole process group), records the running jobs Stopped and prints the summary; after kill -9 of
 * {@code tune} no job process survives for more than a few seconds, and {@code resume} never has
 * more than MaxParallelTrainingJobs alive; a job does not see a secret of TuneLab's environment.
 */
@Tag("slow")
class ByoProcessLifetimeTest {

  private static final int PARALLEL = 2;

  @TempDir Path dir;

  private Path tickets;

  private Path spec(String name, String gate, int free, int jobs, int maxRuntime) throws Exception {
    tickets = Files.createDirectories(dir.resolve("tickets"));
    Map<String, String> statics = new java.util.HashMap<>(Map.of("tickets", tickets.toString(),
        "free", Integer.toString(free)));
    if (gate != null) {
      statics.put("gate", gate);
    }
    ObjectNode spec = ByoTuningTest.spec(dir, ByoTuningTest.script("/byo/hold.sh"), name, "Random",
        ByoTuningTest.continuousX(0, 1), statics, "loss=([0-9.]+)", jobs);
    TuneTestSupport.limits(spec).put("MaxParallelTrainingJobs", PARALLEL);
    ((ObjectNode) spec.get("TrainingJobDefinition").get("StoppingCondition")).put("MaxRuntimeInSeconds", maxRuntime);
    return TuneTestSupport.write(dir, "spec.json", spec);
  }

  /** Starts {@code tunelab ARGS} as a real JVM in a session of its own (its pid is its process group). */
  private Process startCli(Path log, Map<String, String> env, String... args) throws IOException {
    return TuneTestSupport.startCliProcess(log, List.of("setsid"), env, args);
  }


  /** Whether a pid runs (exists and is not a zombie waiting for its parent). */
  static boolean alive(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.ISO_8859_1);
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException e) {
      return false;
    }
  }

  private long pid(int ticket, String file) {
    try {
      Path p = tickets.resolve(Integer.toString(ticket)).resolve(file);
      return Files.exists(p) ? Long.parseLong(Files.readString(p).trim()) : -1;
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  /** Waits until the jobs of tickets first..last are holding (pid and grandchild written). */
  private void waitHolding(Process tune, Path log, int first, int last) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    for (int t = first; t <= last; t++) {
      while (pid(t, "grandchild") < 0 || pid(t, "pid") < 0) {
        if (!tune.isAlive() || System.nanoTime() > deadline) {
          fail("job " + t + " did not start holding:\n" + TuneTestSupport.read(log));
        }
        Thread.sleep(10);
      }
    }
  }

  /** Every pid (jobs and grandchildren) of the tickets so far. */
  private List<Long> allPids() throws IOException {
    List<Long> pids = new ArrayList<>();
    try (var ds = Files.newDirectoryStream(tickets)) {
      for (Path t : ds) {
        int n = Integer.parseInt(t.getFileName().toString());
        for (String f : List.of("pid", "grandchild")) {
          long p = pid(n, f);
          if (p > 0) {
            pids.add(p);
          }
        }
      }
    }
    return pids;
  }

  private void assertAllEndWithin(int seconds, String when) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Long> alive;
    do {
      alive = allPids().stream().filter(ByoProcessLifetimeTest::alive).toList();
      if (alive.isEmpty()) {
        return;
      }
      Thread.sleep(20);
    } while (System.nanoTime() < deadline);
    List<Long> left = alive;
    left.forEach(p -> ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly));
    fail(when + ": job processes still alive after " + seconds + " s: " + left);
  }

  /**
   * SIGTERM to tune, or SIGINT to its whole process group as a terminal's Ctrl-C sends it: the
   * two running jobs end Stopped (they used to end Failed, "AlgorithmError: exit code 137"), the
   * completed one is kept, the tuning job is Stopped, the summary is printed, nothing survives.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"TERM to the process", "INT to the process group"})
  void aSignalToTuneStopsByoJobsAsStoppedAndPrintsTheSummary(String how) throws Exception {
    String name = how.startsWith("TERM") ? "byo-sigterm" : "byo-ctrl-c";
    Path home = dir.resolve("home");
    Path specFile = spec(name, null, 1, 10, 300);
    Path log = dir.resolve("tune.log");
    // asynchronous: job 3 must start while job 1 holds (in order it would wait for job 1)
    Process tune = startCli(log, Map.of(), "tune", specFile.toString(), "--home", home.toString(), "--asynchronous");
    try {
      waitHolding(tune, log, 2, 3);
      Process kill = new ProcessBuilder("kill", how.startsWith("TERM") ? "-TERM" : "-INT", "--",
          how.startsWith("TERM") ? Long.toString(tune.pid()) : "-" + tune.pid()).inheritIO().start();
      assertEquals(0, kill.waitFor());
      assertTrue(tune.waitFor(60, TimeUnit.SECONDS), "tune ended after the signal:\n" + TuneTestSupport.read(log));
    } finally {
      tune.destroyForcibly();
    }
    String out = TuneTestSupport.read(log);
    assertTrue(out.contains("Tuning job " + name + ": Stopped"), "the summary is printed:\n" + out);
    assertTrue(out.contains("Training jobs: 3 launched, 1 Completed"), out);
    assertTrue(out.contains("Best training job: " + name + "-"), out); // the job that took ticket 1
    try (JobStore store = JobStore.openSqlite(home)) {
      assertEquals(TuningJobStatus.Stopped, store.tuningJob(name).orElseThrow().status());
      List<TrainingJobRecord> jobs = store.trainingJobsOf(name);
      assertEquals(3, jobs.size());
      long stopped = jobs.stream().filter(j -> j.status() == TrainingJobStatus.Stopped).count();
      assertEquals(2, stopped, () -> jobs.stream().map(j -> j.status() + " " + j.failureReason()).toList().toString());
    }
    assertAllEndWithin(3, "after the stop");
  }

  /**
   * kill -9 of tune: its watchdog ends the job processes, grandchildren in sessions of their own
   * included, within a few seconds; resume then never has more than MaxParallelTrainingJobs job
   * processes alive and ends Completed.
   */
  @Test
  void afterKillNineNoJobProcessSurvivesAndResumeKeepsToMaxParallel() throws Exception {
    String name = "byo-kill-nine";
    Path home = dir.resolve("home");
    Path gate = dir.resolve("gate");
    Path specFile = spec(name, gate.toString(), 1, 6, 300);
    Path log = dir.resolve("tune.log");
    // asynchronous: job 3 must start while job 1 holds (in order it would wait for job 1)
    Process tune = startCli(log, Map.of(), "tune", specFile.toString(), "--home", home.toString(), "--asynchronous");
    try {
      waitHolding(tune, log, 2, 3);
      tune.destroyForcibly();
      assertTrue(tune.waitFor(30, TimeUnit.SECONDS));
    } finally {
      tune.destroyForcibly();
    }
    assertAllEndWithin(5, "after kill -9 of tune");

    Files.writeString(gate, "4"); // the jobs of the resume (tickets 4...) may finish
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger maxAlive = new AtomicInteger();
    Thread monitor = new Thread(() -> {
      while (!done.get()) {
        try {
          int n = 0;
          try (var ds = Files.newDirectoryStream(tickets)) {
            for (Path t : ds) {
              long p = pid(Integer.parseInt(t.getFileName().toString()), "pid");
              if (p > 0 && alive(p)) {
                n++;
              }
            }
          }
          maxAlive.accumulateAndGet(n, Math::max);
          Thread.sleep(5);
        } catch (IOException | InterruptedException | RuntimeException e) {
          return;
        }
      }
    });
    monitor.start();
    CliTestSupport.Run resume;
    try {
      resume = CliTestSupport.run(home, "resume", name);
    } finally {
      done.set(true);
      monitor.join();
    }
    assertEquals(0, resume.exitCode(), resume::all);
    assertTrue(resume.out().contains("Tuning job " + name + ": Completed"), resume::out);
    assertTrue(maxAlive.get() <= PARALLEL, "at most " + PARALLEL + " job processes alive, saw " + maxAlive.get());
    assertTrue(maxAlive.get() >= 1, "the monitor saw the resumed jobs");
    assertAllEndWithin(3, "after resume");
  }

  /** A variable of tune's environment that is not PATH, HOME, locale, TZ or TMPDIR stays out of the job. */
  @Test
  void aSecretOfTunesEnvironmentIsNotPassedToJobs() throws Exception {
    String name = "byo-env";
    Path home = dir.resolve("home");
    Path specFile = spec(name, null, 10, 2, 60);
    Path log = dir.resolve("tune.log");
    Process tune = startCli(log, Map.of("PARENT_SECRET", "hunter2", "LC_TIME", "C"), "tune", specFile.toString(),
        "--home", home.toString());
    try {
      assertTrue(tune.waitFor(120, TimeUnit.SECONDS), TuneTestSupport.read(log));
    } finally {
      tune.destroyForcibly();
    }
    assertEquals(0, tune.exitValue(), TuneTestSupport.read(log));
    for (int t = 1; t <= 2; t++) {
      String env = Files.readString(tickets.resolve(Integer.toString(t)).resolve("env"));
      assertFalse(env.contains("PARENT_SECRET") || env.contains("hunter2"), env);
      assertTrue(env.lines().anyMatch(l -> l.startsWith("PATH=")), env);
      assertTrue(env.lines().anyMatch(l -> l.equals("LC_TIME=C")), env);
      assertTrue(env.lines().anyMatch(l -> l.startsWith("SM_CHANNEL_TRAIN=")), env);
    }
  }

  /** A metric regex that needs backtracking is refused before anything runs, naming field and RE2. */
  @Test
  void aBackreferenceRegexIsRefusedWithExitTwo() throws Exception {
    Path home = dir.resolve("home");
    ObjectNode spec = ByoTuningTest.spec(dir, ByoTuningTest.script("/byo/hold.sh"), "byo-backref", "Random",
        ByoTuningTest.continuousX(0, 1), Map.of(), "(['\"])loss=([0-9.]+)\\1", 2);
    CliTestSupport.Run r = CliTestSupport.run(home, "tune", TuneTestSupport.write(dir, "backref.json", spec).toString());
    assertEquals(2, r.exitCode(), r::all);
    assertTrue(r.err().contains("MetricDefinitions[0].Regex"), r::err);
    assertTrue(r.err().contains("RE2"), r::err);
  }
}
