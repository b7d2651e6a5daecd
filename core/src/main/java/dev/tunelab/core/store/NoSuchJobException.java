package dev.tunelab.core.store;

/** Thrown when an operation names a job the store does not hold; the message names the job. */
public final class NoSuchJobException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String jobName;

  /**
   * @param kind    "training job" or "tuning job"
   * @param jobName the name that was not found
   */
  public NoSuchJobException(String kind, String jobName) {
    super(kind + " '" + jobName + "' does not exist in the job store");
    this.jobName = jobName;
  }

  /** The name that was not found. */
  public String jobName() {
    return jobName;
  }
}
