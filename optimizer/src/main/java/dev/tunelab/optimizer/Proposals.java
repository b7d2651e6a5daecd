package dev.tunelab.optimizer;

import dev.tunelab.optimizer.space.Configuration;
import dev.tunelab.optimizer.space.SearchSpace;
import dev.tunelab.optimizer.space.UnitCubeEncoder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Helpers shared by strategies: the set of configurations already seen, and uniform random
 * proposals that avoid them (falling back to enumerating a small finite space).
 */
public final class Proposals {

  /** Largest finite space enumerated to find unseen configurations when random draws fail. */
  public static final long ENUMERATION_LIMIT = 200_000;

  private Proposals() {
  }

  /** Every configuration of the history, whatever its status. */
  public static Set<Configuration> seen(History history) {
    Set<Configuration> s = new HashSet<>();
    for (Observation o : history.observations()) {
      s.add(o.configuration());
    }
    return s;
  }

  /**
   * Draws up to {@code count} uniform configurations not in {@code seen}, the j-th from its own
   * stream for index {@code historySize + j}, so that the configuration at each position of a
   * run is the same whether proposals are asked one at a time or in batches (a parallel tuning
   * job frees slots in timing-dependent groups). Adds each to {@code seen}.
   */
  public static List<Configuration> uniformByIndex(UnitCubeEncoder encoder, Set<Configuration> seen, int count,
      long seed, int historySize, StreamPurpose purpose) {
    List<Configuration> out = new ArrayList<>();
    for (int j = 0; j < count; j++) {
      List<Configuration> one = uniform(encoder, seen, 1, Seeds.stream(seed, historySize + j, purpose));
      if (one.isEmpty()) {
        break;
      }
      out.addAll(one);
    }
    return out;
  }

  /**
   * Draws up to {@code count} uniform configurations (in the scaled space) not in {@code seen},
   * adding each to {@code seen}. Returns fewer only when the space has no unseen configuration.
   */
  public static List<Configuration> uniform(UnitCubeEncoder encoder, Set<Configuration> seen,
      int count, SplittableRandom rng) {
    SearchSpace space = encoder.space();
    List<Configuration> out = new ArrayList<>();
    double[] r = new double[space.size()];
    int tries = 0;
    while (out.size() < count && tries < 200 + 50 * count) {
      tries++;
      for (int i = 0; i < r.length; i++) {
        r[i] = rng.nextDouble();
      }
      Configuration c = encoder.fromRangeUniforms(r);
      if (seen.add(c)) {
        out.add(c);
      }
    }
    if (out.size() < count && space.isFinite() && space.cardinality() <= ENUMERATION_LIMIT) {
      List<Configuration> unseen = new ArrayList<>();
      for (long i = 0, n = space.cardinality(); i < n; i++) {
        Configuration c = GridStrategy.combination(space, i);
        if (!seen.contains(c)) {
          unseen.add(c);
        }
      }
      while (out.size() < count && !unseen.isEmpty()) {
        Configuration c = unseen.remove(rng.nextInt(unseen.size()));
        seen.add(c);
        out.add(c);
      }
    }
    return out;
  }
}
