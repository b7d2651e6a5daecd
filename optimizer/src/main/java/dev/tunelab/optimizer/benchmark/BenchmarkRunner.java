package dev.tunelab.optimizer.benchmark;

import dev.tunelab.optimizer.Direction;
import dev.tunelab.optimizer.History;
import dev.tunelab.optimizer.Observation;
import dev.tunelab.optimizer.Strategies;
import dev.tunelab.optimizer.Strategy;
import dev.tunelab.optimizer.space.Configuration;
import dev.tunelab.optimizer.space.SearchSpace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Runs a strategy on a test function over several seeds. With {@code parallel = k > 1} it
 * simulates k trials in flight deterministically: it first asks for k proposals together, then
 * repeatedly completes the oldest pending trial and asks for one new proposal while the other
 * k - 1 are pending. Single-threaded and reproducible.
 */
public final class BenchmarkRunner {

  /** Builds the strategy for one seed. */
  @FunctionalInterface
  public interface StrategyFactory {
    /** A fresh strategy for a space, minimising, with a seed. */
    Strategy create(SearchSpace space, long seed);
  }

  private BenchmarkRunner() {
  }

  /** A factory for a strategy by SageMaker name ("Bayesian", "Random", "Grid"). */
  public static StrategyFactory byName(String name) {
    return (space, seed) -> Strategies.create(name, space, Direction.MINIMIZE, seed);
  }

  /**
   * @param function what to minimise
   * @param strategyName name reported in the result
   * @param factory builds the strategy per seed
   * @param trials evaluations per seed, >= 1
   * @param seeds number of seeds (seeds 0 .. seeds-1), >= 1
   * @param parallel proposals in flight, >= 1
   */
  public static BenchmarkResult run(TestFunction function, String strategyName, StrategyFactory factory,
      int trials, int seeds, int parallel) {
    if (trials < 1 || seeds < 1 || parallel < 1) {
      throw new IllegalArgumentException("trials " + trials + ", seeds " + seeds + " and parallel "
          + parallel + " must all be >= 1");
    }
    long t0 = System.nanoTime();
    List<Long> seedList = new ArrayList<>();
    List<double[]> traj = new ArrayList<>();
    for (long s = 0; s < seeds; s++) {
      seedList.add(s);
      traj.add(trajectory(function, factory.create(function.space(), s), trials, parallel));
    }
    List<Quartiles> summary = new ArrayList<>();
    for (int t = 0; t < trials; t++) {
      double[] at = new double[seeds];
      for (int s = 0; s < seeds; s++) {
        at[s] = traj.get(s)[t];
      }
      summary.add(Quartiles.of(at));
    }
    return new BenchmarkResult(function.name(), function.optimum(), strategyName, trials, parallel,
        List.copyOf(seedList), List.copyOf(traj), List.copyOf(summary), (System.nanoTime() - t0) / 1e9);
  }

  /**
   * One seed's best-so-far trajectory: element t is the best value after t + 1 completed
   * trials. If a finite space is exhausted early, the last best value is repeated.
   */
  public static double[] trajectory(TestFunction function, Strategy strategy, int trials, int parallel) {
    List<Observation> obs = new ArrayList<>();
    Deque<Integer> inFlight = new ArrayDeque<>();
    double[] best = new double[trials];
    double bestSoFar = Double.POSITIVE_INFINITY;
    int started = 0;
    int done = 0;
    while (done < trials) {
      int want = Math.min(parallel - inFlight.size(), trials - started);
      if (want > 0) {
        List<Configuration> next = strategy.suggest(new History(obs), want);
        for (Configuration c : next) {
          inFlight.add(obs.size());
          obs.add(Observation.pending(c));
          started++;
        }
      }
      if (inFlight.isEmpty()) {
        for (int t = done; t < trials; t++) {
          best[t] = bestSoFar;
        }
        break;
      }
      int i = inFlight.poll();
      Configuration c = obs.get(i).configuration();
      double v = function.evaluate(c);
      obs.set(i, Observation.completed(c, v));
      if (v < bestSoFar) {
        bestSoFar = v;
      }
      best[done++] = bestSoFar;
    }
    return best;
  }
}
