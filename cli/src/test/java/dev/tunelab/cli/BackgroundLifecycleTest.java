package dev.tunelab.cli;

import static dev.tunelab.cli.TuneTestSupport.json;
import static dev.tunelab.cli.TuneTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobAttribute;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The create-* verbs with REAL background JVMs: the ARN comes back while the job runs on, the
 * waiters see it end, a killed background training JVM leaves its job Failed, and
 * delete-hyper-parameter-tuning-job refuses a tuning job that a background process runs.
 */
@Tag("slow")
class BackgroundLifecycleTest {

  /** Generous: the machine may be busy; the waiter returns as soon as the job ends. */
  private static final String[] WAIT = {"--delay", "0.2", "--max-attempts", "900"};

  @TempDir Path dir;

  @AfterEach
  void noBackgroundJvmLeft() throws Exception {
    // a failed assertion must not leave a background job running for minutes (ProcessHandle's
    // parent and arguments are not readable everywhere: the store names the processes)
    for (long pid : ownerPids(home())) {
      if (pid != ProcessHandle.current().pid()) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  /** The processes the store records as running jobs: lone training jobs' and tuning jobs' owners. */
  private static List<Long> ownerPids(Path home) throws Exception {
    List<Long> pids = new java.util.ArrayList<>();
    if (!Files.exists(home.resolve("tunelab.db"))) {
      return pids;
    }
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + home.resolve("tunelab.db"));
         var st = c.createStatement();
         var rs = st.executeQuery("SELECT owner FROM training_job WHERE owner IS NOT NULL"
             + " UNION SELECT value FROM tuning_job_attribute WHERE key = 'OwnerPid'")) {
      while (rs.next()) {
        pids.add(dev.tunelab.core.store.ProcessOwner.parse(rs.getString(1)).pid());
      }
    }
    return pids;
  }

  /** The process that recorded (owns) a lone training job. */
  private static long trainingJobOwner(Path home, String name) throws Exception {
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + home.resolve("tunelab.db"));
         var ps = c.prepareStatement("SELECT owner FROM training_job WHERE name = ?")) {
      ps.setString(1, name);
      try (var rs = ps.executeQuery()) {
        assertTrue(rs.next(), name);
        return dev.tunelab.core.store.ProcessOwner.parse(rs.getString(1)).pid();
      }
    }
  }

  private Path home() {
    return dir.resolve("home");
  }

  private static String[] waitArgs(String... args) {
    String[] all = new String[args.length + WAIT.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(WAIT, 0, all, args.length, WAIT.length);
    return all;
  }

  /** A lone BYO training request running {@code body} with bash, its channel beside it in {@code dir}. */
  private ObjectNode trainingRequest(String name, String body) throws Exception {
    Path script = Files.writeString(dir.resolve(name + ".sh"), body);
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
    // absolute: an inline request's relative paths resolve against the working folder
    channel.putObject("DataSource").putObject("S3DataSource").put("S3DataType", "S3Prefix")
        .put("S3Uri", dir.resolve("train.csv").toString());
    spec.putObject("OutputDataConfig").put("S3OutputPath", "s3://tunelab-local/byo/output");
    spec.putObject("ResourceConfig").put("InstanceType", "ml.m5.large").put("InstanceCount", 1).put("VolumeSizeInGB", 1);
    spec.putObject("StoppingCondition").put("MaxRuntimeInSeconds", 300);
    return spec;
  }

  @Test
  void createTuningJobFromFileReturnsTheArnAndTheJobCompletesInTheBackground() {
    Path spec = CliTestSupport.repoRoot().resolve(TuneTestSupport.COURSE_SPEC);
    CliTestSupport.Run create = ok(home(), "create-hyper-parameter-tuning-job", "--cli-input-json", "file://" + spec,
        "--hyper-parameter-tuning-job-name", "bg-Tune");
    JsonNode response = json(create.out());
    assertEquals(List.of("HyperParameterTuningJobArn"), iterable(response.fieldNames()));
    assertEquals("arn:aws:sagemaker:local:000000000000:hyper-parameter-tuning-job/bg-tune",
        response.get("HyperParameterTuningJobArn").asText());
    // recorded before the command returned
    ok(home(), "describe-hyper-parameter-tuning-job", "bg-Tune");

    CliTestSupport.Run waited = ok(home(), waitArgs("wait", "hyper-parameter-tuning-job-completed-or-stopped",
        "--hyper-parameter-tuning-job-name", "bg-Tune"));
    assertEquals("", waited.out());
    JsonNode describe = json(ok(home(), "describe-hyper-parameter-tuning-job", "bg-Tune").out());
    assertEquals("Completed", describe.get("HyperParameterTuningJobStatus").asText());
    assertEquals(20, describe.get("TrainingJobStatusCounters").get("Completed").asInt(), describe::toString);
    try (JobStore store = JobStore.openSqliteReadOnly(home())) {
      long owner = store.tuningJobAttribute("bg-Tune", TuningJobAttribute.OWNER_PID)
          .map(v -> dev.tunelab.core.store.ProcessOwner.parse(v).pid()).orElseThrow();
      assertTrue(owner != ProcessHandle.current().pid(), "it ran in another process");
    }
  }

  @Test
  void createTrainingJobInlineAndByPathThenWaitForSuccessAndFailure() throws Exception {
    ObjectNode good = trainingRequest("bg-good", "echo started\nsleep 1\necho loss=0.5\n");
    CliTestSupport.Run create = ok(home(), "create-training-job", "--cli-input-json", good.toString());
    assertEquals("arn:aws:sagemaker:local:000000000000:training-job/bg-good",
        json(create.out()).get("TrainingJobArn").asText());
    assertEquals(1, json(create.out()).size());
    ok(home(), "describe-training-job", "bg-good"); // recorded before the command returned

    // the AWS CLI idiom for scripts: the bare ARN
    CliTestSupport.Run bare = ok(home(), "create-training-job", "--cli-input-json",
        trainingRequest("bg-bare", "echo loss=0.25\n").toString(), "--query", "TrainingJobArn", "--output", "text");
    assertEquals("arn:aws:sagemaker:local:000000000000:training-job/bg-bare\n", bare.out());

    ObjectNode bad = trainingRequest("bg-bad", "echo about to fail\nexit 7\n");
    Path badFile = TuneTestSupport.write(dir, "bad.json", bad);
    ok(home(), "create-training-job", "--cli-input-json", badFile.toString());

    assertEquals("", ok(home(), waitArgs("wait", "training-job-completed-or-stopped", "--training-job-name", "bg-good"))
        .out());
    ok(home(), waitArgs("wait", "training-job-completed-or-stopped", "bg-bare"));
    JsonNode described = json(ok(home(), "describe-training-job", "bg-good").out());
    assertEquals("Completed", described.get("TrainingJobStatus").asText());

    CliTestSupport.Run failed = CliTestSupport.run(home(), waitArgs("wait", "training-job-completed-or-stopped", "bg-bad"));
    assertEquals(255, failed.exitCode(), failed::all);
    assertTrue(failed.err().contains("Waiter TrainingJobCompletedOrStopped failed: Waiter encountered a terminal failure"
        + " state: For expression \"TrainingJobStatus\" we matched expected path: \"Failed\""), failed.err());
    assertEquals("Failed", json(ok(home(), "describe-training-job", "bg-bad").out()).get("TrainingJobStatus").asText());
    assertTrue(Files.readString(home().resolve("training-jobs/bg-bad.log")).contains("bg-bad: Failed"),
        "the background process's log has its summary");

    // the name is taken now: refused at once, nothing started
    CliTestSupport.Run again = CliTestSupport.run(home(), "create-training-job", "--cli-input-json", "file://" + badFile);
    assertEquals(2, again.exitCode(), again::all);
    assertTrue(again.err().contains("TrainingJobName"), again.err());
  }

  @Test
  void aKilledBackgroundTrainingJvmLeavesItsJobFailedNotInProgress() throws Exception {
    Path gate = dir.resolve("gate");
    Path scriptPid = dir.resolve("script.pid");
    ObjectNode held = trainingRequest("bg-held", "echo $$ > '" + scriptPid + "'\necho started\nfor _ in $(seq 1200); do [ -e '"
        + gate + "' ] && break; sleep 0.1; done\necho loss=1\n");
    ok(home(), "create-training-job", "--cli-input-json", held.toString());
    long owner = trainingJobOwner(home(), "bg-held");
    assertTrue(owner != ProcessHandle.current().pid(), "a background JVM owns the job");
    ProcessHandle jvm = ProcessHandle.of(owner).orElseThrow(() -> new AssertionError("the background JVM runs"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(scriptPid) || Files.readString(scriptPid).isBlank()) {
      assertTrue(System.nanoTime() < deadline, "the job's command did not start");
      Thread.sleep(20);
    }
    // SIGKILL: the JVM records nothing more; the job's own process (which would give up after
    // 120 s) is ended too, as a dying container would be
    jvm.destroyForcibly();
    jvm.onExit().get(30, TimeUnit.SECONDS);
    ProcessHandle.of(Long.parseLong(Files.readString(scriptPid).trim())).ifPresent(ProcessHandle::destroyForcibly);

    CliTestSupport.Run waited = CliTestSupport.run(home(), waitArgs("wait", "training-job-completed-or-stopped", "bg-held"));
    assertEquals(255, waited.exitCode(), waited::all);
    JsonNode described = json(ok(home(), "describe-training-job", "bg-held").out());
    assertEquals("Failed", described.get("TrainingJobStatus").asText());
    assertTrue(described.get("FailureReason").asText().contains("RetryableError"), described::toString);
    assertTrue(described.get("FailureReason").asText().contains(Long.toString(jvm.pid())), described::toString);
  }

  @Test
  void stopTrainingJobStopsTheBackgroundJobAndTheWaiterAcceptsStopped() throws Exception {
    Path gate = dir.resolve("gate");
    Path scriptPid = dir.resolve("stop.pid");
    ObjectNode held = trainingRequest("bg-stop", "echo $$ > '" + scriptPid + "'\necho started\nfor _ in $(seq 1200); do [ -e '"
        + gate + "' ] && break; sleep 0.1; done\necho loss=1\n");
    ok(home(), "create-training-job", "--cli-input-json", held.toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(scriptPid) || Files.readString(scriptPid).isBlank()) {
      assertTrue(System.nanoTime() < deadline, "the job's command did not start");
      Thread.sleep(20);
    }
    CliTestSupport.Run stop = ok(home(), "stop-training-job", "--training-job-name", "bg-stop");
    assertEquals("", stop.out(), "AWS returns an empty response");
    assertEquals("", ok(home(), waitArgs("wait", "training-job-completed-or-stopped", "bg-stop")).out());
    JsonNode described = json(ok(home(), "describe-training-job", "bg-stop").out());
    assertEquals("Stopped", described.get("TrainingJobStatus").asText(), described::toString);
    long script = Long.parseLong(Files.readString(scriptPid).trim());
    assertFalse(ProcessHandle.of(script).map(ProcessHandle::isAlive).orElse(false), "the job's command was ended");

    CliTestSupport.Run again = CliTestSupport.run(home(), "stop-training-job", "bg-stop");
    assertEquals(2, again.exitCode(), again::all);
    assertTrue(again.err().contains("is Stopped"), again.err());
    assertEquals(2, CliTestSupport.run(home(), "stop-training-job", "nope").exitCode());
  }

  @Test
  void deleteIsRefusedWhileABackgroundProcessRunsTheTuningJobAndWorksAfterTheStop() throws Exception {
    Path gate = dir.resolve("never");
    Path specFile = ByoTuningTest.gatedSpec(dir, "bg-held", 4, 2, 0, gate);
    ok(home(), "create-hyper-parameter-tuning-job", "--cli-input-json", specFile.toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    try (JobStore store = JobStore.openSqliteReadOnly(home())) {
      while (true) {
        Optional<String> owner = store.tuningJobAttribute("bg-held", TuningJobAttribute.OWNER_PID);
        List<TrainingJobRecord> jobs = store.trainingJobsOf("bg-held");
        if (owner.isPresent() && jobs.stream().filter(j -> j.status() == TrainingJobStatus.InProgress).count() == 2) {
          break;
        }
        if (System.nanoTime() > deadline) {
          fail("the background tuning job did not start 2 jobs:\n" + TuneTestSupport.read(
              home().resolve("tuning-jobs/bg-held.log")));
        }
        Thread.sleep(20);
      }
    }
    CliTestSupport.Run refused = CliTestSupport.run(home(), "delete-hyper-parameter-tuning-job", "bg-held");
    assertEquals(2, refused.exitCode(), refused::all);
    assertTrue(refused.err().contains("stop-hyper-parameter-tuning-job bg-held"), refused.err());
    List<Path> folders;
    try (JobStore store = JobStore.openSqliteReadOnly(home())) {
      folders = store.trainingJobsOf("bg-held").stream().map(TrainingJobRecord::jobDir).toList();
    }
    folders.forEach(f -> assertTrue(Files.isDirectory(f), "nothing removed: " + f));

    ok(home(), "stop-hyper-parameter-tuning-job", "--hyper-parameter-tuning-job-name", "bg-held");
    assertEquals("", ok(home(), waitArgs("wait", "hyper-parameter-tuning-job-completed-or-stopped", "bg-held")).out(),
        "Stopped satisfies the waiter");
    assertEquals("", ok(home(), "delete-hyper-parameter-tuning-job", "--hyper-parameter-tuning-job-name", "bg-held").out());
    assertEquals(2, CliTestSupport.run(home(), "describe-hyper-parameter-tuning-job", "bg-held").exitCode());
    folders.forEach(f -> assertFalse(Files.exists(f), "removed: " + f));
    assertFalse(Files.exists(home().resolve("tuning-jobs/bg-held.log")), "its background log is removed too");
  }

  @Test
  void aTuningJobWhoseBackgroundJvmDiesIsAnOrphanTheWaiterReportsAndDeleteRemoves() throws Exception {
    Path gate = dir.resolve("gate");
    Path specFile = ByoTuningTest.gatedSpec(dir, "bg-orphan", 4, 2, 0, gate);
    ok(home(), "create-hyper-parameter-tuning-job", "--cli-input-json", "file://" + specFile);
    long owner;
    try (JobStore store = JobStore.openSqliteReadOnly(home())) {
      owner = store.tuningJobAttribute("bg-orphan", TuningJobAttribute.OWNER_PID)
          .map(v -> dev.tunelab.core.store.ProcessOwner.parse(v).pid())
          .orElseThrow(() -> new AssertionError("the background JVM is the owner as soon as the command returns"));
    }
    assertTrue(owner != ProcessHandle.current().pid());
    // SIGKILL, whether or not it has claimed the job yet: either way nobody runs it now
    ProcessHandle jvm = ProcessHandle.of(owner).orElseThrow();
    jvm.destroyForcibly();
    jvm.onExit().get(30, TimeUnit.SECONDS);
    Files.writeString(gate, "open"); // any job command it started finishes at once

    CliTestSupport.Run waited = CliTestSupport.run(home(), waitArgs("wait", "hyper-parameter-tuning-job-completed-or-stopped",
        "bg-orphan"));
    assertEquals(255, waited.exitCode(), waited::all);
    assertTrue(waited.err().contains("`tunelab resume bg-orphan` continues it"), waited.err());
    assertEquals("", ok(home(), "delete-hyper-parameter-tuning-job", "bg-orphan").out(), "an orphan may be deleted");
    assertEquals(2, CliTestSupport.run(home(), "describe-hyper-parameter-tuning-job", "bg-orphan").exitCode());
  }

  @Test
  void theTuningWaiterFailsWhenTheTuningJobFails() throws Exception {
    // no training job ever prints the objective: every one fails, and so does the tuning job
    ObjectNode spec = ByoTuningTest.spec(dir, ByoTuningTest.script(), "bg-fail", "Random",
        ByoTuningTest.continuousX(0, 1), Map.of(), "never=([0-9.]+)", 2);
    ok(home(), "create-hyper-parameter-tuning-job", "--cli-input-json", "file://" + TuneTestSupport.write(dir, "f.json", spec));
    CliTestSupport.Run r = CliTestSupport.run(home(), waitArgs("wait", "hyper-parameter-tuning-job-completed-or-stopped",
        "--hyper-parameter-tuning-job-name", "bg-fail"));
    assertEquals(255, r.exitCode(), r::all);
    assertTrue(r.err().contains("Waiter HyperParameterTuningJobCompletedOrStopped failed: Waiter encountered a terminal"
        + " failure state: For expression \"HyperParameterTuningJobStatus\" we matched expected path: \"Failed\""), r.err());
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
