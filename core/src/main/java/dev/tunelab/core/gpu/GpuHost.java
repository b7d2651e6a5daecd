package dev.tunelab.core.gpu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * What this host offers a job that asks for a GPU: XGBoost falls back to the CPU without failing
 * when it finds no GPU (and a CPU-only native library cannot use one at all), so TuneLab checks
 * before it trains and fails the job instead ({@link #problem}).
 *
 * <p>Detected once per process ({@link #shared()}):
 * <ul>
 *   <li>GPUs: the system property {@value #GPUS_PROPERTY} or the environment variable
 *       {@value #GPUS_ENV} when set (a whole number from 0: tests and users override the count
 *       with it); else the entries of {@code /proc/driver/nvidia/gpus}; else the {@code GPU} lines
 *       of {@code nvidia-smi -L} (5 s at most); then at most the entries of
 *       {@code CUDA_VISIBLE_DEVICES} when that is set.</li>
 *   <li>Whether the XGBoost native library on the class path was built with CUDA: only the
 *       {@code gpu} build profile's {@code ml.dmlc:xgboost4j-spark-gpu_2.12} is.</li>
 *   <li>The CPU fallback: {@value #FALLBACK_ENV}{@code =cpu} (or the system property
 *       {@value #FALLBACK_PROPERTY}) lets a job whose {@code ResourceConfig.InstanceType} is
 *       {@code local} train on the CPU when it asks for a GPU this host cannot give; every other
 *       instance type (and {@code local_gpu}, which asks for the GPU) still fails.</li>
 * </ul>
 *
 * @param gpus        CUDA devices this process may use ({@code cuda:0} to {@code cuda:<gpus-1>})
 * @param found       how {@code gpus} was found, for messages
 * @param cudaLibrary whether the loaded XGBoost native library was built with CUDA
 * @param cpuFallback whether {@value #FALLBACK_ENV}{@code =cpu} is set
 */
public record GpuHost(int gpus, String found, boolean cudaLibrary, boolean cpuFallback) {

  /** Environment variable that overrides the GPU count. */
  public static final String GPUS_ENV = "TUNELAB_GPUS";
  /** System property that overrides the GPU count (before {@value #GPUS_ENV}). */
  public static final String GPUS_PROPERTY = "tunelab.gpus";
  /** Environment variable that, set to {@code cpu}, lets {@code local} jobs fall back to the CPU. */
  public static final String FALLBACK_ENV = "TUNELAB_GPU_FALLBACK";
  /** System property with the meaning of {@value #FALLBACK_ENV} (before it). */
  public static final String FALLBACK_PROPERTY = "tunelab.gpu.fallback";
  /** The instance type for which the CPU fallback may apply. */
  public static final String LOCAL = "local";
  /** SageMaker local mode's GPU instance type: the job trains on a GPU. */
  public static final String LOCAL_GPU = "local_gpu";
  /** A resource only the CUDA-enabled XGBoost4J jar (the {@code gpu} profile) carries. */
  static final String CUDA_JAR_MARKER = "META-INF/maven/ml.dmlc/xgboost4j-spark-gpu_2.12/pom.properties";

  private static final int MAX_GPUS = 1024;

  public GpuHost {
    if (gpus < 0) {
      throw new IllegalArgumentException("gpus must be >= 0, got " + gpus);
    }
    Objects.requireNonNull(found, "found");
  }

  private static GpuHost shared;

  /**
   * The host as detected the first time it is asked for (a file listing, perhaps a 5 s
   * {@code nvidia-smi}, so only when a job asks for a GPU); the same answer after that.
   *
   * @throws IllegalArgumentException as {@link #detect} (and again at the next call)
   */
  public static synchronized GpuHost shared() {
    if (shared == null) {
      shared = detect(System::getProperty, System::getenv);
    }
    return shared;
  }

  /**
   * Detects the host.
   *
   * @param properties system properties by name ({@code System::getProperty})
   * @param env        environment variables by name ({@code System::getenv})
   * @throws IllegalArgumentException when {@value #GPUS_ENV} or {@value #FALLBACK_ENV} has a value
   *     that is not accepted, naming it and what is
   */
  public static GpuHost detect(UnaryOperator<String> properties, UnaryOperator<String> env) {
    boolean fallback = fallback(properties, env);
    boolean cuda = GpuHost.class.getClassLoader().getResource(CUDA_JAR_MARKER) != null;
    String override = properties.apply(GPUS_PROPERTY);
    String overrideName = GPUS_PROPERTY;
    if (override == null) {
      override = env.apply(GPUS_ENV);
      overrideName = GPUS_ENV;
    }
    if (override != null) {
      return new GpuHost(count(overrideName, override), overrideName + "=" + override.trim(), cuda, fallback);
    }
    int n;
    String found;
    int proc = procGpus();
    if (proc > 0) {
      n = proc;
      found = "/proc/driver/nvidia/gpus lists " + proc;
    } else {
      Optional<Integer> smi = nvidiaSmi();
      n = smi.orElse(0);
      found = smi.isPresent() ? "nvidia-smi -L lists " + n
          : "no NVIDIA driver: /proc/driver/nvidia/gpus is empty or absent and nvidia-smi did not run";
    }
    String visible = env.apply("CUDA_VISIBLE_DEVICES");
    if (visible != null && n > 0) {
      int v = visibleDevices(visible);
      if (v < n) {
        n = v;
        found += ", CUDA_VISIBLE_DEVICES=" + visible.trim() + " leaves " + v;
      }
    }
    return new GpuHost(n, found, cuda, fallback);
  }

  /**
   * Why a job cannot have the GPU it asks for, in SageMaker's FailureReason style (without the
   * {@code ClientError: } prefix, and without {@link #remedy}); empty when it can.
   *
   * @param request what the job asks for
   */
  public Optional<String> problem(GpuRequest request) {
    String asked = request.asked();
    if (gpus == 0) {
      return Optional.of(asked + " asks for a CUDA GPU, but no CUDA device was found on this host ("
          + found + ")" + (cudaLibrary ? "" : "; this build's XGBoost native library is also CPU-only (the gpu"
          + " build profile, mvn -Pgpu package, brings the CUDA-enabled one)"));
    }
    if (!cudaLibrary) {
      return Optional.of(asked + " asks for a CUDA GPU; this host has " + gpus + " (" + found + "), but this"
          + " build of TuneLab loads XGBoost's CPU-only native library, which cannot use it: rebuild with the gpu"
          + " profile (mvn -Pgpu package)");
    }
    if (request.ordinal().isPresent() && request.ordinal().getAsInt() >= gpus) {
      return Optional.of(asked + " asks for CUDA device " + request.ordinal().getAsInt() + ", but no such CUDA"
          + " device was found on this host: it has " + gpus + " (cuda:0" + (gpus > 1 ? " to cuda:" + (gpus - 1) : "")
          + "; " + found + ")");
    }
    return Optional.empty();
  }

  /**
   * Whether a job on {@code instanceType} that cannot have its GPU trains on the CPU instead:
   * only with {@value #FALLBACK_ENV}{@code =cpu} and InstanceType {@value #LOCAL}.
   */
  public boolean fallsBackToCpu(String instanceType) {
    return cpuFallback && LOCAL.equals(instanceType);
  }

  /** What a user whose job {@link #problem} refused can do instead. */
  public static String remedy(GpuRequest request) {
    if (request.asked().endsWith("=" + LOCAL_GPU)) {
      return "Train on the CPU with ResourceConfig.InstanceType=local (or device=cpu)";
    }
    return "Train on the CPU with device=cpu (tree_method=hist for gpu_hist), or set " + FALLBACK_ENV
        + "=cpu with ResourceConfig.InstanceType=local to let such jobs train on the CPU";
  }

  private static boolean fallback(UnaryOperator<String> properties, UnaryOperator<String> env) {
    String name = FALLBACK_PROPERTY;
    String v = properties.apply(FALLBACK_PROPERTY);
    if (v == null) {
      name = FALLBACK_ENV;
      v = env.apply(FALLBACK_ENV);
    }
    if (v == null || v.isBlank() || v.trim().equalsIgnoreCase("none")) {
      return false;
    }
    if (v.trim().toLowerCase(Locale.ROOT).equals("cpu")) {
      return true;
    }
    throw new IllegalArgumentException(name + "=" + v + ": expected cpu (train on the CPU a local job that asks"
        + " for a GPU this host cannot give) or none (fail it, the default)");
  }

  private static int count(String name, String value) {
    String v = value.trim();
    if (!v.matches("\\d{1,4}") || Integer.parseInt(v) > MAX_GPUS) {
      throw new IllegalArgumentException(name + "=" + value + ": expected a whole number of GPUs from 0 to "
          + MAX_GPUS);
    }
    return Integer.parseInt(v);
  }

  private static int procGpus() {
    Path dir = Path.of("/proc/driver/nvidia/gpus");
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return (int) s.count();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static Optional<Integer> nvidiaSmi() {
    Process p;
    try {
      p = new ProcessBuilder("nvidia-smi", "-L").redirectErrorStream(true).start();
    } catch (IOException e) {
      return Optional.empty();
    }
    try {
      int n = 0;
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return Optional.empty();
        }
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.startsWith("GPU ")) {
            n++;
          }
        }
      }
      return p.exitValue() == 0 ? Optional.of(n) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      return Optional.empty();
    }
  }

  /** Devices CUDA_VISIBLE_DEVICES leaves: entries up to the first invalid one ({@code -1}). */
  static int visibleDevices(String value) {
    int n = 0;
    for (String e : value.split(",", -1)) {
      String t = e.trim();
      if (t.isEmpty() || t.startsWith("-")) {
        break;
      }
      n++;
    }
    return n;
  }
}
