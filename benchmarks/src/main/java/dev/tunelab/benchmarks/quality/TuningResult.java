package dev.tunelab.benchmarks.quality;

import dev.tunelab.core.store.TuningJobStatus;

/**
 * What one tuning job of a report produced.
 *
 * @param name             tuning job name
 * @param variant          the settings it ran with
 * @param status           its final status
 * @param best             best (lowest) objective value over its training jobs (validation:rmse)
 * @param jobs             training jobs it launched
 * @param stopped          training jobs that ended Stopped (early stopping or Hyperband)
 * @param rounds           boosting rounds trained, summed over its training jobs
 * @param wallMillis       wall time of {@code TuningJobRunner.run}, in milliseconds
 * @param trainingMillis   sum over its training jobs of the time spent inside the trainer's
 *                         {@code train} call (boosting, evaluation, the model file), in milliseconds
 * @param storeTrainingMillis the same sum from the store's TrainingEndTime - TrainingStartTime
 *                         (milliseconds; bookkeeping between those stamps counts as training)
 */
public record TuningResult(String name, TuningVariant variant, TuningJobStatus status, double best, int jobs,
    int stopped, long rounds, long wallMillis, double trainingMillis,
    long storeTrainingMillis) {

  /**
   * Wall-clock time per job not spent training, in milliseconds:
   * (wall time x parallelism - sum of training durations) / jobs.
   */
  public double outsideTrainingMillisPerJob() {
    return ((double) wallMillis * variant.parallel() - trainingMillis) / jobs;
  }

  /** {@link #outsideTrainingMillisPerJob()} as a % of the slot time per job (wall x parallelism / jobs). */
  public double outsideTrainingPercent() {
    return 100.0 * outsideTrainingMillisPerJob() / ((double) wallMillis * variant.parallel() / jobs);
  }

  /** As {@link #outsideTrainingPercent()}, with the store's training times instead of the trainer's. */
  public double outsideStoreTrainingPercent() {
    double slot = (double) wallMillis * variant.parallel();
    return 100.0 * (slot - storeTrainingMillis) / slot;
  }

  /** Training jobs completed per second of wall time. */
  public double jobsPerSecond() {
    return jobs * 1000.0 / wallMillis;
  }
}
