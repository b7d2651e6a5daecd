package dev.tunelab.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.gpu.GpuHost;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.spec.JsonSpecReader;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.spec.TrainingJobSpec;
import dev.tunelab.core.spec.TrainingJobSpecParser;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training job that asks for a GPU the host cannot give is Failed with a reason, as SageMaker
 * fails a job, instead of training on the CPU as XGBoost would; with the documented fallback a
 * {@code local} job trains on the CPU. The course's base model with real XGBoost on a host
 * whose GPUs are given to the runner (none here, whatever this machine has).
 */
class GpuTrainingJobTest {

  private static final GpuHost NO_GPU = new GpuHost(0, "TUNELAB_GPUS=0", false, false);
  private static final GpuHost NO_GPU_FALLBACK = new GpuHost(0, "TUNELAB_GPUS=0", false, true);

  @TempDir Path home;
  private JobStore store;

  @BeforeEach
  void open() {
    store = JobStore.openSqlite(home);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static Path examples() {
    Path p = Path.of("").toAbsolutePath();
    return (p.getFileName().toString().equals("core") ? p.getParent() : p).resolve("examples");
  }

  private static ObjectNode course() throws IOException {
    return (ObjectNode) Json.mapper().readTree(examples().resolve("boston-xgboost-train.json").toFile());
  }

  private static TrainingJobSpec parse(ObjectNode spec) {
    return TrainingJobSpecParser.parse(JsonSpecReader.parse(spec.toString(), "test", n -> { }), examples());
  }

  private TrainingJobRecord train(ObjectNode spec, GpuHost host) {
    TrainingJobRunner runner = new TrainingJobRunner(store, home, TrainingJobRunner::trainerOf, () -> host);
    return runner.run(runner.prepare(parse(spec)), JobContext.standalone(TrainingListener.NONE, () -> false));
  }

  @Test
  void deviceCudaWithoutAGpuFailsTheJobWithTheReason() throws IOException {
    ObjectNode spec = course();
    ((ObjectNode) spec.get("HyperParameters")).put("device", "cuda");
    TrainingJobRecord r = train(spec, NO_GPU);
    assertEquals(TrainingJobStatus.Failed, r.status());
    assertTrue(r.failureReason().startsWith("ClientError: device=cuda asks for a CUDA GPU, but no CUDA device was"
        + " found on this host (TUNELAB_GPUS=0)"), r.failureReason());
    assertEquals(r, store.trainingJob(r.name()).orElseThrow(), "recorded like any failed job");
    assertEquals(null, r.modelArtifact());
    assertTrue(r.failureReason().contains("Train on the CPU with device=cpu"), r.failureReason());
  }

  @Test
  void gpuHistWithoutAGpuFailsTooEvenWithTheFallbackOnAnotherInstanceType() throws IOException {
    ObjectNode spec = course();
    ((ObjectNode) spec.get("HyperParameters")).put("tree_method", "gpu_hist");
    TrainingJobRecord r = train(spec, NO_GPU_FALLBACK);
    assertEquals(TrainingJobStatus.Failed, r.status());
    assertTrue(r.failureReason().startsWith("ClientError: tree_method=gpu_hist asks for a CUDA GPU"), r.failureReason());
    assertTrue(r.failureReason().endsWith("this job's is ml.m4.xlarge)"), r.failureReason());
  }

  @Test
  void aLocalJobFallsBackToTheCpuOnlyWhenTheFallbackIsSet() throws IOException {
    ObjectNode spec = course();
    ((ObjectNode) spec.get("HyperParameters")).put("tree_method", "gpu_hist");
    ((ObjectNode) spec.get("ResourceConfig")).put("InstanceType", "local");
    assertEquals(TrainingJobStatus.Failed, train(spec, NO_GPU).status());
    spec.put("TrainingJobName", "fallback");
    TrainingJobRecord r = train(spec, NO_GPU_FALLBACK);
    assertEquals(TrainingJobStatus.Completed, r.status(), r.failureReason());
    assertTrue(r.finalMetrics().get("validation:rmse") > 0);
    String log = Files.readString(r.jobDir().resolve(RecordingListener.LOG_FILE));
    assertTrue(log.contains("GPU: tree_method=gpu_hist trains on the CPU: TUNELAB_GPU_FALLBACK=cpu"), log);
  }

  @Test
  void localGpuAsksForTheGpuAndNeverFallsBack() throws IOException {
    ObjectNode spec = course();
    ((ObjectNode) spec.get("ResourceConfig")).put("InstanceType", "local_gpu");
    TrainingJobRecord r = train(spec, NO_GPU_FALLBACK);
    assertEquals(TrainingJobStatus.Failed, r.status());
    assertTrue(r.failureReason().startsWith("ClientError: ResourceConfig.InstanceType=local_gpu asks for a CUDA GPU"),
        r.failureReason());
    assertTrue(r.failureReason().contains("Train on the CPU with ResourceConfig.InstanceType=local"), r.failureReason());
    spec.put("TrainingJobName", "local-gpu-on-cpu");
    ((ObjectNode) spec.get("HyperParameters")).put("device", "cpu");
    assertEquals(TrainingJobStatus.Completed, train(spec, NO_GPU).status(), "an explicit device=cpu wins");
  }

  @Test
  void badDevicesAreRefusedBeforeAnythingIsRecorded() throws IOException {
    for (String bad : new String[] {"tpu", "cuda:x", "gpu", "cuda:-1", "CUDA"}) {
      ObjectNode spec = course();
      ((ObjectNode) spec.get("HyperParameters")).put("device", bad);
      SpecException e = assertThrows(SpecException.class, () -> train(spec, NO_GPU));
      assertEquals("HyperParameters.device", e.field());
      assertTrue(e.getMessage().contains("'" + bad + "'") && e.getMessage().contains("cpu, cuda"), e.getMessage());
    }
    assertTrue(store.trainingJob("boston-xgboost-base").isEmpty());
  }
}
