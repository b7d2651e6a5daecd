package dev.tunelab.core.train;

import java.nio.file.Path;
import java.util.Map;

/**
 * How a training job ended.
 *
 * @param status         COMPLETED, STOPPED (by request, an early-stopping rule or
 *                       MaxRuntimeInSeconds) or FAILED
 * @param finalMetrics   final value of each metric (for the built-in XGBoost with early
 *                       stopping: the value at the best iteration), keyed by SageMaker metric name
 * @param modelArtifact  the saved model file, or {@code null} when none was written
 * @param failureReason  why it failed or stopped, or {@code null}
 * @param bestIteration  0-based best boosting round, or -1 when not applicable
 * @param roundsTrained  boosting rounds (or epochs) actually trained
 */
public record TrainingOutcome(
    Status status,
    Map<String, Double> finalMetrics,
    Path modelArtifact,
    String failureReason,
    int bestIteration,
    int roundsTrained) {

  /** Terminal states of a training job, as SageMaker names them. */
  public enum Status { COMPLETED, STOPPED, FAILED }

  public TrainingOutcome {
    finalMetrics = Map.copyOf(finalMetrics);
  }

  /** A failed outcome with the given reason and no metrics. */
  public static TrainingOutcome failed(String reason) {
    return new TrainingOutcome(Status.FAILED, Map.of(), null, reason, -1, 0);
  }
}
