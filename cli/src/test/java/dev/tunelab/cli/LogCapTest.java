package dev.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.job.LogLimits;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.store.JobStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real bring-your-own jobs that print a lot: the store keeps the documented share and one marker,
 * training.log keeps the rest, and a file-size limit ({@code ulimit -f}) on training.log leaves a
 * Completed job, not a stack trace and an InProgress one.
 */
class LogCapTest {

  @TempDir Path dir;

  /** A training spec running {@code bash -c SCRIPT}. */
  private Path spec(String name, String script) throws Exception {
    Files.writeString(dir.resolve("train.csv"), "1,2,3\n");
    ObjectNode s = Json.object();
    s.put("TrainingJobName", name);
    ObjectNode alg = s.putObject("AlgorithmSpecification");
    alg.put("TrainingInputMode", "File");
    alg.putArray("ContainerEntrypoint").add("bash").add("-c").add(script);
    alg.putArray("MetricDefinitions").addObject().put("Name", "loss").put("Regex", "loss=(\\S+)");
    ObjectNode channel = s.putArray("InputDataConfig").addObject();
    channel.put("ChannelName", "train");
    channel.putObject("DataSource").putObject("S3DataSource").put("S3DataType", "S3Prefix").put("S3Uri", "train.csv");
    s.putObject("ResourceConfig").put("InstanceType", "ml.m5.large").put("InstanceCount", 1).put("VolumeSizeInGB", 1);
    s.putObject("StoppingCondition").put("MaxRuntimeInSeconds", 120);
    Path file = dir.resolve(name + ".json");
    Files.writeString(file, Json.write(s));
    return file;
  }

  private static JsonNode describe(Path home, String job) throws Exception {
    CliTestSupport.Run d = CliTestSupport.run(home, "describe-training-job", job);
    assertEquals(0, d.exitCode(), d::all);
    return Json.mapper().readTree(d.out());
  }

  @Test
  void aChattyJobStoresItsFirstLinesAndAMarkerAndTheFileHasEveryLine() throws Exception {
    Path home = dir.resolve("home");
    int lines = LogLimits.STORED_LINES + 5_000;
    Path spec = spec("chatty", "for i in $(seq 1 " + lines + "); do echo \"line $i\"; done; echo loss=0.5");
    CliTestSupport.Run train = CliTestSupport.run(home, "train", spec.toString());
    assertEquals(0, train.exitCode(), train::all);
    assertEquals("Completed", describe(home, "chatty").get("TrainingJobStatus").asText());
    try (JobStore store = JobStore.openSqlite(home)) {
      var stored = store.logLines("chatty", 0, 2 * lines);
      assertEquals(LogLimits.STORED_LINES + 1, stored.size());
      String marker = stored.get(stored.size() - 1).text();
      assertTrue(marker.startsWith("[tunelab] 5001 more log lines are not stored") && marker.contains("training.log"),
          marker);
    }
    Path log = home.resolve("jobs/chatty/training.log");
    List<String> file = Files.readAllLines(log);
    assertEquals("line " + lines, file.get(lines - 1));
    assertTrue(file.contains("loss=0.5"));
  }

  /**
   * A limit that lets SQLite's native library unpack but not the store grow past it: the store
   * write fails mid-job, and the job still ends Failed with the reason, in the same process, with
   * no stack trace (it used to stay InProgress behind "cannot start a transaction within a
   * transaction").
   */
  @Test
  void aStoreThatCannotGrowEndsTheJobFailedWithTheReason() throws Exception {
    java.net.URL lib = org.sqlite.SQLiteJDBCLoader.class.getResource("/org/sqlite/native/Linux/x86_64/libsqlitejdbc.so");
    org.junit.jupiter.api.Assumptions.assumeTrue(lib != null, "SQLite's Linux x86-64 library sizes the limit");
    long libKb = lib.openConnection().getContentLengthLong() / 1024 + 16;
    Path home = dir.resolve("full-home");
    // 15,000 lines of 101 bytes: the store's share (10,000 lines) outgrows a limit just above the library
    Path spec = spec("full", "for i in $(seq 1 15000); do printf '%0100d\\n' $i; done; echo loss=0.25");
    Path err = dir.resolve("full-err.log");
    Process p = trainUnderFileSizeLimit(libKb, spec, home, err);
    String errText = Files.readString(err);
    assertFalse(errText.contains("\tat ") || errText.contains("within a transaction"), errText);
    try (JobStore store = JobStore.openSqliteReadOnly(home)) {
      var job = store.trainingJob("full").orElseThrow();
      assertEquals("Failed", job.status().toString(), job::toString);
      assertTrue(job.failureReason().contains("I/O error") && !job.failureReason().contains("ended without finishing"),
          job.failureReason());
    }
  }

  /**
   * A limit too small for anything (sqlite-jdbc cannot even unpack its native library): one clear
   * line with the system's reason, exit 1, no stack trace from TuneLab or from a library's log.
   */
  @Test
  void aFileSizeLimitTooSmallForTheStoreIsOneClearLineNotAStackTrace() throws Exception {
    Path home = dir.resolve("tiny-home");
    Path spec = spec("tiny", "echo loss=0.25");
    Path err = dir.resolve("tiny-err.log");
    Process p = trainUnderFileSizeLimit(64, spec, home, err);
    String errText = Files.readString(err);
    assertEquals(1, p.exitValue(), errText);
    assertFalse(errText.contains("\tat "), errText);
    assertTrue(errText.contains("cannot open job store " + home.resolve("tunelab.db"))
        && errText.contains("File too large"), errText);
  }

  @Test
  void aFileSizeLimitOnTrainingLogLeavesACompletedJobAndNoStackTrace() throws Exception {
    Path home = dir.resolve("home");
    // 60,000 lines of 100 bytes: 6 MB for training.log under a 4 MB limit; the store's share
    // (10,000 lines, about 1 MB) fits
    String line = "z".repeat(95);
    Path spec = spec("limited", "for i in $(seq 1 60000); do echo \"" + line + "\"; done; echo loss=0.25");
    Path err = dir.resolve("err.log");
    Process p = trainUnderFileSizeLimit(4096, spec, home, err);
    String errText = Files.readString(err);
    assertEquals(0, p.exitValue(), errText);
    assertFalse(errText.contains("Exception") || errText.contains("\tat "), errText);
    JsonNode d = describe(home, "limited");
    assertEquals("Completed", d.get("TrainingJobStatus").asText(), d::toString);
    assertEquals(0.25, d.get("FinalMetricDataList").get(0).get("Value").asDouble());
    assertTrue(Files.size(home.resolve("jobs/limited/training.log")) <= 4096L * 1024);
    try (JobStore store = JobStore.openSqlite(home)) {
      var stored = store.logLines("limited", 0, 100_000);
      assertEquals(LogLimits.STORED_LINES + 1, stored.size());
      assertTrue(stored.get(stored.size() - 1).text().contains("training.log has those it could write"),
          stored.get(stored.size() - 1).text());
    }
  }

  /**
   * Runs {@code tunelab train SPEC} in a new JVM under {@code ulimit -f KB} (its temporary files,
   * such as SQLite's unpacked native library, in the test folder, under the same limit), stderr
   * to {@code err}; returns the finished process.
   */
  private Process trainUnderFileSizeLimit(long kb, Path spec, Path home, Path err) throws Exception {
    StringBuilder cmd = new StringBuilder("ulimit -f " + kb + "; exec");
    for (String a : TuneTestSupport.cliCommand(List.of("-Djava.io.tmpdir=" + dir), "train", spec.toString(),
        "--home", home.toString())) {
      cmd.append(" '").append(a.replace("'", "'\\''")).append('\'');
    }
    Process p = new ProcessBuilder("bash", "-c", cmd + " > /dev/null").redirectError(err.toFile()).start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "train finished");
    return p;
  }
}
