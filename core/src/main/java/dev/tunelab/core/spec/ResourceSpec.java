package dev.tunelab.core.spec;

/**
 * ResourceConfig. Locally everything runs on this machine; the values are kept for the
 * describe responses.
 *
 * @param instanceType   e.g. {@code ml.m4.xlarge}
 * @param instanceCount  instances (TuneLab runs one)
 * @param volumeSizeInGb volume size in GB
 */
public record ResourceSpec(String instanceType, int instanceCount, int volumeSizeInGb) {
  /** The defaults used when ResourceConfig is absent. */
  public static final ResourceSpec DEFAULT = new ResourceSpec("local", 1, 30);
}
