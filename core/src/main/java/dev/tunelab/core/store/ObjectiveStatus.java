package dev.tunelab.core.store;

/**
 * A training job's {@code ObjectiveStatus} in a HyperParameterTrainingJobSummary, counted in
 * DescribeHyperParameterTuningJob's {@code ObjectiveStatusCounters}. The store decides it when a
 * job's status changes and keeps it in the {@code objective_status} column; readers take it from
 * {@link TrainingJobRecord#objectiveStatus()}.
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

  /**
   * The status for a job's status and objective value: Pending until the job is terminal, then
   * Succeeded when it ended Completed or Stopped with an objective value, else Failed.
   */
  public static ObjectiveStatus of(TrainingJobStatus status, Double objectiveValue) {
    if (!status.isTerminal()) {
      return PENDING;
    }
    return status != TrainingJobStatus.Failed && objectiveValue != null ? SUCCEEDED : FAILED;
  }

  /** The status stored as its SageMaker name (the {@code objective_status} column). */
  public static ObjectiveStatus fromSageMaker(String name) {
    for (ObjectiveStatus s : values()) {
      if (s.sageMakerName.equals(name)) {
        return s;
      }
    }
    throw new JobStoreException("column objective_status holds '" + name + "'; expected Succeeded, Pending or Failed", null);
  }
}
