package dev.tunelab.optimizer.space;

import java.util.Objects;

/**
 * An integer hyperparameter in {@code [min, max]} (both inclusive). Validated as SageMaker
 * does: {@code LOGARITHMIC} needs {@code min > 0}; {@code REVERSE_LOGARITHMIC} is not allowed
 * for integers. A null scaling means {@link ScalingType#AUTO}.
 */
public record IntegerRange(String name, long min, long max, ScalingType scaling)
    implements ParameterRange {

  public IntegerRange {
    ParameterRange.checkName(name);
    scaling = Objects.requireNonNullElse(scaling, ScalingType.AUTO);
    if (min > max) {
      throw new IllegalArgumentException("IntegerParameterRange '" + name + "': MinValue " + min
          + " must be <= MaxValue " + max);
    }
    if (Math.abs((double) min) > 1e15 || Math.abs((double) max) > 1e15) {
      throw new IllegalArgumentException("IntegerParameterRange '" + name + "': bounds [" + min
          + ", " + max + "] must lie within +-1e15");
    }
    if (scaling == ScalingType.LOGARITHMIC && min <= 0) {
      throw new IllegalArgumentException("IntegerParameterRange '" + name
          + "': ScalingType Logarithmic needs MinValue > 0, got " + min);
    }
    if (scaling == ScalingType.REVERSE_LOGARITHMIC) {
      throw new IllegalArgumentException("IntegerParameterRange '" + name
          + "': ScalingType ReverseLogarithmic is for continuous ranges only; use Auto, Linear or Logarithmic");
    }
  }

  /** Convenience constructor with {@link ScalingType#AUTO}. */
  public IntegerRange(String name, long min, long max) {
    this(name, min, max, ScalingType.AUTO);
  }

  /** The scale actually used (Auto resolved). */
  public ScalingType effectiveScaling() {
    return scaling.resolve(min, max);
  }

  /** Number of distinct values, {@code max - min + 1}. */
  public long cardinality() {
    return max - min + 1;
  }
}
