package dev.tunelab.benchmarks.quality;

import java.util.Arrays;
import java.util.Locale;

/**
 * Order statistics of a sample: minimum, quartiles, median and maximum, with the quartiles
 * interpolated linearly between order statistics (Hyndman and Fan type 7, the default of
 * {@code numpy.percentile} and R's {@code quantile}), so the Java and Python reports agree. The
 * values keep the unit of the sample.
 *
 * @param n      sample size (at least 1)
 * @param min    smallest value
 * @param q1     25th percentile
 * @param median 50th percentile
 * @param q3     75th percentile
 * @param max    largest value
 */
public record Summary(int n, double min, double q1, double median, double q3, double max) {

  /**
   * @param values the sample (not modified)
   * @throws IllegalArgumentException when {@code values} is empty or holds NaN
   */
  public static Summary of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("values: empty sample; need at least one value");
    }
    double[] s = values.clone();
    Arrays.sort(s);
    if (Double.isNaN(s[s.length - 1])) {
      throw new IllegalArgumentException("values: " + Arrays.toString(values) + " holds NaN; need numbers");
    }
    return new Summary(s.length, s[0], quantile(s, 0.25), quantile(s, 0.5), quantile(s, 0.75), s[s.length - 1]);
  }

  /** The {@code p} quantile (0..1) of sorted values, type 7. */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** Median of a sample. */
  public static double median(double[] values) {
    return of(values).median();
  }

  /** "median [q1, q3]" with the given number of decimals. */
  public String medianWithQuartiles(int decimals) {
    String f = "%." + decimals + "f";
    return String.format(Locale.ROOT, f + " [" + f + ", " + f + "]", median, q1, q3);
  }
}
