package dev.tunelab.cli;

import static dev.tunelab.cli.TuneTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who owns a job, with real processes (issue 13, faults 2 and 3): two {@code resume} processes
 * started at once on a killed tuning job, of which exactly one runs; and a {@code train} killed
 * with -9, whose training job must end Failed (RetryableError) as soon as anyone looks.
 */
@Tag("slow")
class JobOwnerProcessTest {

  private static final int JOBS = 8;
  private static final int PARALLEL = 2;

  @TempDir Path dir;

  @Test
  void ofTwoResumesStartedAtOnceExactlyOneRunsAndTheOtherExitsTwo() throws Exception {
    Path home = dir.resolve("home");
    String name = "race-" + Long.toHexString(System.nanoTime() & 0xffffffL);
    Path gate = dir.resolve("gate");
    Path specFile = ByoTuningTest.gatedSpec(dir, name, JOBS, PARALLEL, 3, gate);

    Path tuneLog = dir.resolve("tune.log");
    // asynchronous: the gate frees the first three jobs to arrive, which need not be jobs 1-3
    Process tune = TuneTestSupport.startCliProcess(tuneLog, "tune", specFile.toString(), "--home", home.toString(),
        "--asynchronous");
    try {
      waitFor(() -> midway(home, name), tune, tuneLog);
      tune.destroyForcibly();
      assertTrue(tune.waitFor(30, TimeUnit.SECONDS));
    } finally {
      tune.destroyForcibly();
    }

    // both start at once; the new jobs of whichever wins wait at the gate, so the loser always
    // meets a live owner (and not a tuning job that already ended)
    Path logA = dir.resolve("resume-a.log");
    Path logB = dir.resolve("resume-b.log");
    Process a = TuneTestSupport.startCliProcess(logA, "resume", name, "--home", home.toString());
    Process b = TuneTestSupport.startCliProcess(logB, "resume", name, "--home", home.toString());
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (a.isAlive() && b.isAlive()) {
        if (System.nanoTime() > deadline) {
          fail("neither resume ended within 120 s:\n" + TuneTestSupport.read(logA) + "\n---\n"
              + TuneTestSupport.read(logB));
        }
        Thread.sleep(20);
      }
      Process loser = a.isAlive() ? b : a;
      Process winner = loser == a ? b : a;
      String loserLog = TuneTestSupport.read(loser == a ? logA : logB);
      assertTrue(loser.waitFor(30, TimeUnit.SECONDS));
      assertEquals(2, loser.exitValue(), loserLog);
      assertTrue(loserLog.contains("another process") && loserLog.contains("pid " + winner.pid()), loserLog);
      assertTrue(winner.isAlive(), "the winner still runs, held at the gate");

      Files.createFile(gate);
      assertTrue(winner.waitFor(120, TimeUnit.SECONDS), "the winner finished");
      String winnerLog = TuneTestSupport.read(winner == a ? logA : logB);
      assertEquals(0, winner.exitValue(), winnerLog);
      assertTrue(winnerLog.contains("Tuning job " + name + ": Completed"), winnerLog);
    } finally {
      a.destroyForcibly();
      b.destroyForcibly();
    }

    try (JobStore store = JobStore.openSqlite(home)) {
      assertEquals(TuningJobStatus.Completed, store.tuningJob(name).orElseThrow().status());
      List<TrainingJobRecord> jobs = store.trainingJobsOf(name);
      long completed = jobs.stream().filter(j -> j.status() == TrainingJobStatus.Completed).count();
      long failed = jobs.stream().filter(j -> j.status() == TrainingJobStatus.Failed).count();
      assertEquals(JOBS, completed, "exactly MaxNumberOfTrainingJobs completed");
      assertEquals(PARALLEL, failed, "only the jobs the kill interrupted failed: " + jobs);
      assertEquals(JOBS + PARALLEL, jobs.size());
      assertTrue(jobs.stream().filter(j -> j.status() == TrainingJobStatus.Failed)
          .allMatch(j -> j.retryableFailure() && j.failureReason().contains("tuning process ended")), jobs::toString);
    }
  }

  @Test
  void aTrainKilledWithSigkillEndsFailedRetryableAsSoonAsAnyoneLooks() throws Exception {
    Path home = dir.resolve("home");
    String name = "orphan-" + Long.toHexString(System.nanoTime() & 0xffffffL);
    Path gate = dir.resolve("gate");
    Path script = dir.resolve("hold.sh");
    Files.writeString(script, "echo started\nfor _ in $(seq 1200); do [ -e '" + gate
        + "' ] && break; sleep 0.1; done\necho loss=1\n");
    Files.writeString(dir.resolve("train.csv"), "1,2,3\n4,5,6\n");
    ObjectNode spec = Json.object();
    spec.put("TrainingJobName", name);
    ObjectNode alg = spec.putObject("AlgorithmSpecification");
    alg.put("TrainingInputMode", "File");
    alg.putArray("ContainerEntrypoint").add("bash").add(script.toString());
    alg.putArray("MetricDefinitions").addObject().put("Name", "loss").put("Regex", "loss=([0-9.]+)");
    spec.putObject("HyperParameters").put("x", "1");
    ObjectNode channel = spec.putArray("InputDataConfig").addObject();
    channel.put("ChannelName", "train");
    channel.putObject("DataSource").putObject("S3DataSource").put("S3DataType", "S3Prefix").put("S3Uri", "train.csv");
    spec.putObject("OutputDataConfig").put("S3OutputPath", "s3://tunelab-local/byo/output");
    spec.putObject("ResourceConfig").put("InstanceType", "ml.m5.large").put("InstanceCount", 1).put("VolumeSizeInGB", 1);
    spec.putObject("StoppingCondition").put("MaxRuntimeInSeconds", 300);
    Path specFile = TuneTestSupport.write(dir, "train.json", spec);

    Path log = dir.resolve("train.log");
    Process train = TuneTestSupport.startCliProcess(log, "train", specFile.toString(), "--home", home.toString());
    try {
      waitFor(() -> {
        try (JobStore store = JobStore.openSqliteReadOnly(home)) {
          return store.trainingJob(name).map(j -> !store.logLines(name, 0, 1).isEmpty()).orElse(false);
        }
      }, train, log);
      assertEquals(TrainingJobStatus.InProgress, describe(home, name).status(), "running");
      train.destroyForcibly();
      assertTrue(train.waitFor(30, TimeUnit.SECONDS));
      assertEquals(137, train.exitValue());

      // the reading commands (there is no list of lone training jobs) say Failed at once, without writing to the store
      JsonNode d = json(TuneTestSupport.ok(home, "describe-training-job", name).out());
      assertEquals("Failed", d.get("TrainingJobStatus").asText(), d::toString);
      String reason = d.get("FailureReason").asText();
      assertTrue(reason.startsWith("RetryableError") && reason.contains("pid " + train.pid()), reason);
      CliTestSupport.Run logs = assertTimeoutPreemptively(Duration.ofSeconds(30),
          () -> CliTestSupport.run(home, "logs", name, "--follow"));
      assertEquals(0, logs.exitCode(), logs::all);
      assertTrue(logs.out().contains("started"), logs::out);
      assertTrue(logs.err().contains("Failed") && logs.err().contains("RetryableError"), logs::err);

      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("tunelab.db"));
           ResultSet rs = c.createStatement().executeQuery(
               "SELECT status FROM training_job WHERE name = '" + name + "'")) {
        assertTrue(rs.next());
        assertEquals("InProgress", rs.getString(1), "describe and logs only read");
      }

      // the name stays taken (as SageMaker's names do), and the store now records the failure
      CliTestSupport.Run again = CliTestSupport.run(home, "train", specFile.toString());
      assertEquals(2, again.exitCode(), again::all);
      assertTrue(again.err().contains(name), again::err);
      try (JobStore store = JobStore.openSqliteReadOnly(home)) {
        TrainingJobRecord r = store.trainingJob(name).orElseThrow();
        assertEquals(TrainingJobStatus.Failed, r.status());
        assertTrue(r.retryableFailure());
      }
    } finally {
      train.destroyForcibly();
      Files.writeString(gate, ""); // lets the orphaned script end
    }
  }

  private static TrainingJobRecord describe(Path home, String name) {
    try (JobStore store = JobStore.openSqliteReadOnly(home)) {
      return store.trainingJob(name).orElseThrow();
    }
  }

  private static boolean midway(Path home, String name) {
    if (!Files.exists(home.resolve("tunelab.db"))) {
      return false;
    }
    try (JobStore store = JobStore.openSqliteReadOnly(home)) {
      if (store.tuningJob(name).isEmpty()) {
        return false;
      }
      List<TrainingJobRecord> jobs = store.trainingJobsOf(name);
      long completed = jobs.stream().filter(j -> j.status() == TrainingJobStatus.Completed).count();
      long running = jobs.stream().filter(j -> j.status() == TrainingJobStatus.InProgress).count();
      return completed == 3 && running == PARALLEL;
    }
  }

  /** A condition polled while the process runs. */
  @FunctionalInterface
  private interface Condition {
    boolean holds() throws Exception;
  }

  private static void waitFor(Condition c, Process p, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!c.holds()) {
      if (!p.isAlive()) {
        fail("the process ended early (exit " + p.exitValue() + "):\n" + TuneTestSupport.read(log));
      }
      if (System.nanoTime() > deadline) {
        fail("no progress within 120 s:\n" + TuneTestSupport.read(log));
      }
      Thread.sleep(20);
    }
  }
}
