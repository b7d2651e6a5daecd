package dev.tunelab.cli;

import static dev.tunelab.cli.TuneTestSupport.json;
import static dev.tunelab.cli.TuneTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.NewTrainingJob;
import dev.tunelab.core.store.NewTuningJob;
import dev.tunelab.core.store.ProcessOwner;
import dev.tunelab.core.store.TrainingJobResult;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobAttribute;
import dev.tunelab.core.store.TuningJobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI lifecycle verbs that need no background process: the waiters against jobs in every
 * state, delete-hyper-parameter-tuning-job after a blocking tune, --cli-input-json's bad inputs,
 * and stop/resume by --hyper-parameter-tuning-job-name.
 */
class LifecycleVerbsTest {

  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123Z");

  @TempDir Path dir;

  private Path home() {
    return dir.resolve("home");
  }

  /** A tuning job recorded directly in the store, ended with {@code status} (null: left InProgress). */
  private void tuningJob(String name, TuningJobStatus status) {
    try (JobStore store = JobStore.openSqlite(home())) {
      store.createTuningJob(new NewTuningJob(name, "{}", T0));
      if (status != null) {
        store.updateTuningJobStatus(name, status, status == TuningJobStatus.Failed ? "all failed" : null, null);
      }
    }
  }

  // ---- waiters -----------------------------------------------------------------------------

  @Test
  void tuningWaiterSucceedsSilentlyOnCompletedAndStopped() {
    tuningJob("done", TuningJobStatus.Completed);
    tuningJob("halted", TuningJobStatus.Stopped);
    for (String name : List.of("done", "halted")) {
      CliTestSupport.Run r = ok(home(), "wait", "hyper-parameter-tuning-job-completed-or-stopped",
          "--hyper-parameter-tuning-job-name", name);
      assertEquals("", r.out(), "the AWS CLI prints nothing when a waiter succeeds");
    }
    assertEquals(0, CliTestSupport.run(home(), "wait", "hyper-parameter-tuning-job-completed-or-stopped", "done")
        .exitCode(), "the name may be given positionally");
  }

  @Test
  void tuningWaiterFailsWithTheAwsMessageAndExit255() {
    tuningJob("broken", TuningJobStatus.Failed);
    CliTestSupport.Run r = CliTestSupport.run(home(), "wait", "hyper-parameter-tuning-job-completed-or-stopped",
        "--hyper-parameter-tuning-job-name", "broken");
    assertEquals(255, r.exitCode(), r::all);
    assertTrue(r.err().contains("Waiter HyperParameterTuningJobCompletedOrStopped failed: Waiter encountered a terminal"
        + " failure state: For expression \"HyperParameterTuningJobStatus\" we matched expected path: \"Failed\""), r.err());
    assertEquals("", r.out());
  }

  @Test
  void tuningWaiterFailsForAJobWhoseProcessDiedAndAfterMaxAttempts() throws Exception {
    tuningJob("orphan", null);
    tuningJob("running", null);
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    try (JobStore store = JobStore.openSqlite(home())) {
      store.putTuningJobAttribute("orphan", TuningJobAttribute.OWNER_PID,
          new ProcessOwner(gone.pid(), Instant.EPOCH).encode());
      store.claimTuningJob("running"); // this (live) process runs it
    }
    CliTestSupport.Run orphan = CliTestSupport.run(home(), "wait", "hyper-parameter-tuning-job-completed-or-stopped",
        "orphan", "--delay", "0.05", "--max-attempts", "1000");
    assertEquals(255, orphan.exitCode(), orphan::all);
    assertTrue(orphan.err().contains("has ended; `tunelab resume orphan` continues it"), orphan.err());

    long start = System.nanoTime();
    CliTestSupport.Run running = CliTestSupport.run(home(), "wait", "hyper-parameter-tuning-job-completed-or-stopped",
        "running", "--delay", "0.05", "--max-attempts", "3");
    assertEquals(255, running.exitCode(), running::all);
    assertTrue(running.err().contains("Waiter HyperParameterTuningJobCompletedOrStopped failed: Max attempts exceeded"),
        running.err());
    assertTrue(System.nanoTime() - start >= 100_000_000L, "two delays of 50 ms between three polls");
  }

  @Test
  void trainingWaiterCompletedFailedRunningAndUnknown() {
    try (JobStore store = JobStore.openSqlite(home())) {
      for (String n : List.of("ok", "bad", "busy")) {
        store.createTrainingJob(new NewTrainingJob(n, null, 0, Map.of(), Map.of(), null, T0, null));
        store.markTrainingStarted(n, T0);
      }
      store.finishTrainingJob("ok", new TrainingJobResult(TrainingJobStatus.Completed, T0.plusSeconds(1), Map.of(),
          null, null, null, 1));
      store.finishTrainingJob("bad", new TrainingJobResult(TrainingJobStatus.Failed, T0.plusSeconds(1), Map.of(),
          null, null, "AlgorithmError: exit 1", 1));
    }
    assertEquals("", ok(home(), "wait", "training-job-completed-or-stopped", "--training-job-name", "ok").out());

    CliTestSupport.Run bad = CliTestSupport.run(home(), "wait", "training-job-completed-or-stopped",
        "--training-job-name", "bad");
    assertEquals(255, bad.exitCode(), bad::all);
    assertTrue(bad.err().contains("Waiter TrainingJobCompletedOrStopped failed: Waiter encountered a terminal failure"
        + " state: For expression \"TrainingJobStatus\" we matched expected path: \"Failed\""), bad.err());

    // "busy" is owned by this live process: only --max-attempts ends the wait
    CliTestSupport.Run busy = CliTestSupport.run(home(), "wait", "training-job-completed-or-stopped", "busy",
        "--delay", "0.05", "--max-attempts", "2");
    assertEquals(255, busy.exitCode(), busy::all);
    assertTrue(busy.err().contains("Max attempts exceeded"), busy.err());

    CliTestSupport.Run unknown = CliTestSupport.run(home(), "wait", "training-job-completed-or-stopped",
        "--training-job-name", "nope");
    assertEquals(2, unknown.exitCode(), unknown::all);
    assertTrue(unknown.err().contains("--training-job-name: got 'nope'"), unknown.err());
  }

  @Test
  void waiterBadInputs() {
    tuningJob("done", TuningJobStatus.Completed);
    CliTestSupport.Run unknown = CliTestSupport.run(home(), "wait", "hyper-parameter-tuning-job-completed-or-stopped",
        "--hyper-parameter-tuning-job-name", "nope");
    assertEquals(2, unknown.exitCode(), unknown::all);
    assertTrue(unknown.err().contains("--hyper-parameter-tuning-job-name: got 'nope'"), unknown.err());
    for (String[] args : List.of(new String[] {"--delay", "0"}, new String[] {"--delay", "nan"},
        new String[] {"--max-attempts", "0"})) {
      CliTestSupport.Run r = CliTestSupport.run(home(), Stream.concat(
          Stream.of("wait", "hyper-parameter-tuning-job-completed-or-stopped", "done"), Stream.of(args))
          .toArray(String[]::new));
      assertEquals(2, r.exitCode(), () -> String.join(" ", args) + ": " + r.all());
      assertTrue(r.err().contains(args[0]), r.err());
    }
    assertEquals(2, CliTestSupport.run(home(), "wait").exitCode(), "a waiter's name is needed");
    assertEquals(2, CliTestSupport.run(home(), "wait", "hyper-parameter-tuning-job-completed-or-stopped").exitCode(),
        "a job name is needed");
  }

  // ---- delete --------------------------------------------------------------------------------

  @Test
  void deleteRemovesRowsAndFoldersAndFreesTheName() throws Exception {
    ObjectNode spec = TuneTestSupport.example(TuneTestSupport.COURSE_SPEC);
    spec.put("HyperParameterTuningJobName", "del-me");
    TuneTestSupport.limits(spec).put("MaxNumberOfTrainingJobs", 4);
    // relative channel paths resolve against the spec's folder: write it beside the example
    Path specFile = TuneTestSupport.write(dir, "spec.json", spec);
    rebaseChannels(spec, specFile);
    TuneTestSupport.write(dir, "spec.json", spec);
    ok(home(), "tune", specFile.toString());
    List<String> jobs;
    try (JobStore store = JobStore.openSqliteReadOnly(home())) {
      jobs = store.trainingJobsOf("del-me").stream().map(j -> j.name()).toList();
    }
    assertEquals(4, jobs.size());
    for (String j : jobs) {
      assertTrue(Files.isDirectory(home().resolve("jobs").resolve(j)), j);
    }
    // a kept sibling: another tuning job's folders must survive
    spec.put("HyperParameterTuningJobName", "keep-me");
    TuneTestSupport.write(dir, "spec.json", spec);
    ok(home(), "tune", specFile.toString());

    spec.put("HyperParameterTuningJobName", "del-me");
    TuneTestSupport.write(dir, "spec.json", spec);
    CliTestSupport.Run again = CliTestSupport.run(home(), "tune", specFile.toString());
    assertEquals(2, again.exitCode(), again::all);
    assertTrue(again.err().contains("delete-hyper-parameter-tuning-job del-me"), "the refusal says how to free the name: "
        + again.err());

    CliTestSupport.Run del = ok(home(), "delete-hyper-parameter-tuning-job", "--hyper-parameter-tuning-job-name", "del-me");
    assertEquals("", del.out(), "AWS returns an empty response");
    assertEquals(2, CliTestSupport.run(home(), "describe-hyper-parameter-tuning-job", "del-me").exitCode());
    try (JobStore store = JobStore.openSqliteReadOnly(home())) {
      for (String j : jobs) {
        assertTrue(store.trainingJob(j).isEmpty(), j);
        assertFalse(Files.exists(home().resolve("jobs").resolve(j)), j);
      }
      assertEquals(4, store.trainingJobsOf("keep-me").size());
      store.trainingJobsOf("keep-me").forEach(j -> assertTrue(Files.isDirectory(j.jobDir()), j.name()));
    }
    assertEquals(2, CliTestSupport.run(home(), "delete-hyper-parameter-tuning-job", "del-me").exitCode(),
        "a deleted job is unknown");

    ok(home(), "tune", specFile.toString());
    assertEquals("Completed", json(ok(home(), "describe-hyper-parameter-tuning-job", "del-me").out())
        .get("HyperParameterTuningJobStatus").asText(), "a new tuning job with the same name runs");
  }

  /** Makes the example's relative channel URIs absolute, so the spec can live in another folder. */
  private static void rebaseChannels(ObjectNode spec, Path specFile) {
    Path examples = CliTestSupport.repoRoot().resolve("examples");
    for (var channel : TuneTestSupport.definition(spec).get("InputDataConfig")) {
      ObjectNode s3 = (ObjectNode) channel.get("DataSource").get("S3DataSource");
      String uri = s3.get("S3Uri").asText();
      if (!uri.contains(":")) {
        s3.put("S3Uri", examples.resolve(uri).toString());
      }
    }
  }

  // ---- --cli-input-json ------------------------------------------------------------------------

  @Test
  void badCliInputJsonIsExit2NamingTheOptionAndRecordsNothing() throws Exception {
    Path notJson = Files.writeString(dir.resolve("bad.json"), "{\"HyperParameterTuningJobName\": ");
    Path array = Files.writeString(dir.resolve("array.json"), "[1, 2]");
    for (String verb : List.of("create-hyper-parameter-tuning-job", "create-training-job")) {
      for (String value : List.of("file://" + dir.resolve("missing.json"), dir.resolve("missing.json").toString(),
          "file://" + notJson, notJson.toString(), "{\"a\": ", "file://" + array, "")) {
        CliTestSupport.Run r = CliTestSupport.run(home(), verb, "--cli-input-json", value);
        assertEquals(2, r.exitCode(), () -> verb + " " + value + ": " + r.all());
        assertTrue(r.err().contains("--cli-input-json"), () -> verb + " " + value + ": " + r.err());
      }
      CliTestSupport.Run none = CliTestSupport.run(home(), verb);
      assertEquals(2, none.exitCode(), none::all);
      assertTrue(none.err().contains("--cli-input-json"), none.err());
    }
    // a well-formed request the spec parser refuses: exit 2 naming the field, nothing recorded
    ObjectNode spec = TuneTestSupport.example(TuneTestSupport.COURSE_SPEC);
    TuneTestSupport.limits(spec).put("MaxParallelTrainingJobs", 0);
    CliTestSupport.Run r = CliTestSupport.run(home(), "create-hyper-parameter-tuning-job", "--cli-input-json",
        spec.toString());
    assertEquals(2, r.exitCode(), r::all);
    assertTrue(r.err().contains("MaxParallelTrainingJobs"), r.err());
    // a good request with a bad --output or --query: refused before anything is created
    ObjectNode good = TuneTestSupport.example(TuneTestSupport.COURSE_SPEC);
    for (List<String> bad : List.of(List.of("--output", "yaml"), List.of("--query", "[bad"))) {
      List<String> args = new java.util.ArrayList<>(List.of("create-hyper-parameter-tuning-job", "--cli-input-json",
          good.toString()));
      args.addAll(bad);
      CliTestSupport.Run refused = CliTestSupport.run(home(), args.toArray(String[]::new));
      assertEquals(2, refused.exitCode(), refused::all);
      assertTrue(refused.err().contains(bad.get(0)), refused.err());
    }
    try (JobStore store = JobStore.openSqliteReadOnly(home())) {
      assertTrue(store.tuningJobs().isEmpty(), "nothing recorded");
      assertTrue(store.trainingJobs().isEmpty(), "nothing recorded");
    }
  }

  @Test
  void stopTrainingJobRefusesATuningJobsMemberAndAJobNoOtherProcessRuns() {
    tuningJob("tj", null);
    try (JobStore store = JobStore.openSqlite(home())) {
      store.createTrainingJob(new NewTrainingJob("tj-001", "tj", 1, Map.of(), Map.of(), null, T0, null));
      store.createTrainingJob(new NewTrainingJob("mine", null, 0, Map.of(), Map.of(), null, T0, null));
    }
    CliTestSupport.Run member = CliTestSupport.run(home(), "stop-training-job", "--training-job-name", "tj-001");
    assertEquals(2, member.exitCode(), member::all);
    assertTrue(member.err().contains("stop-hyper-parameter-tuning-job tj"), member.err());
    // recorded by this test's process, which runs no training: nothing to signal
    CliTestSupport.Run mine = CliTestSupport.run(home(), "stop-training-job", "mine");
    assertEquals(2, mine.exitCode(), mine::all);
    try (JobStore store = JobStore.openSqliteReadOnly(home())) {
      assertEquals(TrainingJobStatus.InProgress, store.trainingJob("mine").orElseThrow().status(), "nothing changed");
    }
  }

  // ---- stop and resume by option ------------------------------------------------------------

  @Test
  void stopAndResumeTakeTheAwsNameOption() {
    tuningJob("done", TuningJobStatus.Completed);
    for (String verb : List.of("stop-hyper-parameter-tuning-job", "resume")) {
      CliTestSupport.Run byOption = CliTestSupport.run(home(), verb, "--hyper-parameter-tuning-job-name", "done");
      assertEquals(2, byOption.exitCode(), byOption::all);
      assertTrue(byOption.err().contains("'done' is Completed"), verb + " found the job by the option: " + byOption.err());
      CliTestSupport.Run both = CliTestSupport.run(home(), verb, "done", "--hyper-parameter-tuning-job-name", "other");
      assertEquals(2, both.exitCode(), both::all);
      assertTrue(both.err().contains("--hyper-parameter-tuning-job-name"), both.err());
    }
    tuningJob("orphan", null);
    // nobody owns it: stop finishes it here, found by the option
    CliTestSupport.Run stop = ok(home(), "stop-hyper-parameter-tuning-job", "--hyper-parameter-tuning-job-name", "orphan");
    assertTrue(stop.out().contains("orphan: Stopped"), stop.out());
  }

  @Test
  void verbsOnAnUnknownJobNeitherCreateTheHomeNorAStore() throws Exception {
    Path fresh = dir.resolve("never-created");
    Path empty = Files.createDirectories(dir.resolve("empty-home"));
    List<List<String>> calls = List.of(
        List.of("delete-hyper-parameter-tuning-job", "--hyper-parameter-tuning-job-name", "x"),
        List.of("stop-hyper-parameter-tuning-job", "--hyper-parameter-tuning-job-name", "x"),
        List.of("stop-training-job", "--training-job-name", "x"),
        List.of("resume", "--hyper-parameter-tuning-job-name", "x"),
        List.of("transform", "--best-of", "x", "--input", "/dev/null", "--output", dir.resolve("p.csv").toString()));
    for (List<String> call : calls) {
      for (Path home : List.of(fresh, empty)) {
        CliTestSupport.Run r = CliTestSupport.run(home, call.toArray(String[]::new));
        assertEquals(2, r.exitCode(), () -> call + ": " + r.all());
        assertTrue(r.err().contains(call.get(1)), () -> call + " names the option: " + r.err());
      }
      assertFalse(Files.exists(fresh), () -> call + " created " + fresh);
      try (Stream<Path> s = Files.list(empty)) {
        assertEquals(List.of(), s.toList(), () -> call + " wrote into " + empty);
      }
    }
  }
}
