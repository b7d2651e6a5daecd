package dev.tunelab.optimizer.space;

import java.util.Objects;

/**
 * A continuous hyperparameter in {@code [min, max]} (both inclusive, {@code min <= max}) with a
 * scaling type. Validated as SageMaker does: finite bounds; {@code LOGARITHMIC} needs
 * {@code min > 0}; {@code REVERSE_LOGARITHMIC} needs {@code 0 <= min} and {@code max < 1}.
 * A null scaling means {@link ScalingType#AUTO}.
 */
public record ContinuousRange(String name, double min, double max, ScalingType scaling)
    implements ParameterRange {

  public ContinuousRange {
    ParameterRange.checkName(name);
    scaling = Objects.requireNonNullElse(scaling, ScalingType.AUTO);
    if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
      throw new IllegalArgumentException("ContinuousParameterRange '" + name + "': MinValue " + min
          + " and MaxValue " + max + " must be finite with MinValue <= MaxValue");
    }
    if (scaling == ScalingType.LOGARITHMIC && min <= 0) {
      throw new IllegalArgumentException("ContinuousParameterRange '" + name
          + "': ScalingType Logarithmic needs MinValue > 0, got " + min);
    }
    if (scaling == ScalingType.REVERSE_LOGARITHMIC && (min < 0 || max >= 1)) {
      throw new IllegalArgumentException("ContinuousParameterRange '" + name
          + "': ScalingType ReverseLogarithmic needs 0 <= MinValue and MaxValue < 1, got ["
          + min + ", " + max + "]");
    }
  }

  /** Convenience constructor with {@link ScalingType#AUTO}. */
  public ContinuousRange(String name, double min, double max) {
    this(name, min, max, ScalingType.AUTO);
  }

  /** The scale actually used (Auto resolved). */
  public ScalingType effectiveScaling() {
    return scaling.resolve(min, max);
  }
}
