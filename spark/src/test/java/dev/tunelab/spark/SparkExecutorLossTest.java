package dev.tunelab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lost executor, for real: Spark's {@code local-cluster} mode runs a standalone master and a
 * worker in this JVM and each executor in a JVM of its own; the test kills the executor's JVM
 * while its training task runs. The job ends Failed with a RetryableError naming the lost
 * executor, is tried again on the executor the worker starts in its place (RetryStrategy
 * MaximumRetryAttempts 1), and the tuning job completes.
 */
@Tag("slow")
class SparkExecutorLossTest {

  @TempDir Path dir;

  /** What a local-cluster executor JVM needs: this class path and Spark's Java 17 options. */
  static Map<String, String> localClusterConf() {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.executor.extraClassPath", System.getProperty("java.class.path"));
    conf.put("spark.executor.extraJavaOptions", String.join(" ", java.lang.management.ManagementFactory
        .getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("--add-opens")
            || a.startsWith("-Djdk.reflect")).toList()));
    // Spark's launcher otherwise looks for a Spark installation's jars/ folder
    conf.put("spark.executorEnv.SPARK_TESTING", "1");
    conf.put("spark.executorEnv.SPARK_SCALA_VERSION", "2.12");
    conf.put("spark.executor.memory", "512m");
    return conf;
  }

  /** The executor JVMs: the worker (in this JVM) starts them as its children. */
  static List<ProcessHandle> executors() {
    return ProcessHandle.current().children()
        .filter(p -> p.info().command().orElse("").endsWith("/java")).toList();
  }

  @Test
  void aKilledExecutorFailsItsJobAsRetryableAndTheJobIsTriedAgain() throws Exception {
    ObjectNode spec = SparkTuning.byoSpec(dir, "byo-lost", 2, 1, "4");
    List<Long> killed = new java.util.concurrent.CopyOnWriteArrayList<>();
    ((ObjectNode) spec.get("TrainingJobDefinition")).putObject("RetryStrategy").put("MaximumRetryAttempts", 1);
    Thread killer = new Thread(() -> {
      try (JobStore store = JobStore.openSqliteReadOnly(dir)) {
        for (int i = 0; i < 600; i++) {
          Thread.sleep(100);
          boolean running = store.trainingJobsOf("byo-lost").stream().anyMatch(j -> !store.logLines(j.name(), 0, 10).isEmpty());
          if (running) {
            List<ProcessHandle> found = executors();
            killed.addAll(found.stream().map(ProcessHandle::pid).toList());
            found.forEach(ProcessHandle::destroyForcibly);
            return;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    TuningJobRecord rec = SparkTuning.run(dir, dir, spec, "local-cluster[1,1,1024]", localClusterConf(),
        new AtomicBoolean(), store -> killer.start());
    killer.join();
    assertEquals(1, killed.size(), "the executor JVM was found and killed: " + killed);
    assertEquals(TuningJobStatus.Completed, rec.status(), String.valueOf(rec.failureReason()));
    try (JobStore store = JobStore.openSqlite(dir)) {
      List<TrainingJobRecord> jobs = store.trainingJobsOf("byo-lost");
      assertEquals(2, jobs.size(), jobs.toString());
      assertTrue(jobs.stream().allMatch(j -> j.status().name().equals("Completed")), jobs.toString());
      String logs = jobs.stream().flatMap(j -> store.logLines(j.name(), 0, 100).stream()).map(l -> l.text()).toList().toString();
      String retried = jobs.stream().flatMap(j -> store.logLines(j.name(), 0, 100).stream())
          .map(l -> l.text()).filter(t -> t.contains("trying again")).findFirst().orElse("");
      assertTrue(retried.contains("RetryableError: the Spark executor running the training job was lost"), logs);
    }
  }
}
