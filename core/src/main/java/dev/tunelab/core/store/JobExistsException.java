package dev.tunelab.core.store;

/** Thrown when a job is created with a name the store already holds; the message names the job. */
public final class JobExistsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String jobName;

  /**
   * @param kind    "training job" or "tuning job"
   * @param jobName the name that is already taken
   */
  public JobExistsException(String kind, String jobName) {
    super(kind + " '" + jobName + "' already exists in the job store; choose another name");
    this.jobName = jobName;
  }

  /** The name that is already taken. */
  public String jobName() {
    return jobName;
  }
}
