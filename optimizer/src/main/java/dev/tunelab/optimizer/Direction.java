package dev.tunelab.optimizer;

/** Whether the objective is to be minimised or maximised (SageMaker's objective Type). */
public enum Direction {
  MINIMIZE, MAXIMIZE;

  /**
   * The value as a loss to minimise: {@code value} when minimising, {@code -value} when
   * maximising.
   */
  public double toLoss(double value) {
    return this == MINIMIZE ? value : -value;
  }

  /** Parses SageMaker's "Minimize" / "Maximize"; IllegalArgumentException otherwise. */
  public static Direction fromSageMaker(String type) {
    if ("Minimize".equals(type)) {
      return MINIMIZE;
    }
    if ("Maximize".equals(type)) {
      return MAXIMIZE;
    }
    throw new IllegalArgumentException("objective Type '" + type + "' is not valid; accepted: Minimize, Maximize");
  }
}
