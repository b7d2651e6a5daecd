package dev.tunelab.core.sdk;

/**
 * How a warm-started tuning job uses its parents, the SageMaker Python SDK's
 * {@code WarmStartTypes}; {@link #wireName()} is the request's {@code WarmStartType} value.
 */
public enum WarmStartType {
  /** Same data and algorithm; ranges and job limits may change ({@code IDENTICAL_DATA_AND_ALGORITHM}). */
  IDENTICAL_DATA_AND_ALGORITHM("IdenticalDataAndAlgorithm"),
  /** Data, ranges, limits and image version may differ ({@code TRANSFER_LEARNING}). */
  TRANSFER_LEARNING("TransferLearning");

  private final String wireName;

  WarmStartType(String wireName) {
    this.wireName = wireName;
  }

  /** The request's value: {@code IdenticalDataAndAlgorithm} or {@code TransferLearning}. */
  public String wireName() {
    return wireName;
  }

  /**
   * Parses the request's value.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static WarmStartType fromWireName(String name) {
    for (WarmStartType t : values()) {
      if (t.wireName.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("WarmStartConfig.WarmStartType: got '" + name
        + "'; expected IdenticalDataAndAlgorithm or TransferLearning");
  }
}
