package dev.tunelab.core.store;

/**
 * Status of a training job, spelled as SageMaker spells {@code TrainingJobStatus}, so
 * {@link #name()} can be written into JSON responses as is.
 */
public enum TrainingJobStatus {
  /** Created and not yet finished (it may not have started training yet). */
  InProgress,
  /** Finished normally. */
  Completed,
  /** Finished with an error; the record carries a failure reason. */
  Failed,
  /** A stop was asked for and the job has not ended yet. */
  Stopping,
  /** Ended because it was stopped (by request or an early-stopping rule). */
  Stopped;

  /** Whether the job has ended: {@link #Completed}, {@link #Failed} or {@link #Stopped}. */
  public boolean isTerminal() {
    return this == Completed || this == Failed || this == Stopped;
  }
}
