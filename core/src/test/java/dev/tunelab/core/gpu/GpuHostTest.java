package dev.tunelab.core.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GpuHostTest {

  private static GpuHost detect(Map<String, String> properties, Map<String, String> env) {
    return GpuHost.detect(properties::get, env::get);
  }

  @Test
  void theOverrideSetsTheCountAndThePropertyComesFirst() {
    assertEquals(2, detect(Map.of(), Map.of("TUNELAB_GPUS", "2")).gpus());
    assertEquals("TUNELAB_GPUS=2", detect(Map.of(), Map.of("TUNELAB_GPUS", " 2 ")).found());
    assertEquals(0, detect(Map.of("tunelab.gpus", "0"), Map.of("TUNELAB_GPUS", "4")).gpus());
  }

  @Test
  void aBadOverrideNamesTheVariableAndWhatIsAccepted() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> detect(Map.of(), Map.of("TUNELAB_GPUS", "two")));
    assertEquals("TUNELAB_GPUS=two: expected a whole number of GPUs from 0 to 1024", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> detect(Map.of(), Map.of("TUNELAB_GPUS", "-1")));
    IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
        () -> detect(Map.of(), Map.of("TUNELAB_GPUS", "1", "TUNELAB_GPU_FALLBACK", "gpu")));
    assertTrue(f.getMessage().startsWith("TUNELAB_GPU_FALLBACK=gpu: expected cpu"), f.getMessage());
  }

  @Test
  void theFallbackAppliesOnlyToLocalInstances() {
    GpuHost host = detect(Map.of(), Map.of("TUNELAB_GPUS", "0", "TUNELAB_GPU_FALLBACK", "cpu"));
    assertTrue(host.cpuFallback());
    assertTrue(host.fallsBackToCpu("local"));
    assertFalse(host.fallsBackToCpu("local_gpu"), "local_gpu asks for the GPU");
    assertFalse(host.fallsBackToCpu("ml.m5.xlarge"));
    assertFalse(detect(Map.of(), Map.of("TUNELAB_GPUS", "0")).fallsBackToCpu("local"), "off unless set");
    assertFalse(detect(Map.of(), Map.of("TUNELAB_GPUS", "0", "TUNELAB_GPU_FALLBACK", "none")).cpuFallback());
  }

  @Test
  void cudaVisibleDevicesCountsEntriesUpToTheFirstInvalidOne() {
    assertEquals(2, GpuHost.visibleDevices("0,1"));
    assertEquals(1, GpuHost.visibleDevices("GPU-8e1a"));
    assertEquals(0, GpuHost.visibleDevices(""));
    assertEquals(0, GpuHost.visibleDevices("-1"));
    assertEquals(1, GpuHost.visibleDevices("3,-1,2"));
  }

  @Test
  void theCpuOnlyBuildIsRecognised() {
    // the normal build's XGBoost4J is CPU-only; under -Pgpu surefire says tunelab.build=gpu
    boolean gpuBuild = "gpu".equals(System.getProperty("tunelab.build"));
    assertEquals(gpuBuild, detect(Map.of(), Map.of("TUNELAB_GPUS", "1")).cudaLibrary());
  }

  @Test
  void problemsSayWhatWasAskedAndWhatIsMissing() {
    GpuRequest cuda = new GpuRequest("device=cuda", OptionalInt.empty());
    String none = new GpuHost(0, "TUNELAB_GPUS=0", true, false).problem(cuda).orElseThrow();
    assertTrue(none.startsWith("device=cuda asks for a CUDA GPU, but no CUDA device was found on this host"
        + " (TUNELAB_GPUS=0)"), none);
    assertTrue(GpuHost.remedy(cuda).contains("TUNELAB_GPU_FALLBACK=cpu"));
    String cpuLibrary = new GpuHost(1, "nvidia-smi -L lists 1", false, false).problem(cuda).orElseThrow();
    assertTrue(cpuLibrary.contains("CPU-only native library") && cpuLibrary.contains("mvn -Pgpu package"), cpuLibrary);
    String ordinal = new GpuHost(2, "TUNELAB_GPUS=2", true, false)
        .problem(new GpuRequest("device=cuda:2", OptionalInt.of(2))).orElseThrow();
    assertTrue(ordinal.startsWith("device=cuda:2 asks for CUDA device 2, but no such CUDA device was found on this"
        + " host: it has 2 (cuda:0 to cuda:1"), ordinal);
    assertEquals(Optional.empty(), new GpuHost(2, "TUNELAB_GPUS=2", true, false)
        .problem(new GpuRequest("device=cuda:1", OptionalInt.of(1))));
  }

  @Test
  void slotsNeverGiveOneDeviceToTwoJobs() throws Exception {
    GpuSlots slots = new GpuSlots(2);
    assertEquals(0, slots.acquire(OptionalInt.empty()));
    assertEquals(1, slots.acquire(OptionalInt.empty()));
    AtomicInteger third = new AtomicInteger(-1);
    CountDownLatch got = new CountDownLatch(1);
    Thread waiter = new Thread(() -> {
      try {
        third.set(slots.acquire(OptionalInt.of(1)));
        got.countDown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    waiter.start();
    assertFalse(got.await(100, TimeUnit.MILLISECONDS), "both devices are taken: the third job waits");
    slots.release(0);
    assertFalse(got.await(100, TimeUnit.MILLISECONDS), "it asked for cuda:1, which is still taken");
    slots.release(1);
    assertTrue(got.await(5, TimeUnit.SECONDS));
    assertEquals(1, third.get());
    assertEquals(1, slots.inUse());
    assertThrows(IllegalStateException.class, () -> slots.release(0));
    assertThrows(IllegalArgumentException.class, () -> new GpuSlots(0).acquire(OptionalInt.empty()));
  }
}
