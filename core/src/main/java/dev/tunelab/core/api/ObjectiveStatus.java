package dev.tunelab.core.api;

import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;

/**
 * A training job's {@code ObjectiveStatus} in a HyperParameterTrainingJobSummary, counted in
 * DescribeHyperParameterTuningJob's {@code ObjectiveStatusCounters}.
 */
public enum ObjectiveStatus {
  /** The job's final objective was used by the tuner. */
  SUCCEEDED("Succeeded"),
  /** The job has not ended yet. */
  PENDING("Pending"),
  /** The job ended without an objective value. */
  FAILED("Failed");

  private final String sageMakerName;

  ObjectiveStatus(String sageMakerName) {
    this.sageMakerName = sageMakerName;
  }

  /** The response's value: {@code Succeeded}, {@code Pending} or {@code Failed}. */
  public String sageMakerName() {
    return sageMakerName;
  }

  /** Pending while the job runs (InProgress or Stopping), else Succeeded when it has an objective value, else Failed. */
  public static ObjectiveStatus of(TrainingJobRecord job) {
    if (job.status() == TrainingJobStatus.InProgress || job.status() == TrainingJobStatus.Stopping) {
      return PENDING;
    }
    return job.objectiveValue() != null ? SUCCEEDED : FAILED;
  }
}
