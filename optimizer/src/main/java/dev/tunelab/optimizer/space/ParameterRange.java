package dev.tunelab.optimizer.space;

/**
 * One tunable hyperparameter: a continuous, integer or categorical range, named as in the
 * SageMaker request ({@code ContinuousParameterRanges}, {@code IntegerParameterRanges},
 * {@code CategoricalParameterRanges}).
 */
public sealed interface ParameterRange permits ContinuousRange, IntegerRange, CategoricalRange {
  /** The hyperparameter's name, unique within a {@link SearchSpace}. */
  String name();

  /** Checks a name: non-null, non-blank, at most 256 characters. */
  static void checkName(String name) {
    if (name == null || name.isBlank() || name.length() > 256) {
      throw new IllegalArgumentException("parameter Name '" + name
          + "' is not valid; expected 1 to 256 characters, not blank");
    }
  }
}
