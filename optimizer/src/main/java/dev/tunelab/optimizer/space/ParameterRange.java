package dev.tunelab.optimizer.space;

import java.util.List;

/**
 * One tunable hyperparameter: a continuous, integer or categorical range, named as in the
 * SageMaker request ({@code ContinuousParameterRanges}, {@code IntegerParameterRanges},
 * {@code CategoricalParameterRanges}). This is TuneLab's only range hierarchy: a range parses and
 * formats its own values, so no caller needs to know which kind it holds; code that must build
 * something different per kind (e.g. a request's JSON) does so through a {@link Visitor}.
 *
 * <p>Values are those a {@link Configuration} holds: {@link Long} (integer), {@link Double}
 * (continuous) or {@link String} (categorical). Their text form is SageMaker's: integers as
 * {@code "5"}, continuous values as {@link Double#toString(double)}, categoricals as they are.
 */
public sealed interface ParameterRange permits ContinuousRange, IntegerRange, CategoricalRange {
  /** The hyperparameter's name, unique within a {@link SearchSpace}. */
  String name();

  /** The same range under another name (validated like any name). */
  ParameterRange withName(String name);

  /** {@code "continuous"}, {@code "integer"} or {@code "categorical"}, for messages. */
  String kind();

  /**
   * Parses a value's text form into the value a {@link Configuration} holds.
   *
   * @throws IllegalArgumentException when the text is not a value of this kind (it may still lie
   *     outside the range: see {@link #contains(Object)})
   */
  Object parse(String text);

  /** The text form of a value of this range ({@code "5"}, {@code "0.05"}, {@code "gbtree"}). */
  String format(Object value);

  /** Whether a value (as {@link #parse} returns it) lies inside this range. */
  boolean contains(Object value);

  /**
   * The text forms of the values at the range's edges: lowest and highest for a numeric range,
   * every value for a categorical one.
   */
  List<String> extremes();

  /** Whether the range has finitely many values (integer and categorical ranges). */
  boolean discrete();

  /**
   * Number of distinct values of a {@link #discrete()} range; {@link Long#MAX_VALUE} for a
   * continuous one.
   */
  long cardinality();

  /**
   * The {@code index}-th value of a {@link #discrete()} range in range order (integers
   * ascending, categoricals as given), {@code 0 <= index < cardinality()}.
   *
   * @throws IllegalArgumentException for a continuous range or an index outside the range
   */
  Object valueAt(long index);

  /** Calls the visitor's method for this kind of range. */
  <R> R accept(Visitor<R> visitor);

  /**
   * Something to compute per kind of range, without asking which kind a range is.
   *
   * @param <R> the result type
   */
  interface Visitor<R> {
    /** The result for a continuous range. */
    R continuous(ContinuousRange range);

    /** The result for an integer range. */
    R integer(IntegerRange range);

    /** The result for a categorical range. */
    R categorical(CategoricalRange range);
  }

  /** Checks a name: non-null, non-blank, at most 256 characters. */
  static void checkName(String name) {
    if (name == null || name.isBlank() || name.length() > 256) {
      throw new IllegalArgumentException("parameter Name '" + name
          + "' is not valid; expected 1 to 256 characters, not blank");
    }
  }
}
