package dev.tunelab.core.store;

/**
 * Status of a hyperparameter tuning job, spelled as SageMaker spells
 * {@code HyperParameterTuningJobStatus}, so {@link #name()} can be written into JSON as is.
 */
public enum TuningJobStatus {
  /** Created and still launching or waiting for training jobs. */
  InProgress,
  /** Finished: the training-job budget or a completion criterion was reached. */
  Completed,
  /** Finished with an error; the record carries a failure reason. */
  Failed,
  /** A stop was requested; running training jobs are being stopped. */
  Stopping,
  /** Ended because it was stopped. */
  Stopped;

  /** Whether the tuning job has ended: {@link #Completed}, {@link #Failed} or {@link #Stopped}. */
  public boolean isTerminal() {
    return this == Completed || this == Failed || this == Stopped;
  }
}
