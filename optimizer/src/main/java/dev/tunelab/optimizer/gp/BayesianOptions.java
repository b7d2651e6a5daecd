package dev.tunelab.optimizer.gp;

/**
 * Settings of {@link BayesianStrategy}.
 *
 * @param initialDesign number of configurations drawn at random (completed plus pending)
 *     before the GP takes over; at least 1
 * @param candidates candidate points scored per proposal (Sobol plus perturbations of the best
 *     points) up to n = 50 observations; scaled down as {@code 50 / n} above, to at least 256
 * @param localStarts best candidates refined by bounded quasi-Newton on log EI
 * @param localMaxIter iterations per refinement
 * @param fitStarts quasi-Newton starts for the kernel hyperparameters up to 50 observations;
 *     one start (at the prior's centre) above
 * @param fitMaxIter iterations per hyperparameter start
 * @param maxFitPoints most observations used to fit the hyperparameters (a subset keeping the
 *     best fifth, the rest drawn at random); the posterior always uses all of them
 */
public record BayesianOptions(int initialDesign, int candidates, int localStarts, int localMaxIter,
    int fitStarts, int fitMaxIter, int maxFitPoints) {

  public BayesianOptions {
    if (initialDesign < 1 || candidates < 1 || localStarts < 0 || localMaxIter < 1 || fitStarts < 1
        || fitMaxIter < 1 || maxFitPoints < 2) {
      throw new IllegalArgumentException("BayesianOptions out of range: " + this
          + "; need initialDesign, candidates, localMaxIter, fitStarts, fitMaxIter >= 1, localStarts >= 0, maxFitPoints >= 2");
    }
  }

  /** The defaults (see RESULTS.md in the benchmarks module for the measurements behind them). */
  public static BayesianOptions defaults() {
    return new BayesianOptions(10, 2048, 5, 40, 3, 60, 100);
  }

  /** A copy with another initial design size. */
  public BayesianOptions withInitialDesign(int n) {
    return new BayesianOptions(n, candidates, localStarts, localMaxIter, fitStarts, fitMaxIter, maxFitPoints);
  }
}
