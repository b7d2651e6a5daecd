package dev.tunelab.optimizer;

import java.util.Comparator;

/**
 * Whether the objective is to be minimised or maximised (SageMaker's objective Type). Every
 * min/max decision goes through this type: which of two values is better, the value as a loss to
 * minimise, the order best first.
 */
public enum Direction {
  MINIMIZE("Minimize"), MAXIMIZE("Maximize");

  private final String sageMakerName;

  Direction(String sageMakerName) {
    this.sageMakerName = sageMakerName;
  }

  /**
   * The value as a loss to minimise: {@code value} when minimising, {@code -value} when
   * maximising.
   */
  public double toLoss(double value) {
    return this == MINIMIZE ? value : -value;
  }

  /** Whether {@code a} is strictly better than {@code b}. */
  public boolean isBetter(double a, double b) {
    return this == MINIMIZE ? a < b : a > b;
  }

  /** Whether {@code value} reaches {@code target}: at most it when minimising, at least it when maximising. */
  public boolean reaches(double value, double target) {
    return this == MINIMIZE ? value <= target : value >= target;
  }

  /** Orders values best first (ascending when minimising, descending when maximising). */
  public Comparator<Double> bestFirst() {
    Comparator<Double> ascending = Comparator.naturalOrder();
    return this == MINIMIZE ? ascending : ascending.reversed();
  }

  /** SageMaker's name: {@code Minimize} or {@code Maximize}. */
  public String sageMakerName() {
    return sageMakerName;
  }

  /** Parses SageMaker's "Minimize" / "Maximize"; IllegalArgumentException otherwise. */
  public static Direction fromSageMaker(String type) {
    for (Direction d : values()) {
      if (d.sageMakerName.equals(type)) {
        return d;
      }
    }
    throw new IllegalArgumentException("objective Type '" + type + "' is not valid; accepted: Minimize, Maximize");
  }
}
