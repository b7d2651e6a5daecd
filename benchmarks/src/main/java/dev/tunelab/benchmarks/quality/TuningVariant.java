package dev.tunelab.benchmarks.quality;

/**
 * The settings a report changes on the course's tuning spec; everything else (ranges, static
 * hyperparameters, data, objective) stays as in the spec file.
 *
 * @param strategy      {@code Bayesian}, {@code Random}, {@code Hyperband} or {@code Grid}
 * @param jobs          MaxNumberOfTrainingJobs
 * @param parallel      MaxParallelTrainingJobs
 * @param seed          RandomSeed of the tuning job
 * @param earlyStopping true for TrainingJobEarlyStoppingType Auto, false for Off
 * @param minResource   Hyperband MinResource (boosting rounds), or 0 for no StrategyConfig
 * @param maxResource   Hyperband MaxResource (boosting rounds), or 0 for no StrategyConfig
 */
public record TuningVariant(String strategy, int jobs, int parallel, long seed, boolean earlyStopping,
    int minResource, int maxResource) {

  public TuningVariant {
    if (jobs < 1 || parallel < 1) {
      throw new IllegalArgumentException("jobs/parallel: " + jobs + "/" + parallel + "; need both >= 1");
    }
    if ((minResource == 0) != (maxResource == 0) || minResource < 0 || minResource > maxResource) {
      throw new IllegalArgumentException("minResource/maxResource: " + minResource + "/" + maxResource
          + "; need both 0 (no Hyperband config) or 1 <= min <= max");
    }
  }

  /** The course's settings: Bayesian, 20 jobs, 3 parallel, early stopping Off, with this seed. */
  public static TuningVariant course(long seed) {
    return new TuningVariant("Bayesian", 20, 3, seed, false, 0, 0);
  }

  /** The same with another strategy. */
  public TuningVariant strategy(String s) {
    return new TuningVariant(s, jobs, parallel, seed, earlyStopping, minResource, maxResource);
  }

  /** The same with other resource limits. */
  public TuningVariant limits(int maxJobs, int maxParallel) {
    return new TuningVariant(strategy, maxJobs, maxParallel, seed, earlyStopping, minResource, maxResource);
  }

  /** The same with early stopping Auto (true) or Off. */
  public TuningVariant earlyStopping(boolean auto) {
    return new TuningVariant(strategy, jobs, parallel, seed, auto, minResource, maxResource);
  }

  /** Strategy Hyperband with this HyperbandStrategyConfig (rounds), early stopping Off. */
  public TuningVariant hyperband(int min, int max) {
    return new TuningVariant("Hyperband", jobs, parallel, seed, false, min, max);
  }

  /** A short label, e.g. {@code Bayesian p3 ES=Auto}. */
  public String label() {
    return strategy + " p" + parallel + (earlyStopping ? " ES=Auto" : "")
        + (minResource > 0 ? " R=" + minResource + ".." + maxResource : "");
  }
}
