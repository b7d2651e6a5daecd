package dev.tunelab.cli;

import static dev.tunelab.cli.TuneTestSupport.json;
import static dev.tunelab.cli.TuneTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One home under load: two REAL {@code tunelab tune} processes, each running a 40-job tuning job
 * of the built-in XGBoost on the course data, while a reader polls
 * {@code describe-hyper-parameter-tuning-job} for both for as long as they run. No "database is
 * locked" (or SQLITE_BUSY) may reach the user, in any process's output, and every reader call
 * must succeed once its tuning job exists. Sharing the home must not change the results: with
 * the Random strategy, a RandomSeed and MaxParallelTrainingJobs 1, each tuning job tries the same
 * hyperparameters in the same order, with the same objectives, as the same spec run alone in a
 * home of its own.
 */
@Tag("slow")
class ConcurrentTuningLoadTest {

  static final int JOBS = 40;
  static final long WAIT_SECONDS = 240;
  /** What a store that gave up waiting for a lock says; none of it may reach the user. */
  static final List<String> LOCK_ERRORS = List.of("database is locked", "sqlite_busy", "sqlite_locked",
      "locked by another process", "database table is locked");

  @TempDir Path dir;

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopLeftovers() {
    started.forEach(Process::destroyForcibly);
  }

  /** The course spec as a fast 40-job Random run: 10 boosting rounds, one job at a time. */
  static ObjectNode spec(String name, int seed) {
    ObjectNode spec = TuneTestSupport.example(TuneTestSupport.COURSE_SPEC);
    spec.put("HyperParameterTuningJobName", name);
    TuneTestSupport.config(spec).put("Strategy", "Random").put("RandomSeed", seed);
    TuneTestSupport.limits(spec).put("MaxNumberOfTrainingJobs", JOBS).put("MaxParallelTrainingJobs", 1);
    ((ObjectNode) TuneTestSupport.definition(spec).get("StaticHyperParameters")).put("num_round", "10");
    return spec;
  }

  /** One training job's result: what was tried and what it scored. */
  record Trial(int sequence, Map<String, String> tuned, TrainingJobStatus status, Double objective) { }

  /** One reader call. */
  record Poll(String name, int exitCode, String out, String err) { }

  @Test
  void twoTuningProcessesAndAReaderShareOneHome() throws Exception {
    Path shared = dir.resolve("shared-home");
    String a = "load-a";
    String b = "load-b";
    Path specA = TuneTestSupport.write(dir, "a.json", spec(a, 7));
    Path specB = TuneTestSupport.write(dir, "b.json", spec(b, 8));

    Path logA = dir.resolve("tune-a.log");
    Path logB = dir.resolve("tune-b.log");
    Process tuneA = start(logA, "tune", specA.toString(), "--home", shared.toString());
    Process tuneB = start(logB, "tune", specB.toString(), "--home", shared.toString());

    // the reader: describe both tuning jobs, over and over, until both processes have ended
    List<Poll> polls = new ArrayList<>();
    AtomicBoolean done = new AtomicBoolean();
    Thread reader = new Thread(() -> {
      while (!done.get()) {
        for (String name : List.of(a, b)) {
          CliTestSupport.Run r = CliTestSupport.run(shared, "describe-hyper-parameter-tuning-job", name);
          polls.add(new Poll(name, r.exitCode(), r.out(), r.err()));
        }
      }
    }, "describe-reader");
    reader.start();
    long start = System.nanoTime();
    try {
      assertTrue(tuneA.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "tune a ended:\n" + TuneTestSupport.read(logA));
      assertTrue(tuneB.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "tune b ended:\n" + TuneTestSupport.read(logB));
    } finally {
      done.set(true);
      reader.join(TimeUnit.SECONDS.toMillis(60));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String outA = TuneTestSupport.read(logA);
    String outB = TuneTestSupport.read(logB);

    // the runs alone, each in a home of its own
    CliTestSupport.Run aloneA = ok(dir.resolve("home-a"), "tune", specA.toString());
    CliTestSupport.Run aloneB = ok(dir.resolve("home-b"), "tune", specB.toString());

    int during = (int) polls.stream().filter(p -> p.exitCode() == 0
        && json(p.out()).path("HyperParameterTuningJobStatus").asText().equals("InProgress")).count();
    System.out.printf("ConcurrentTuningLoadTest: 2 tune processes x %d jobs in %.1f s, %d describe calls (%d while a"
        + " tuning job was InProgress)%n", JOBS, seconds, polls.size(), during);

    // no lock error reaches the user, anywhere
    assertNoLockError("tune a", outA);
    assertNoLockError("tune b", outB);
    assertNoLockError("tune a alone", aloneA.all());
    assertNoLockError("tune b alone", aloneB.all());
    for (Poll p : polls) {
      assertNoLockError("describe " + p.name(), p.out() + p.err());
    }
    assertEquals(0, tuneA.exitValue(), outA);
    assertEquals(0, tuneB.exitValue(), outB);
    assertTrue(outA.contains("Tuning job " + a + ": Completed"), outA);
    assertTrue(outB.contains("Tuning job " + b + ": Completed"), outB);

    // every reader call succeeded, apart from "no such tuning job" before the tune process created it
    boolean[] seen = new boolean[2];
    for (Poll p : polls) {
      int i = p.name().equals(a) ? 0 : 1;
      if (p.exitCode() == 0) {
        seen[i] = true;
        JsonNode d = json(p.out());
        assertEquals(p.name(), d.get("HyperParameterTuningJobName").asText());
        int completed = d.get("TrainingJobStatusCounters").get("Completed").asInt();
        assertTrue(completed >= 0 && completed <= JOBS, d::toString);
      } else {
        assertTrue(!seen[i], () -> "describe failed after it had succeeded: exit " + p.exitCode() + "\n" + p.err());
        assertEquals(2, p.exitCode(), p::err);
        assertTrue(p.err().contains(p.name()), p::err);
      }
    }
    assertTrue(during >= 10, "the reader polled for the length of the runs: " + during + " calls saw a run InProgress");

    // the shared home holds the same results as the separate runs
    assertEquals(List.of("ok"), StoreIntegrity.check(shared));
    assertEquals(trials(dir.resolve("home-a"), a), trials(shared, a), "tuning job a, shared home vs alone");
    assertEquals(trials(dir.resolve("home-b"), b), trials(shared, b), "tuning job b, shared home vs alone");
    for (String name : List.of(a, b)) {
      JsonNode counters = json(ok(shared, "describe-hyper-parameter-tuning-job", name).out())
          .get("TrainingJobStatusCounters");
      assertEquals(JOBS, counters.get("Completed").asInt(), counters::toString);
      assertEquals(0, counters.get("RetryableError").asInt() + counters.get("NonRetryableError").asInt()
          + counters.get("InProgress").asInt() + counters.get("Stopped").asInt(), counters::toString);
    }
  }

  private Process start(Path log, String... args) throws Exception {
    Process p = TuneTestSupport.startCliProcess(log, args);
    started.add(p);
    return p;
  }

  /** The tuning job's training jobs in launch order, each Completed with an objective. */
  private static List<Trial> trials(Path home, String name) {
    try (JobStore store = JobStore.openSqlite(home)) {
      List<Trial> trials = store.trainingJobsOf(name).stream()
          .sorted(Comparator.comparingInt(TrainingJobRecord::sequence))
          .map(j -> new Trial(j.sequence(), j.tunedHyperParameters(), j.status(), j.objectiveValue())).toList();
      assertEquals(JOBS, trials.size(), name);
      trials.forEach(t -> assertEquals(TrainingJobStatus.Completed, t.status(), t::toString));
      return trials;
    }
  }

  private static void assertNoLockError(String who, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String e : LOCK_ERRORS) {
      assertTrue(!lower.contains(e), () -> who + " showed the user a lock error (" + e + "):\n" + text);
    }
  }
}
