package dev.tunelab.core.tuning;

import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TuningJobRecord;
import java.util.Map;

/**
 * Hears about a tuning job's progress (for the CLI's progress line). Called from the scheduler
 * thread, except {@link #trainingLog} and {@link #roundReported}, which training threads call
 * (implementations must be cheap and thread-safe there).
 */
public interface TuningObserver {

  /** A training job was launched. */
  default void jobStarted(String trainingJobName, Map<String, String> tuned, TuningProgress progress) { }

  /** A training job ended. */
  default void jobFinished(TrainingJobRecord job, TuningProgress progress) { }

  /** One log line of a running training job (raw, tabs kept). */
  default void trainingLog(String trainingJobName, String line) { }

  /**
   * A running training job reported its objective metric for a new round (each round once, in
   * order; a re-print of an earlier round is not reported).
   *
   * @param trainingJobName the training job
   * @param round           0-based round as its log and its stored metrics number it (XGBoost's
   *                        {@code [56]}); for a bring-your-own job, the count of objective values
   *                        seen before this one
   */
  default void roundReported(String trainingJobName, int round) { }

  /** A notice for the user (stop requested, time limit reached, stale jobs failed on resume). */
  default void notice(String message) { }

  /** The tuning job reached its final status. */
  default void finished(TuningJobRecord job, TuningProgress progress) { }

  /** An observer that ignores everything. */
  TuningObserver NONE = new TuningObserver() { };
}
