package dev.tunelab.core.xgboost;

/**
 * A range of accepted numeric values for one hyperparameter, with open or closed ends; an
 * infinite bound is given as {@code Double.NEGATIVE_INFINITY} / {@code Double.POSITIVE_INFINITY}.
 * Values are in the hyperparameter's own unit (most are unitless).
 *
 * @param min       lower bound
 * @param minClosed whether {@code min} itself is accepted
 * @param max       upper bound
 * @param maxClosed whether {@code max} itself is accepted
 */
record Interval(double min, boolean minClosed, double max, boolean maxClosed) {

  /** {@code [min, +inf)}. */
  static Interval atLeast(double min) {
    return new Interval(min, true, Double.POSITIVE_INFINITY, false);
  }

  /** {@code (min, +inf)}. */
  static Interval above(double min) {
    return new Interval(min, false, Double.POSITIVE_INFINITY, false);
  }

  /** {@code [min, max]}. */
  static Interval closed(double min, double max) {
    return new Interval(min, true, max, true);
  }

  /** {@code (min, max]}. */
  static Interval leftOpen(double min, double max) {
    return new Interval(min, false, max, true);
  }

  /** {@code (min, max)}. */
  static Interval open(double min, double max) {
    return new Interval(min, false, max, false);
  }

  boolean contains(double v) {
    if (Double.isNaN(v)) {
      return false;
    }
    boolean lo = minClosed ? v >= min : v > min;
    boolean hi = maxClosed ? v <= max : v < max;
    return lo && hi;
  }

  /** In words, for example {@code "a number in (0, 1]"} or {@code "an integer >= 1"}. */
  String describe(boolean integer) {
    String kind = integer ? "an integer" : "a number";
    boolean finiteMax = !Double.isInfinite(max);
    boolean finiteMin = !Double.isInfinite(min);
    if (finiteMin && finiteMax) {
      return kind + " in " + (minClosed ? "[" : "(") + num(min) + ", " + num(max) + (maxClosed ? "]" : ")");
    }
    if (finiteMin) {
      return kind + (minClosed ? " >= " : " > ") + num(min);
    }
    if (finiteMax) {
      return kind + (maxClosed ? " <= " : " < ") + num(max);
    }
    return kind;
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
