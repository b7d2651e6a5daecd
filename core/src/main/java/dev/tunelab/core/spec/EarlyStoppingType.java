package dev.tunelab.core.spec;

import java.util.Arrays;
import java.util.List;

/**
 * Whether a tuning job stops unpromising training jobs early: the request's
 * {@code HyperParameterTuningJobConfig.TrainingJobEarlyStoppingType}.
 */
public enum EarlyStoppingType {
  /** Every training job runs to its end (the default). */
  OFF("Off"),
  /** SageMaker's median stopping rule. */
  AUTO("Auto");

  private final String sageMakerName;

  EarlyStoppingType(String sageMakerName) {
    this.sageMakerName = sageMakerName;
  }

  /** The request's value: {@code Off} or {@code Auto}. */
  public String sageMakerName() {
    return sageMakerName;
  }

  /** Every request value, in declaration order. */
  public static List<String> sageMakerNames() {
    return Arrays.stream(values()).map(EarlyStoppingType::sageMakerName).toList();
  }

  /**
   * Parses the request's value.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static EarlyStoppingType fromSageMaker(String name) {
    for (EarlyStoppingType t : values()) {
      if (t.sageMakerName.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("TrainingJobEarlyStoppingType '" + name + "' is not valid; accepted: Off, Auto");
  }
}
