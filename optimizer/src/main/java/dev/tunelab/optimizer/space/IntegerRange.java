package dev.tunelab.optimizer.space;

import java.util.List;
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
  @Override
  public long cardinality() {
    return max - min + 1;
  }

  @Override
  public IntegerRange withName(String newName) {
    return new IntegerRange(newName, min, max, scaling);
  }

  @Override
  public String kind() {
    return "integer";
  }

  /**
   * An integer such as {@code "5"}, as a Long. A finite decimal such as {@code "5.0"} (a value
   * another job wrote, e.g. a static hyperparameter) is rounded to the nearest integer.
   */
  @Override
  public Long parse(String text) {
    String t = text.trim();
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      double d = Double.parseDouble(t);
      if (!Double.isFinite(d)) {
        throw new NumberFormatException("integer parameter '" + name + "': '" + text + "' is not a finite number");
      }
      return Math.round(d);
    }
  }

  /** The integer in decimal digits, e.g. {@code "5"}. */
  @Override
  public String format(Object value) {
    return Long.toString(((Number) value).longValue());
  }

  @Override
  public boolean contains(Object value) {
    return value instanceof Long x && x >= min && x <= max;
  }

  @Override
  public List<String> extremes() {
    return List.of(format(min), format(max));
  }

  @Override
  public boolean discrete() {
    return true;
  }

  @Override
  public Long valueAt(long index) {
    if (index < 0 || index >= cardinality()) {
      throw new IllegalArgumentException("integer parameter '" + name + "' has no value number " + index
          + "; it has " + cardinality());
    }
    return min + index;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.integer(this);
  }
}
