package dev.tunelab.optimizer;

import java.util.SplittableRandom;

/** Derives independent, reproducible random streams from a job seed and a call's context. */
public final class Seeds {

  private Seeds() {
  }

  /** A SplitMix64 finaliser: a well-mixed 64-bit function of its input. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A random stream for (seed, history size, purpose), independent of any other call. */
  public static SplittableRandom stream(long seed, int historySize, StreamPurpose purpose) {
    return new SplittableRandom(mix(mix(seed ^ 0x5DEECE66DL) + 0x9E3779B97F4A7C15L * (historySize + 1L)
        + 0xC2B2AE3D27D4EB4FL * (purpose.code() + 1L)));
  }
}
