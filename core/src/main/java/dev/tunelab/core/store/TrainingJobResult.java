package dev.tunelab.core.store;

import java.time.Instant;
import java.util.Map;

/**
 * How a training job ended, passed to {@link JobStore#finishTrainingJob}.
 *
 * @param status            Completed, Stopped or Failed
 * @param endTime           when it ended (kept to the millisecond)
 * @param finalMetrics      final value of each metric, keyed by metric name (may be empty)
 * @param objectiveValue    the tuning objective's final value, or {@code null} when none was
 *                          emitted; must be finite (a NaN objective is a failed objective: pass null)
 * @param modelArtifact     path of the saved model, or {@code null}
 * @param failureReason     why it failed (or stopped), or {@code null}
 * @param roundsTrained     boosting rounds (or epochs) trained, {@code >= 0}
 * @param retryableFailure  for Failed jobs: whether the failure was TuneLab's, not the job's
 *                          (counted as {@code RetryableError} rather than {@code NonRetryableError})
 */
public record TrainingJobResult(
    TrainingJobStatus status,
    Instant endTime,
    Map<String, Double> finalMetrics,
    Double objectiveValue,
    String modelArtifact,
    String failureReason,
    int roundsTrained,
    boolean retryableFailure) {

  public TrainingJobResult {
    Checks.requireNonNull(status, "status");
    if (!status.isTerminal()) {
      throw new IllegalArgumentException(
          "status of a training job result must be Completed, Stopped or Failed, got " + status);
    }
    endTime = Checks.requireMillis(endTime, "endTime");
    finalMetrics = Checks.orderedCopy(finalMetrics, "finalMetrics");
    if (objectiveValue != null && !Double.isFinite(objectiveValue)) {
      throw new IllegalArgumentException("objectiveValue must be finite or null, got "
          + objectiveValue);
    }
    if (roundsTrained < 0) {
      throw new IllegalArgumentException("roundsTrained must be >= 0, got " + roundsTrained);
    }
    if (retryableFailure && status != TrainingJobStatus.Failed) {
      throw new IllegalArgumentException("retryableFailure may only be true for status Failed, got "
          + status);
    }
  }

  /** A result whose failure (if any) is not retryable. */
  public TrainingJobResult(TrainingJobStatus status, Instant endTime,
      Map<String, Double> finalMetrics, Double objectiveValue, String modelArtifact,
      String failureReason, int roundsTrained) {
    this(status, endTime, finalMetrics, objectiveValue, modelArtifact, failureReason,
        roundsTrained, false);
  }
}
