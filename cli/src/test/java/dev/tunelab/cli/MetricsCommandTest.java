package dev.tunelab.cli;

import static dev.tunelab.cli.TuneTestSupport.json;
import static dev.tunelab.cli.TuneTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.MetricPoint;
import dev.tunelab.core.store.NewTrainingJob;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobAttribute;
import dev.tunelab.core.store.TuningJobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tunelab metrics}: the rows of a job's stored metrics in the SDK dataframe's shape and
 * order in every format, metric names from a spec escaped (and CSV-quoted), bad input refused,
 * and a job that is still running in another process read while it runs.
 */
class MetricsCommandTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final String ESC_NAME = "esc\u001b[31m";

  @TempDir Path dir;

  /** A stored job (started at T0 + 0.5 s) with two rounds of two metrics and two oddly named ones. */
  private Path storeWithOneJob() {
    Path home = dir.resolve("home");
    try (JobStore store = JobStore.openSqlite(home)) {
      store.createTrainingJob(new NewTrainingJob("mj", null, 0, Map.of(), Map.of(), null, T0, null));
      store.markTrainingStarted("mj", T0.plusMillis(500));
      store.appendMetrics("mj", List.of(
          new MetricPoint("train:rmse", 0, 20.5, T0.plusMillis(1000)),
          new MetricPoint("validation:rmse", 0, 21.25, T0.plusMillis(1000)),
          new MetricPoint("train:rmse", 1, 15.0, T0.plusMillis(1250)),
          new MetricPoint("validation:rmse", 1, Double.NaN, T0.plusMillis(1250)),
          new MetricPoint("a,\"b\"", 0, 1.5, T0.plusMillis(1300)),
          new MetricPoint(ESC_NAME, 0, 2.0, T0.plusMillis(1301))));
    }
    return home;
  }

  @Test
  void csvIsGroupedByMetricQuotedAndEscaped() {
    Path home = storeWithOneJob();
    String csv = ok(home, "metrics", "mj", "--output", "csv").out();
    assertEquals(List.of(
        "timestamp,metric_name,value,round",
        "0.500,train:rmse,20.5,0",
        "0.750,train:rmse,15.0,1",
        "0.500,validation:rmse,21.25,0",
        "0.750,validation:rmse,NaN,1",
        "0.800,\"a,\"\"b\"\"\",1.5,0",
        "0.801,esc\\u001b[31m,2.0,0"), csv.lines().toList());
    assertFalse(csv.contains("\u001b"), "no control character reaches the terminal");
  }

  @Test
  void jsonKeepsTheDataAndTableIsAligned() {
    Path home = storeWithOneJob();
    String text = ok(home, "metrics", "mj", "--output", "json").out();
    assertFalse(text.contains("\u001b"), "JSON escapes it as \\u001B");
    JsonNode doc = json(text);
    assertEquals("mj", doc.get("TrainingJobName").asText());
    assertEquals("InProgress", doc.get("TrainingJobStatus").asText());
    assertEquals(T0.plusMillis(500).toString(), doc.get("TrainingStartTime").asText());
    JsonNode rows = doc.get("Metrics");
    assertEquals(6, rows.size());
    assertEquals(0.75, rows.get(1).get("timestamp").asDouble());
    assertEquals(15.0, rows.get(1).get("value").asDouble());
    assertEquals(1, rows.get(1).get("round").asInt());
    assertTrue(rows.get(3).get("value").isNull(), "NaN is null in JSON, as pandas writes it");
    assertEquals(ESC_NAME, rows.get(5).get("metric_name").asText(), "the name itself is kept");

    String table = ok(home, "metrics", "mj").out();
    List<String> lines = table.lines().toList();
    assertEquals(7, lines.size(), table);
    assertTrue(lines.get(0).trim().matches("timestamp\\s+metric_name\\s+value\\s+round"), lines.get(0));
    assertTrue(lines.get(3).trim().matches("0\\.500\\s+validation:rmse\\s+21\\.25\\s+0"), lines.get(3));
    assertTrue(lines.stream().allMatch(l -> l.length() == lines.get(0).length()), "aligned columns:\n" + table);
    assertFalse(table.contains("\u001b"));
  }

  @Test
  void unknownJobsAndFormatsAreBadInput() {
    Path home = storeWithOneJob();
    CliTestSupport.Run r = CliTestSupport.run(home, "metrics", "nope");
    assertEquals(2, r.exitCode(), r::all);
    assertTrue(r.err().contains("--training-job-name: got 'nope'") && r.err().contains(home.toString()), r.err());
    r = CliTestSupport.run(home, "metrics", "mj", "--output", "xml");
    assertEquals(2, r.exitCode(), r::all);
    assertTrue(r.err().contains("--output: got 'xml'; expected json, table, text or csv"), r.err());
    assertEquals("", r.out());
  }

  /**
   * A real tuning job runs in a background JVM ({@code tune --no-wait}); its bring-your-own
   * jobs report 12 rounds and are held at a gate. {@code metrics} in this process (its own store
   * connection) sees the rounds while the job is still InProgress, and the last value after.
   */
  @Test
  @Tag("slow")
  void readsAJobThatIsRunningInAnotherProcess() throws Exception {
    Path home = dir.resolve("home");
    Path gate = dir.resolve("gate");
    String name = "metrics-live";
    ObjectNode spec = ByoTuningTest.spec(dir, ByoTuningTest.script("/byo/rounds-gate.sh"), name, "Random",
        ByoTuningTest.continuousX(0, 1), Map.of("gate", gate.toString(), "rounds", "12"), "loss=([0-9.]+)", 2);
    ok(home, "tune", TuneTestSupport.write(dir, "spec.json", spec).toString(), "--no-wait");
    Path log = home.resolve("tuning-jobs").resolve(name + ".log");
    Optional<ProcessHandle> owner = Optional.empty();
    try (JobStore store = JobStore.openSqlite(home)) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      String job = null;
      JsonNode rows = null;
      while (rows == null || rows.size() < 12) {
        if (System.nanoTime() > deadline || store.tuningJob(name).orElseThrow().status() != TuningJobStatus.InProgress) {
          fail("no running job with 12 stored rounds:\n" + TuneTestSupport.read(log));
        }
        owner = store.tuningJobAttribute(name, TuningJobAttribute.OWNER_PID).map(v -> dev.tunelab.core.store.ProcessOwner.parse(v).pid()).flatMap(ProcessHandle::of);
        List<TrainingJobRecord> jobs = store.trainingJobsOf(name);
        if (!jobs.isEmpty()) {
          job = jobs.get(0).name();
          rows = json(ok(home, "metrics", job, "--output", "json").out()).get("Metrics");
        }
        Thread.sleep(50);
      }
      assertTrue(owner.isPresent() && owner.get().pid() != ProcessHandle.current().pid(), "the job runs in another process");
      assertEquals(TrainingJobStatus.InProgress, store.trainingJob(job).orElseThrow().status(), "still running");
      for (int r = 0; r < 12; r++) {
        assertEquals("loss", rows.get(r).get("metric_name").asText());
        assertEquals(r, rows.get(r).get("round").asInt());
      }
      String csv = ok(home, "metrics", job, "--output", "csv").out();
      assertTrue(csv.lines().filter(l -> l.contains(",loss,")).count() >= 12, csv);

      Files.createFile(gate);
      while (store.tuningJob(name).orElseThrow().status() == TuningJobStatus.InProgress) {
        if (System.nanoTime() > deadline) {
          fail("the tuning job did not end after the gate opened:\n" + TuneTestSupport.read(log));
        }
        Thread.sleep(50);
      }
      assertEquals(TuningJobStatus.Completed, store.tuningJob(name).orElseThrow().status(), TuneTestSupport.read(log));
      JsonNode done = json(ok(home, "metrics", job, "--output", "json").out());
      assertEquals("Completed", done.get("TrainingJobStatus").asText());
      long loss = 0;
      for (JsonNode row : done.get("Metrics")) {
        loss += row.get("metric_name").asText().equals("loss") ? 1 : 0;
      }
      assertEquals(13, loss, () -> "12 rounds and the value printed after the gate: " + done);
    } finally {
      owner.ifPresent(ProcessHandle::destroyForcibly);
    }
  }
}
