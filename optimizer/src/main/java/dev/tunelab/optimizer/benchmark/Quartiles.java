package dev.tunelab.optimizer.benchmark;

import java.util.Arrays;

/**
 * Lower quartile, median and upper quartile of a sample (linear interpolation between order
 * statistics, Hyndman and Fan type 7, as numpy's default).
 */
public record Quartiles(double q1, double median, double q3) {

  /** Quartiles of a non-empty sample. */
  public static Quartiles of(double[] sample) {
    if (sample.length == 0) {
      throw new IllegalArgumentException("sample must not be empty");
    }
    double[] s = sample.clone();
    Arrays.sort(s);
    return new Quartiles(quantile(s, 0.25), quantile(s, 0.5), quantile(s, 0.75));
  }

  /** The p-quantile of a sorted sample. */
  public static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
