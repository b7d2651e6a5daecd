package dev.tunelab.optimizer.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The Yeo-Johnson output warping: monotone, order-preserving, and only taming heavy upper tails. */
class OutputWarpingTest {

  @Test
  void theTransformIsStrictlyIncreasingForEveryExponent() {
    for (double lambda : new double[] {-2, -1, -0.3, 0, 0.5, 1, 1.7, 2}) {
      double prev = Double.NEGATIVE_INFINITY;
      for (double x = -20; x <= 20; x += 0.01) {
        double v = OutputWarping.yj(x, lambda);
        assertTrue(v > prev, "yj(" + x + ", " + lambda + ") = " + v + " not above " + prev);
        prev = v;
      }
    }
  }

  @Test
  void lambdaOneIsTheIdentity() {
    for (double x : new double[] {-3, -0.5, 0, 0.25, 4}) {
      assertEquals(x, OutputWarping.yj(x, 1.0), 1e-12);
    }
  }

  @Test
  void aHeavyUpperTailIsCompressedAndTheOrderKept() {
    SplittableRandom rng = new SplittableRandom(5);
    double[] y = new double[60];
    for (int i = 0; i < y.length; i++) {
      y[i] = Math.exp(1.5 * Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble()));
    }
    double[] before = y.clone();
    BayesianStrategy.standardise(before);
    double[] w = y.clone();
    OutputWarping.yeoJohnson(w);
    assertArrayEquals(order(y), order(w), "the ranking of the losses is unchanged");
    assertEquals(0.0, Arrays.stream(w).average().orElseThrow(), 1e-9, "standardised mean");
    assertEquals(1.0, Math.sqrt(Arrays.stream(w).map(v -> v * v).sum() / w.length), 1e-9, "standardised sd");
    assertTrue(skewness(before) > 2, "the sample is heavy-tailed: skewness " + skewness(before));
    assertTrue(Math.abs(skewness(w)) < 1, "after warping, skewness " + skewness(w));
    double gapBefore = sortedGap(before);
    double gapAfter = sortedGap(w);
    assertTrue(gapAfter > 2 * gapBefore, "the best losses are spread further apart: " + gapBefore + " -> " + gapAfter);
  }

  @Test
  void aHeavyLowerTailIsLeftAsItIs() {
    // Like hartmann6: most losses near 0, a few very good ones. Compressing those would blur
    // the region that matters, so the exponent is capped at 1 (no warping).
    SplittableRandom rng = new SplittableRandom(9);
    double[] y = new double[50];
    for (int i = 0; i < y.length; i++) {
      y[i] = -Math.exp(3 * rng.nextDouble() * rng.nextDouble());
    }
    double[] expected = y.clone();
    BayesianStrategy.standardise(expected);
    double[] w = y.clone();
    OutputWarping.yeoJohnson(w);
    assertArrayEquals(expected, w, 1e-6);
  }

  @Test
  void constantAndTinySamplesStayFinite() {
    double[] c = {2, 2, 2, 2};
    OutputWarping.yeoJohnson(c);
    for (double v : c) {
      assertTrue(Double.isFinite(v));
    }
    double[] two = {1, 1e6};
    OutputWarping.yeoJohnson(two);
    assertTrue(two[0] < two[1]);
  }

  private static int[] order(double[] y) {
    return IntStream.range(0, y.length).boxed().sorted((a, b) -> Double.compare(y[a], y[b]))
        .mapToInt(Integer::intValue).toArray();
  }

  private static double sortedGap(double[] y) {
    double[] s = y.clone();
    Arrays.sort(s);
    return s[5] - s[0];
  }

  private static double skewness(double[] y) {
    double m = Arrays.stream(y).average().orElseThrow();
    double m2 = Arrays.stream(y).map(v -> (v - m) * (v - m)).average().orElseThrow();
    double m3 = Arrays.stream(y).map(v -> Math.pow(v - m, 3)).average().orElseThrow();
    return m3 / Math.pow(m2, 1.5);
  }
}
