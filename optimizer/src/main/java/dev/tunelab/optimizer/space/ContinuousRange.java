package dev.tunelab.optimizer.space;

import java.util.List;
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

  @Override
  public ContinuousRange withName(String newName) {
    return new ContinuousRange(newName, min, max, scaling);
  }

  @Override
  public String kind() {
    return "continuous";
  }

  /** Any decimal number SageMaker accepts ({@code "0.05"}, {@code "1e-4"}), as a Double. */
  @Override
  public Double parse(String text) {
    return Double.parseDouble(text.trim());
  }

  /** {@link Double#toString(double)}: the shortest decimal that reads back to the same value. */
  @Override
  public String format(Object value) {
    return Double.toString(((Number) value).doubleValue());
  }

  @Override
  public boolean contains(Object value) {
    return value instanceof Double x && x >= min && x <= max;
  }

  @Override
  public List<String> extremes() {
    return List.of(format(min), format(max));
  }

  @Override
  public boolean discrete() {
    return false;
  }

  /** {@link Long#MAX_VALUE}: a continuous range has no countable values. */
  @Override
  public long cardinality() {
    return Long.MAX_VALUE;
  }

  /** Always refused: a continuous range has no grid. */
  @Override
  public Double valueAt(long index) {
    throw new IllegalArgumentException("'" + name + "' is continuous and has no grid");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.continuous(this);
  }
}
