package dev.tunelab.core.sdk;

import dev.tunelab.optimizer.space.IntegerRange;
import dev.tunelab.optimizer.space.ScalingType;
import java.util.Objects;

/**
 * An integer range {@code [minValue, maxValue]}, the SageMaker Python SDK's
 * {@code IntegerParameter(min_value, max_value, scaling_type='Auto')}, serialised with the bounds
 * as strings. ReverseLogarithmic is refused for integer ranges (SageMaker's rule) when the request
 * is parsed.
 *
 * @param minValue    lowest value (inclusive)
 * @param maxValue    highest value (inclusive)
 * @param scalingType Auto (the default), Linear or Logarithmic
 */
public record IntegerParameter(long minValue, long maxValue, ScalingType scalingType) implements ParameterRange {

  public IntegerParameter {
    Objects.requireNonNull(scalingType, "IntegerParameter.scalingType: got null; expected Auto, Linear or Logarithmic");
  }

  /** A range searched with ScalingType Auto, the SDK's default. */
  public IntegerParameter(long minValue, long maxValue) {
    this(minValue, maxValue, ScalingType.AUTO);
  }

  @Override
  public String rangeType() {
    return "Integer";
  }

  @Override
  public IntegerRange toRange(String name) {
    return new IntegerRange(name, minValue, maxValue, scalingType);
  }
}
