package dev.tunelab.optimizer;

import dev.tunelab.optimizer.space.Configuration;
import dev.tunelab.optimizer.space.SearchSpace;
import dev.tunelab.optimizer.space.UnitCubeEncoder;
import java.util.List;

/**
 * SageMaker's Random strategy: independent uniform draws in each range's scaled space
 * (log-uniform for a logarithmic range), never repeating a configuration of the history while
 * the space has others. Reproducible: the configuration at each position depends only on the seed
 * and that position, so a parallel run proposes the same configurations as a sequential one.
 */
public final class RandomStrategy implements Strategy {

  private final UnitCubeEncoder encoder;
  private final long seed;

  /** A random strategy over a space with a seed. */
  public RandomStrategy(SearchSpace space, long seed) {
    this.encoder = new UnitCubeEncoder(space);
    this.seed = seed;
  }

  @Override
  public List<Configuration> suggest(History history, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
    return Proposals.uniformByIndex(encoder, Proposals.seen(history), count, seed, history.size(), StreamPurpose.RANDOM_SEARCH);
  }

  /** Proposals depend on the seed and on which configurations were tried, never on their results. */
  @Override
  public boolean learnsFromResults() {
    return false;
  }
}
