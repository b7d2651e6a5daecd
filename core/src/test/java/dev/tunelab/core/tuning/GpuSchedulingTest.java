package dev.tunelab.core.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.gpu.GpuHost;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import dev.tunelab.core.train.Trainer;
import dev.tunelab.core.train.TrainingListener;
import dev.tunelab.core.train.TrainingOutcome;
import dev.tunelab.core.train.TrainingRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The scheduler never runs more GPU jobs at once than the host has GPUs, and gives each its own
 * device: the course's tuning job with {@code device=cuda}, MaxParallelTrainingJobs above the GPU
 * count, a made-up GPU count, and a trainer that records which device each job was given and
 * when it ran (the runner's GPU check passes: the host says its native library has CUDA).
 */
class GpuSchedulingTest extends FakeTuningTest {

  /** One job's run as the trainer saw it. */
  record Run(String job, String device, long start, long end) { }

  /** Holds each job for a while, records its device and times, reports a made-up rmse. */
  static final class RecordingTrainer implements Trainer {
    final List<Run> runs = new CopyOnWriteArrayList<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();

    @Override
    public void validate(Map<String, String> hyperParameters) { }

    @Override
    public TrainingOutcome train(TrainingRequest request, TrainingListener listener) {
      long start = System.nanoTime();
      mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        Thread.sleep(60);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      running.decrementAndGet();
      runs.add(new Run(request.jobName(), request.hyperParameters().get("device"), start, System.nanoTime()));
      listener.metric("validation:rmse", 0, 1.0 + runs.size());
      return new TrainingOutcome(TrainingOutcome.Status.COMPLETED, Map.of("validation:rmse", 1.0 + runs.size()),
          null, null, -1, 1);
    }
  }

  private RecordingTrainer tune(String name, int gpus, int jobs, int parallel, String device) throws IOException {
    RecordingTrainer recording = new RecordingTrainer();
    runner = new TuningJobRunner(store, home, s -> recording, clock, new GpuHost(gpus, "test", true, false));
    ObjectNode spec = courseSpec(name, jobs, parallel);
    ObjectNode statics = (ObjectNode) spec.get("TrainingJobDefinition").get("StaticHyperParameters");
    if (device != null) {
      statics.put("device", device);
    }
    TuningJobRecord rec = runner.run(runner.prepare(parse(spec, examples())), TuningObserver.NONE, new AtomicBoolean());
    assertEquals(TuningJobStatus.Completed, rec.status(), rec.failureReason());
    assertEquals(jobs, recording.runs.size());
    return recording;
  }

  private static boolean overlap(long s1, long e1, long s2, long e2) {
    return s1 < e2 && s2 < e1;
  }

  @Test
  void oneGpuRunsTheGpuJobsOneAtATimeOnCuda0() throws IOException {
    RecordingTrainer t = tune("gpu-one", 1, 4, 3, "cuda");
    assertEquals(1, t.mostAtOnce.get(), "never two GPU jobs at once on one GPU");
    for (Run r : t.runs) {
      assertEquals("cuda:0", r.device(), r.toString());
    }
    // the store's times say the same: no two training jobs' [start, end] overlap
    List<TrainingJobRecord> jobs = jobs("gpu-one");
    assertEquals(4, jobs.size());
    for (TrainingJobRecord a : jobs) {
      assertEquals(TrainingJobStatus.Completed, a.status(), a.failureReason());
      for (TrainingJobRecord b : jobs) {
        if (a != b) {
          boolean overlap = a.startTime().isBefore(b.endTime()) && b.startTime().isBefore(a.endTime());
          assertFalse(overlap, a.name() + " " + a.startTime() + ".." + a.endTime() + " overlaps " + b.name() + " "
              + b.startTime() + ".." + b.endTime());
        }
      }
    }
  }

  @Test
  void twoGpusRunTwoJobsAtOnceEachOnItsOwnDevice() throws IOException {
    RecordingTrainer t = tune("gpu-two", 2, 6, 3, "cuda");
    assertTrue(t.mostAtOnce.get() <= 2, "at most two GPU jobs at once: " + t.mostAtOnce.get());
    Set<String> devices = new TreeSet<>();
    for (Run a : t.runs) {
      devices.add(a.device());
      for (Run b : t.runs) {
        if (a != b && overlap(a.start(), a.end(), b.start(), b.end())) {
          assertFalse(a.device().equals(b.device()), a + " and " + b + " ran at once on one device");
        }
      }
    }
    assertEquals(Set.of("cuda:0", "cuda:1"), devices);
  }

  @Test
  void gpuHistJobsAreGpuJobsAndCpuJobsAreNotHeldBack() throws IOException {
    RecordingTrainer gpuHist = tune("gpu-hist", 1, 3, 3, null);
    assertEquals(3, gpuHist.mostAtOnce.get(), "without a GPU request the jobs run side by side");
    for (Run r : gpuHist.runs) {
      assertEquals(null, r.device());
    }
    RecordingTrainer t = new RecordingTrainer();
    runner = new TuningJobRunner(store, home, s -> t, clock, new GpuHost(1, "test", true, false));
    ObjectNode spec = courseSpec("gpu-hist-1", 3, 3);
    ((ObjectNode) spec.get("TrainingJobDefinition").get("StaticHyperParameters")).put("tree_method", "gpu_hist");
    runner.run(runner.prepare(parse(spec, examples())), TuningObserver.NONE, new AtomicBoolean());
    assertEquals(1, t.mostAtOnce.get());
    assertEquals(3, t.runs.stream().filter(r -> "cuda:0".equals(r.device())).count());
  }
}
