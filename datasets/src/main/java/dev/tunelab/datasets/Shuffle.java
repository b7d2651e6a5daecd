package dev.tunelab.datasets;

import java.util.SplittableRandom;

/**
 * Seeded permutations and row selection shared by the splitters.
 *
 * <p>The permutation is a Fisher-Yates shuffle driven only by {@link SplittableRandom#nextLong()}
 * from {@code new SplittableRandom(seed)} (whose algorithm, SplitMix64, has not changed since
 * Java 8); bounded indices are drawn here by rejection from the top 63 bits, not by
 * {@code nextInt(bound)}, so the result is the same on every JVM version and platform. It does
 * not reproduce numpy's permutation.
 */
final class Shuffle {

  private Shuffle() {}

  /** A permutation of {@code 0..n-1} determined by the seed. */
  static int[] permutation(int n, long seed) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = bounded(rng, i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** Uniform in {@code [0, bound)} without modulo bias. */
  private static int bounded(SplittableRandom rng, int bound) {
    long u = rng.nextLong() >>> 1;
    long r = u % bound;
    while (u - r + (bound - 1) < 0) { // u fell in the incomplete last block: draw again
      u = rng.nextLong() >>> 1;
      r = u % bound;
    }
    return (int) r;
  }

  /**
   * A seed for a second, independent stream derived from {@code seed} (the SplitMix64 finaliser
   * of {@code seed + 1}), so that stream 2 of seed s is not stream 1 of any nearby seed.
   */
  static long derive(long seed) {
    long z = seed + 1;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The rows {@code rows[from..to)} of {@code d} (copied), with the given provenance. */
  static Dataset select(Dataset d, int[] rows, int from, int to, Provenance provenance) {
    double[][] x = new double[to - from][];
    double[] y = d.labelled() ? new double[to - from] : null;
    for (int i = from; i < to; i++) {
      x[i - from] = d.features()[rows[i]].clone();
      if (y != null) {
        y[i - from] = d.labels()[rows[i]];
      }
    }
    return new Dataset(x, y, d.featureNames(), provenance);
  }

  /** Provenance of a part: same source and sha256, derivation appended to the parent's. */
  static Provenance derived(Provenance parent, String step) {
    String derivation = parent.derivation().isEmpty() ? step : parent.derivation() + "; " + step;
    return new Provenance(parent.source(), parent.sha256(), derivation);
  }
}
