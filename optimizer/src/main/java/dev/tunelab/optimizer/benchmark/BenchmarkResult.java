package dev.tunelab.optimizer.benchmark;

import java.util.List;

/**
 * The outcome of one strategy on one test function.
 *
 * @param function the test function's name
 * @param optimum its known global minimum
 * @param strategy the strategy's name
 * @param trials evaluations per seed
 * @param parallel proposals in flight (1 = sequential)
 * @param seeds the seeds, one per run
 * @param trajectories per seed, the best value found after each completed trial
 *     ({@code trajectories.get(s)[t]} after t + 1 trials)
 * @param summary quartiles across seeds at each budget t + 1
 * @param seconds wall-clock seconds for all seeds
 */
public record BenchmarkResult(String function, double optimum, String strategy, int trials, int parallel,
    List<Long> seeds, List<double[]> trajectories, List<Quartiles> summary, double seconds) {

  /** Quartiles of the best value after all trials. */
  public Quartiles last() {
    return summary.get(summary.size() - 1);
  }
}
