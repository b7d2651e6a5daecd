package dev.tunelab.core.spec;

import java.util.Arrays;
import java.util.List;

/**
 * How a warm-started tuning job uses its parents: the request's {@code WarmStartConfig.WarmStartType},
 * also the SageMaker Python SDK's {@code WarmStartTypes}.
 */
public enum WarmStartType {
  /** Same data and algorithm; ranges and job limits may change ({@code IDENTICAL_DATA_AND_ALGORITHM}). */
  IDENTICAL_DATA_AND_ALGORITHM("IdenticalDataAndAlgorithm"),
  /** Data, ranges, limits and image version may differ ({@code TRANSFER_LEARNING}). */
  TRANSFER_LEARNING("TransferLearning");

  private final String sageMakerName;

  WarmStartType(String sageMakerName) {
    this.sageMakerName = sageMakerName;
  }

  /** The request's value: {@code IdenticalDataAndAlgorithm} or {@code TransferLearning}. */
  public String sageMakerName() {
    return sageMakerName;
  }

  /** Every request value, in declaration order. */
  public static List<String> sageMakerNames() {
    return Arrays.stream(values()).map(WarmStartType::sageMakerName).toList();
  }

  /**
   * Parses the request's value.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static WarmStartType fromSageMaker(String name) {
    for (WarmStartType t : values()) {
      if (t.sageMakerName.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("WarmStartConfig.WarmStartType: got '" + name
        + "'; expected IdenticalDataAndAlgorithm or TransferLearning");
  }
}
