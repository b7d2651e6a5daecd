package dev.tunelab.cli;

/**
 * The bounds of the command line's numeric options, checked in one place so that every message
 * says the bound: {@code --trials: got '2147483647'; expected an integer from 1 to 10000}. Each
 * bound is what a run can use, not what the Java type can hold (2<sup>31</sup> - 1 trials ran out
 * of memory).
 */
final class OptionBounds {

  private OptionBounds() { }

  /**
   * Checks an integer option.
   *
   * @param option the option's name, e.g. {@code --trials}
   * @param value  the value given
   * @param min    smallest value accepted
   * @param max    largest value accepted
   * @return the value
   * @throws dev.tunelab.core.spec.SpecException (exit 2) naming the option, the value and the bounds
   */
  static long check(String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw Main.badInput(option, value, "an integer from " + min + " to " + max);
    }
    return value;
  }

  /** Checks an {@code int} option; see {@link #check(String, long, long, long)}. */
  static int check(String option, int value, int min, int max) {
    return (int) check(option, (long) value, min, max);
  }
}
