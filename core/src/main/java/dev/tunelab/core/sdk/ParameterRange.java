package dev.tunelab.core.sdk;

import dev.tunelab.optimizer.space.CategoricalRange;
import dev.tunelab.optimizer.space.ContinuousRange;
import dev.tunelab.optimizer.space.IntegerRange;

/**
 * A range of values for one tuned hyperparameter, the SageMaker Python SDK's
 * {@code sagemaker.parameter.ParameterRange}: a thin factory for the optimizer's
 * {@link dev.tunelab.optimizer.space.ParameterRange}, which owns the range's rules and values. The
 * name is not part of the range: it is the key of the map given to {@link HyperparameterTuner},
 * as in the SDK's {@code hyperparameter_ranges}.
 *
 * <p>Ranges are checked when the tuner's request is built (on {@code fit}), by the optimizer's
 * range types, as for the {@code tunelab tune} command: a bad range (min above max, a
 * logarithmic range reaching 0, ...) raises a {@link dev.tunelab.core.spec.SpecException} naming
 * the range.
 */
public sealed interface ParameterRange permits ContinuousParameter, IntegerParameter, CategoricalParameter {

  /**
   * {@code "Continuous"}, {@code "Integer"} or {@code "Categorical"}: the SDK's class
   * {@code __name__}, and the prefix of the request's {@code <type>ParameterRanges} key.
   */
  String rangeType();

  /**
   * The optimizer's range for the hyperparameter {@code name}.
   *
   * @throws IllegalArgumentException when the values break the range's rules
   */
  dev.tunelab.optimizer.space.ParameterRange toRange(String name);

  /** The SDK's range for an optimizer range (its name dropped), e.g. for {@code attach}. */
  static ParameterRange of(dev.tunelab.optimizer.space.ParameterRange range) {
    return range.accept(new dev.tunelab.optimizer.space.ParameterRange.Visitor<ParameterRange>() {
      @Override
      public ParameterRange continuous(ContinuousRange r) {
        return new ContinuousParameter(r.min(), r.max(), r.scaling());
      }

      @Override
      public ParameterRange integer(IntegerRange r) {
        return new IntegerParameter(r.min(), r.max(), r.scaling());
      }

      @Override
      public ParameterRange categorical(CategoricalRange r) {
        return new CategoricalParameter(r.values());
      }
    });
  }
}
