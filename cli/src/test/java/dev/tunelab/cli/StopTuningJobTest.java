package dev.tunelab.cli;

import static dev.tunelab.cli.TuneTestSupport.json;
import static dev.tunelab.cli.TuneTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobAttribute;
import dev.tunelab.core.store.TuningJobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tune --no-wait} starts a tuning job in a background process (a REAL second JVM that
 * TuneLab launches itself); {@code stop-hyper-parameter-tuning-job} from this process then takes
 * it through Stopping to Stopped, with its running training jobs stopped and none left running.
 * The training command (byo/gate.sh with no gate) lets the first two jobs finish and keeps every
 * later one running until it is stopped, so the stop always meets exactly two running jobs.
 */
@Tag("slow")
class StopTuningJobTest {

  private static final int JOBS = 40;

  @TempDir Path dir;

  @Test
  void stopFromAnotherProcess() throws Exception {
    Path home = dir.resolve("home");
    String name = "stop-me";
    Path tickets = Files.createDirectories(dir.resolve("tickets"));
    ObjectNode spec = ByoTuningTest.spec(dir, ByoTuningTest.script("/byo/gate.sh"), name, "Random",
        ByoTuningTest.continuousX(0, 1), Map.of("tickets", tickets.toString(), "free", "2"), "loss=([0-9.]+)", JOBS);
    Path specFile = TuneTestSupport.write(dir, "spec.json", spec);

    CliTestSupport.Run start = ok(home, "tune", specFile.toString(), "--no-wait");
    assertEquals(name, start.out().trim(), "--no-wait prints the tuning job's name and returns");
    Path log = home.resolve("tuning-jobs").resolve(name + ".log");
    Optional<ProcessHandle> owner = Optional.empty();
    try (JobStore store = JobStore.openSqlite(home)) {
      assertEquals(TuningJobStatus.InProgress, store.tuningJob(name).orElseThrow().status());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (true) {
        owner = store.tuningJobAttribute(name, TuningJobAttribute.OWNER_PID).map(v -> dev.tunelab.core.store.ProcessOwner.parse(v).pid()).flatMap(ProcessHandle::of);
        List<TrainingJobRecord> jobs = store.trainingJobsOf(name);
        if (count(jobs, TrainingJobStatus.Completed) == 2 && count(jobs, TrainingJobStatus.InProgress) == 2
            && owner.isPresent()) {
          break;
        }
        if (store.tuningJob(name).orElseThrow().status() != TuningJobStatus.InProgress || System.nanoTime() > deadline) {
          fail("the background tuning job did not reach 2 completed and 2 running jobs:\n" + TuneTestSupport.read(log));
        }
        Thread.sleep(10);
      }
      assertTrue(owner.get().pid() != ProcessHandle.current().pid(), "it runs in another process");

      CliTestSupport.Run stop = CliTestSupport.run(home, "stop-hyper-parameter-tuning-job", name);
      assertEquals(0, stop.exitCode(), stop::all);
      int stopping = stop.out().indexOf(name + ": Stopping");
      int stopped = stop.out().indexOf(name + ": Stopped");
      assertTrue(stopping >= 0 && stopped > stopping, "prints Stopping then Stopped:\n" + stop.out());

      ProcessHandle background = owner.get();
      assertTrue(background.onExit().get(60, TimeUnit.SECONDS) != null, "the background process ends");
      assertEquals(TuningJobStatus.Stopped, store.tuningJob(name).orElseThrow().status());
      List<TrainingJobRecord> jobs = store.trainingJobsOf(name);
      assertEquals(4, jobs.size(), "two finished, two stopped while waiting, none started after the stop");
      for (TrainingJobRecord j : jobs) {
        assertTrue(j.status().isTerminal(), () -> j.name() + " left " + j.status());
        assertNotNull(j.endTime(), j.name());
      }
      assertEquals(2, count(jobs, TrainingJobStatus.Completed), "jobs completed before the stop are kept");
      assertEquals(2, count(jobs, TrainingJobStatus.Stopped), "the running jobs are stopped");
    } finally {
      owner.ifPresent(ProcessHandle::destroyForcibly);
    }

    JsonNode describe = json(ok(home, "describe-hyper-parameter-tuning-job", name).out());
    assertEquals("Stopped", describe.get("HyperParameterTuningJobStatus").asText());
    assertTrue(describe.has("HyperParameterTuningEndTime"));
    assertTrue(describe.has("BestTrainingJob"), "the best of the completed jobs is kept");
    JsonNode c = describe.get("TrainingJobStatusCounters");
    assertEquals(0, c.get("InProgress").asInt(), c::toString);
    assertEquals(2, c.get("Completed").asInt(), c::toString);
    assertEquals(2, c.get("Stopped").asInt(), c::toString);
    int total = c.get("Completed").asInt() + c.get("Stopped").asInt() + c.get("RetryableError").asInt()
        + c.get("NonRetryableError").asInt();
    assertEquals(total, json(ok(home, "list-training-jobs-for-hyper-parameter-tuning-job", name, "--output", "json")
        .out()).get("TrainingJobSummaries").size(), "every training job counted once");
    assertTrue(TuneTestSupport.read(log).contains("Stopped"), "the background process reported the stop:\n"
        + TuneTestSupport.read(log));

    // a stopped tuning job can be neither stopped again nor resumed
    assertEquals(2, CliTestSupport.run(home, "stop-hyper-parameter-tuning-job", name).exitCode());
    assertEquals(2, CliTestSupport.run(home, "resume", name).exitCode());
  }

  private static long count(List<TrainingJobRecord> jobs, TrainingJobStatus status) {
    return jobs.stream().filter(j -> j.status() == status).count();
  }
}
