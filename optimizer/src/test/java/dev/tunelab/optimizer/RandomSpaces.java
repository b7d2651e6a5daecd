package dev.tunelab.optimizer;

import dev.tunelab.optimizer.space.CategoricalRange;
import dev.tunelab.optimizer.space.ContinuousRange;
import dev.tunelab.optimizer.space.IntegerRange;
import dev.tunelab.optimizer.space.ParameterRange;
import dev.tunelab.optimizer.space.ScalingType;
import dev.tunelab.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random search spaces of every range kind and scaling, for property tests. */
final class RandomSpaces {

  private RandomSpaces() {
  }

  static SearchSpace space(long seed, boolean allowContinuous) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 1 + rng.nextInt(6);
    List<ParameterRange> r = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int kind = allowContinuous ? rng.nextInt(3) : 1 + rng.nextInt(2);
      String name = "p" + i;
      switch (kind) {
        case 0 -> {
          int s = rng.nextInt(4);
          if (s == 0) {
            double lo = rng.nextDouble(-10, 10);
            r.add(new ContinuousRange(name, lo, lo + rng.nextDouble(0.01, 100), ScalingType.LINEAR));
          } else if (s == 1) {
            double lo = Math.exp(rng.nextDouble(-10, 2));
            r.add(new ContinuousRange(name, lo, lo * Math.exp(rng.nextDouble(0.1, 10)), ScalingType.LOGARITHMIC));
          } else if (s == 2) {
            double lo = rng.nextDouble(0, 0.5);
            r.add(new ContinuousRange(name, lo, rng.nextDouble(lo, 0.9999), ScalingType.REVERSE_LOGARITHMIC));
          } else {
            r.add(new ContinuousRange(name, 0, rng.nextDouble(1e-3, 1e3), ScalingType.AUTO));
          }
        }
        case 1 -> {
          long lo = rng.nextInt(1, 20);
          long hi = lo + rng.nextInt(0, rng.nextBoolean() ? 5 : 500);
          r.add(new IntegerRange(name, lo, hi, rng.nextBoolean() ? ScalingType.LOGARITHMIC : ScalingType.AUTO));
        }
        default -> {
          int k = 1 + rng.nextInt(5);
          List<String> v = new ArrayList<>();
          for (int j = 0; j < k; j++) {
            v.add("v" + j);
          }
          r.add(new CategoricalRange(name, v));
        }
      }
    }
    return new SearchSpace(r);
  }
}
