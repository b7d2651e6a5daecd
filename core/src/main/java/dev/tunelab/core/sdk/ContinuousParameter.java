package dev.tunelab.core.sdk;

import dev.tunelab.optimizer.space.ContinuousRange;
import dev.tunelab.optimizer.space.ScalingType;
import java.util.Objects;

/**
 * A continuous range {@code [minValue, maxValue]}, the SageMaker Python SDK's
 * {@code ContinuousParameter(min_value, max_value, scaling_type='Auto')}. Serialised with the
 * bounds written as Python writes floats ({@code 0.05 -> "0.05"}, {@code 0 -> "0.0"}).
 *
 * @param minValue    lowest value (inclusive)
 * @param maxValue    highest value (inclusive)
 * @param scalingType Auto (the default), Linear, Logarithmic or ReverseLogarithmic
 */
public record ContinuousParameter(double minValue, double maxValue, ScalingType scalingType)
    implements ParameterRange {

  public ContinuousParameter {
    Objects.requireNonNull(scalingType, "ContinuousParameter.scalingType: got null; expected Auto, Linear, "
        + "Logarithmic or ReverseLogarithmic");
  }

  /** A range searched with ScalingType Auto, the SDK's default. */
  public ContinuousParameter(double minValue, double maxValue) {
    this(minValue, maxValue, ScalingType.AUTO);
  }

  @Override
  public String rangeType() {
    return "Continuous";
  }

  @Override
  public ContinuousRange toRange(String name) {
    return new ContinuousRange(name, minValue, maxValue, scalingType);
  }
}
