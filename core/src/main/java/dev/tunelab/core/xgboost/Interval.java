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

  /**
   * This interval cut to what XGBoost can hold: a 32-bit int for integers ({@code int} in
   * XGBoost4J and its C API), a finite 32-bit float for numbers (its parameters are floats).
   * Unbounded ends become those limits, so every value accepted can be passed on as it is.
   *
   * @param integer whether the hyperparameter is an integer
   */
  Interval representable(boolean integer) {
    double lo = integer ? Integer.MIN_VALUE : -Float.MAX_VALUE;
    double hi = integer ? Integer.MAX_VALUE : Float.MAX_VALUE;
    return new Interval(Math.max(min, lo), min < lo || minClosed, Math.min(max, hi), max > hi || maxClosed);
  }

  /**
   * In words, for example {@code "a number in (0, 1]"} or {@code "an integer from 1 to
   * 2147483647"}: integers are described with their smallest and largest accepted value, numbers
   * with their bounds (see {@link #representable} for the limits of unbounded ends).
   */
  String describe(boolean integer) {
    Interval r = representable(integer);
    if (integer) {
      long lo = (long) (r.minClosed ? Math.ceil(r.min) : Math.floor(r.min) + 1);
      long hi = (long) (r.maxClosed ? Math.floor(r.max) : Math.ceil(r.max) - 1);
      return "an integer from " + lo + " to " + hi;
    }
    return "a number in " + (r.minClosed ? "[" : "(") + num(r.min) + ", " + num(r.max) + (r.maxClosed ? "]" : ")");
  }

  private static String num(double v) {
    if (Math.abs(v) == Float.MAX_VALUE) {
      return (v < 0 ? "-" : "") + "3.4028235e38";
    }
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
