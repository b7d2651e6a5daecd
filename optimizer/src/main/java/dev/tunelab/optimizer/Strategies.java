package dev.tunelab.optimizer;

import dev.tunelab.optimizer.gp.BayesianOptions;
import dev.tunelab.optimizer.gp.BayesianStrategy;
import dev.tunelab.optimizer.space.SearchSpace;

/** Builds a strategy by SageMaker's name. */
public final class Strategies {

  private Strategies() {
  }

  /**
   * @param name "Bayesian", "Random" or "Grid" (SageMaker's names, case-sensitive)
   * @param space the search space; Grid rejects continuous ranges
   * @param direction whether to minimise or maximise the objective
   * @param seed the job's random seed
   * @throws IllegalArgumentException for an unknown name, or Grid over a continuous range
   */
  public static Strategy create(String name, SearchSpace space, Direction direction, long seed) {
    if (space == null || direction == null) {
      throw new IllegalArgumentException("space and direction must not be null");
    }
    return switch (name == null ? "" : name) {
      case "Bayesian" -> new BayesianStrategy(space, direction, seed, BayesianOptions.defaults());
      case "Random" -> new RandomStrategy(space, seed);
      case "Grid" -> new GridStrategy(space);
      default -> throw new IllegalArgumentException("Strategy '" + name
          + "' is not supported; accepted: Bayesian, Random, Grid");
    };
  }
}
