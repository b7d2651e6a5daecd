package dev.tunelab.core.gpu;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A training job's request for a CUDA GPU.
 *
 * @param asked   what asked for it, as the user wrote it, for messages: {@code device=cuda},
 *                {@code tree_method=gpu_hist}, {@code ResourceConfig.InstanceType=local_gpu}
 * @param ordinal the device number asked for ({@code cuda:1}), or empty for any device
 */
public record GpuRequest(String asked, OptionalInt ordinal) {

  public GpuRequest {
    Objects.requireNonNull(asked, "asked");
    Objects.requireNonNull(ordinal, "ordinal");
  }

  /** The request that {@code ResourceConfig.InstanceType=local_gpu} makes: any one GPU. */
  public static GpuRequest instanceType(String instanceType) {
    return new GpuRequest("ResourceConfig.InstanceType=" + instanceType, OptionalInt.empty());
  }
}
