package dev.tunelab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import dev.tunelab.spark.SparkTuning.Launched;
import dev.tunelab.core.executor.ExecutorSettings;
import dev.tunelab.datasets.Dataset;
import dev.tunelab.datasets.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course's tuning job on Spark {@code local[2]} against the thread pool: the same seed, one
 * job at a time, gives the same jobs, hyperparameters and objectives; the task's log lines and
 * per-round metrics reach the store, and its model lands in the job's folder on the driver.
 */
class SparkExecutorTest {

  @TempDir Path dir;

  @Test
  void sequentialCourseJobOnSparkMatchesTheThreadPool() throws Exception {
    Path pool = Files.createDirectories(dir.resolve("pool"));
    Path spark = Files.createDirectories(dir.resolve("spark"));
    ObjectNode spec = SparkTuning.courseSpec("course-seq", 5, 1, 7);
    TuningJobRecord a = SparkTuning.run(pool, dir, spec, null, Map.of(), new AtomicBoolean(), null);
    TuningJobRecord b = SparkTuning.run(spark, dir, spec, "local[2]", Map.of(), new AtomicBoolean(), null);
    assertEquals(TuningJobStatus.Completed, a.status());
    assertEquals(TuningJobStatus.Completed, b.status());
    List<Launched> onPool = SparkTuning.launched(pool, "course-seq");
    List<Launched> onSpark = SparkTuning.launched(spark, "course-seq");
    assertEquals(5, onSpark.size());
    assertEquals(onPool, onSpark);
    try (JobStore store = JobStore.openSqlite(spark)) {
      TrainingJobRecord first = store.trainingJobsOf("course-seq").get(0);
      Path model = Path.of(first.modelArtifact());
      assertTrue(model.startsWith(spark.resolve("jobs")), model.toString());
      assertTrue(Files.size(model) > 1000, "model written on the driver: " + model);
      assertFalse(store.logLines(first.name(), 0, 1000).isEmpty(), "log lines relayed from the task");
      long rmseRounds = store.metrics(first.name()).stream().filter(p -> p.metricName().equals("validation:rmse")).count();
      assertTrue(rmseRounds > 10, "per-round metrics relayed: " + rmseRounds);
    }
  }

  @Test
  void twoAtOnceCompleteEveryJob() throws Exception {
    ObjectNode spec = SparkTuning.courseSpec("course-par", 6, 2, 42);
    TuningJobRecord rec = SparkTuning.run(dir, dir, spec, "local[2]", Map.of(), new AtomicBoolean(), null);
    assertEquals(TuningJobStatus.Completed, rec.status());
    List<Launched> jobs = SparkTuning.launched(dir, "course-par");
    assertEquals(6, jobs.size());
    assertTrue(jobs.stream().allMatch(j -> j.status().equals("Completed") && j.objective() != null), jobs.toString());
  }

  @Test
  void eachDatasetIsBroadcastOnceAndOneOverTheLimitIsNot() {
    Dataset data = new Dataset(new double[][] {{1, 2}, {3, Double.NaN}, {5, 6}}, new double[] {0.5, 1.5, 2.5},
        List.of("a", "b"), new Provenance("test", "abc", "rows 1-3"));
    try (SparkTrainingExecutor spark = new SparkTrainingExecutor(new ExecutorSettings("local[1]", Map.of(), "t", 1))) {
      var first = spark.broadcast(data);
      assertSame(first, spark.broadcast(data), "one broadcast per dataset, however many jobs use it");
      Dataset back = first.value().toDataset();
      assertArrayEquals(data.floatFeatures(), back.floatFeatures());
      assertArrayEquals(data.labels(), back.labels());
      assertEquals(data.featureNames(), back.featureNames());
      assertEquals(data.provenance(), back.provenance());
    }
    // 3 rows x 2 columns x 4 bytes + 3 labels x 8 bytes = 48 bytes
    try (SparkTrainingExecutor spark = new SparkTrainingExecutor(new ExecutorSettings("local[1]",
        Map.of(SparkTrainingExecutor.BROADCAST_LIMIT, "47"), "t", 1))) {
      assertNull(spark.broadcast(data), "read by each executor from its path instead");
    }
  }
}
