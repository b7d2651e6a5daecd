package dev.tunelab.core.spec;

import java.util.Arrays;
import java.util.List;

/** How a tuning job chooses configurations: the request's {@code HyperParameterTuningJobConfig.Strategy}. */
public enum TuningStrategy {
  /** Gaussian-process Bayesian optimisation. */
  BAYESIAN("Bayesian"),
  /** Independent random draws. */
  RANDOM("Random"),
  /** Every combination of categorical (and, in TuneLab, integer) ranges. */
  GRID("Grid"),
  /** Random draws whose budgets asynchronous Hyperband decides. */
  HYPERBAND("Hyperband");

  private final String sageMakerName;

  TuningStrategy(String sageMakerName) {
    this.sageMakerName = sageMakerName;
  }

  /** The request's value, e.g. {@code Bayesian}. */
  public String sageMakerName() {
    return sageMakerName;
  }

  /** Every request value, in declaration order. */
  public static List<String> sageMakerNames() {
    return Arrays.stream(values()).map(TuningStrategy::sageMakerName).toList();
  }

  /**
   * Parses the request's value.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static TuningStrategy fromSageMaker(String name) {
    for (TuningStrategy s : values()) {
      if (s.sageMakerName.equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("Strategy '" + name + "' is not valid; accepted: " + sageMakerNames());
  }
}
